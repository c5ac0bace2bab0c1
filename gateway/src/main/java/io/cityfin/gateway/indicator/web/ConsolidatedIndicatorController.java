package io.cityfin.gateway.indicator.web;

import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.cityfin.common.http.IfNoneMatch;
import io.cityfin.common.http.QueryParameters;
import io.cityfin.common.identity.IndicatorView;
import io.cityfin.common.indicator.api.ConsolidatedApi;
import io.cityfin.common.indicator.api.model.ConsolidatedIndicatorSetDto;
import io.cityfin.common.indicator.api.model.SourceDto;
import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import io.cityfin.gateway.indicator.ConsolidatedIndicatorService;
import io.cityfin.gateway.indicator.ConsolidatedIndicators;
import io.cityfin.gateway.indicator.SourceStatus;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/indicators}: the merged answer with its strong ETag, {@code Cache-Control: private, no-cache} and
 * {@code Vary: Authorization} (answers differ by the caller's view, so no shared cache may keep one); a matching
 * {@code If-None-Match} is a 304 without a body.
 */
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
        Period asked = QueryParameters.period("period", period, clock);
        Region where = QueryParameters.region("region", region);
        IfNoneMatch condition = IfNoneMatch.parse(ifNoneMatch); // malformed: 400 before any service is asked
        return IndicatorView.current()
                .flatMap(view -> service.indicators(asked, where, view))
                .map(merged -> {
                    HttpHeaders headers = headers(merged.etag());
                    if (condition != null && condition.matches(merged.etag())) {
                        return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(headers).build();
                    }
                    return ResponseEntity.ok().headers(headers).body(toDto(merged));
                });
    }

    static HttpHeaders headers(String etag) {
        HttpHeaders headers = new HttpHeaders();
        headers.setETag(etag);
        headers.setCacheControl("private, no-cache");
        headers.setVary(List.of(HttpHeaders.AUTHORIZATION));
        return headers;
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
