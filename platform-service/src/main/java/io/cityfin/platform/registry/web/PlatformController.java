package io.cityfin.platform.registry.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.cityfin.common.problem.InvalidParameterException;
import io.cityfin.platform.api.PlatformApiRecords;
import io.cityfin.platform.api.model.PlatformContentDto;
import io.cityfin.platform.api.model.PlatformDto;
import io.cityfin.platform.api.model.PlatformHistoryEntryDto;
import io.cityfin.platform.api.model.PlatformWarningDto;
import io.cityfin.platform.registry.Platform;
import io.cityfin.platform.registry.PlatformType;
import io.cityfin.reporting.record.RecordDto;
import io.cityfin.reporting.record.RecordEndpoints;
import io.cityfin.reporting.record.RecordQuery;
import io.cityfin.reporting.record.RecordReads;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.StoredRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
class PlatformController implements PlatformApiRecords {

    private final RecordEndpoints<Platform, PlatformDto> platforms;

    PlatformController(RecordService<Platform> platforms) {
        this.platforms = RecordEndpoints.of(platforms, PlatformController::dto);
    }

    @Override
    public RecordReads<PlatformDto> platforms() {
        return platforms.byKey(PlatformType::key);
    }

    @Override
    public Mono<ResponseEntity<PlatformDto>> putPlatform(String uscc, Mono<PlatformContentDto> body, @Nullable String ifMatch,
                                                        ServerWebExchange exchange) {
        return platforms.put(PlatformType.key(uscc), null, body, ifMatch, PlatformController::content, PlatformContentDto::getStatus);
    }

    @Override
    public Mono<ResponseEntity<Flux<PlatformDto>>> listPlatforms(@Nullable String tier, @Nullable String region, @Nullable String status,
                                                               Integer offset, Integer limit, ServerWebExchange exchange) {
        RecordQuery query = RecordQuery.all().region(RecordEndpoints.regionFilter("region", region))
                .status(RecordEndpoints.statusFilter("status", status)).page(offset, limit);
        if (tier != null) {
            if (!Platform.CITY.equals(tier) && !Platform.COUNTY.equals(tier)) {
                throw new InvalidParameterException("tier", "UNKNOWN_TIER", "A tier is CITY or COUNTY.");
            }
            query = query.where("tier", tier);
        }
        return platforms.page(query);
    }

    private static Platform content(PlatformContentDto dto) {
        List<PlatformHistoryEntryDto> history = dto.getHistory();
        return new Platform(dto.getName(), dto.getTier(), dto.getRegion(), history == null ? null : history.stream()
                .map(entry -> entry == null ? null : new Platform.Entry(entry.getFrom(), entry.getStatus(), entry.getLevel(), entry.getParent()))
                .collect(java.util.stream.Collectors.toList()));
    }

    private static PlatformDto dto(StoredRecord<Platform> record) {
        Platform content = record.content();
        return RecordDto.envelope(new PlatformDto(), record, PlatformWarningDto::new).uscc(record.key())
                .name(content.name()).tier(content.tier()).region(content.region())
                .history(content.history() == null ? null : content.history().stream().map(entry -> entry == null ? null
                        : new PlatformHistoryEntryDto().from(entry.from()).status(entry.status()).level(entry.level()).parent(entry.parent()))
                        .collect(java.util.stream.Collectors.toList()));
    }
}
