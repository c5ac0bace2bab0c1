package io.cityfin.reporting.warning.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.cityfin.reporting.api.WarningApi;
import io.cityfin.reporting.api.model.ReviewableWarningDto;
import io.cityfin.reporting.warning.ReviewableWarning;
import io.cityfin.reporting.warning.WarningService;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
class WarningController implements WarningApi {

    private final WarningService warnings;

    WarningController(WarningService warnings) {
        this.warnings = warnings;
    }

    @Override
    public Mono<ResponseEntity<Flux<ReviewableWarningDto>>> listWarnings(@Nullable String period, @Nullable Boolean reviewed,
                                                                        ServerWebExchange exchange) {
        Flux<ReviewableWarningDto> list = warnings.list(period, reviewed).map(WarningController::toDto);
        return Mono.just(ResponseEntity.ok(list));
    }

    @Override
    public Mono<ResponseEntity<ReviewableWarningDto>> reviewWarning(Long id, ServerWebExchange exchange) {
        return warnings.review(id).map(warning -> ResponseEntity.ok(toDto(warning)));
    }

    private static ReviewableWarningDto toDto(ReviewableWarning warning) {
        return new ReviewableWarningDto()
                .id(warning.id())
                .institutionCode(warning.institutionCode())
                .period(warning.period() == null ? null : warning.period().toString())
                .collection(warning.collection())
                .recordId(warning.recordId() == null ? null : warning.recordId().toString())
                .recordKey(warning.recordKey())
                .version(warning.version())
                .code(warning.code())
                .pointer(warning.pointer())
                .message(warning.message())
                .reviewedAt(warning.reviewedAt())
                .reviewedBy(warning.reviewedBy());
    }
}
