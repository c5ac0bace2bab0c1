package io.cityfin.reporting.target.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.cityfin.reporting.api.TargetApi;
import io.cityfin.reporting.api.model.NewTargetSetDto;
import io.cityfin.reporting.api.model.TargetLineDto;
import io.cityfin.reporting.api.model.TargetSetDto;
import io.cityfin.reporting.target.TargetService;
import io.cityfin.reporting.target.TargetSet;
import reactor.core.publisher.Mono;

@RestController
class TargetController implements TargetApi {

    private final TargetService targets;

    TargetController(TargetService targets) {
        this.targets = targets;
    }

    @Override
    public Mono<ResponseEntity<TargetSetDto>> putTargets(Integer year, Mono<NewTargetSetDto> body, ServerWebExchange exchange) {
        return body
                .map(dto -> dto.getTargets().stream()
                        .map(line -> line == null ? new TargetService.Requested(null, null, null)
                                : new TargetService.Requested(line.getIndicator(), line.getKind(), line.getValue()))
                        .toList())
                .flatMap(requested -> targets.put(year, requested))
                .map(put -> ResponseEntity.status(put.created() ? HttpStatus.CREATED : HttpStatus.OK).body(toDto(put.set())));
    }

    @Override
    public Mono<ResponseEntity<TargetSetDto>> getTargets(Integer year, ServerWebExchange exchange) {
        return targets.get(year).map(set -> ResponseEntity.ok(toDto(set)));
    }

    private static TargetSetDto toDto(TargetSet set) {
        List<TargetLineDto> lines = set.targets().stream()
                .map(target -> new TargetLineDto().indicator(target.indicator()).kind(target.kind().name())
                        .value(new java.math.BigDecimal(target.value().stripTrailingZeros().toPlainString())))
                .toList();
        return new TargetSetDto().year(set.year()).version(set.version()).changedAt(set.changedAt()).targets(lines);
    }
}
