package io.cityfin.gateway.indicator.web;

import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.cityfin.common.http.QueryParameters;
import io.cityfin.common.indicator.api.ConsolidatedApi;
import io.cityfin.common.indicator.api.model.ConsolidatedIndicatorSetDto;
import io.cityfin.common.indicator.api.model.SourceDto;
import io.cityfin.gateway.indicator.ConsolidatedIndicatorService;
import io.cityfin.gateway.indicator.ConsolidatedIndicators;
import io.cityfin.gateway.indicator.SourceStatus;
import reactor.core.publisher.Mono;

@RestController
class ConsolidatedIndicatorController implements ConsolidatedApi {

    private final ConsolidatedIndicatorService service;
    private final Clock clock;

    ConsolidatedIndicatorController(ConsolidatedIndicatorService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @Override
    public Mono<ResponseEntity<ConsolidatedIndicatorSetDto>> getConsolidatedIndicators(String period, @Nullable String region,
                                                                                      @Nullable String ifNoneMatch, ServerWebExchange exchange) {
        return service.indicators(QueryParameters.period("period", period, clock), QueryParameters.region("region", region))
                .map(ConsolidatedIndicatorController::toDto)
                .map(ResponseEntity::ok);
    }

    private static ConsolidatedIndicatorSetDto toDto(ConsolidatedIndicators merged) {
        return new ConsolidatedIndicatorSetDto()
                .period(merged.period().toString())
                .region(merged.region().code())
                .generatedAt(merged.generatedAt())
                .yearElapsedPct(merged.yearElapsedPct())
                .indicators(merged.indicators())
                .sources(merged.sources().stream().map(ConsolidatedIndicatorController::toDto).toList());
    }

    private static SourceDto toDto(SourceStatus status) {
        return new SourceDto()
                .service(status.service())
                .status(SourceDto.StatusEnum.fromValue(status.status().name()))
                .detail(status.detail())
                .servedFromCacheAt(status.servedFromCacheAt());
    }
}
