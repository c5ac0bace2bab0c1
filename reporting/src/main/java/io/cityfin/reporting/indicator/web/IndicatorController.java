package io.cityfin.reporting.indicator.web;

import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.cityfin.common.http.IfNoneMatch;
import io.cityfin.common.http.QueryParameters;
import io.cityfin.common.indicator.api.IndicatorApi;
import io.cityfin.common.indicator.api.model.IndicatorSetDto;
import io.cityfin.reporting.indicator.IndicatorQuery;
import io.cityfin.reporting.indicator.IndicatorService;
import io.cityfin.reporting.indicator.IndicatorSheet;
import io.cityfin.reporting.indicator.KeptSheets;
import reactor.core.publisher.Mono;

/**
 * {@code GET /indicators}: the sheet with its strong ETag ({@link IndicatorService#tag}), {@code Cache-Control: private,
 * no-cache} and {@code Vary: Authorization} (the answer depends on the caller's view: a shared cache must never
 * serve it to another caller, and a private one revalidates). A matching {@code If-None-Match} is a 304 with the
 * same headers and no body, and no indicator is computed; a malformed one is a 400 problem. A 200 whose tag was
 * answered lately is served from {@link KeptSheets}, uncomputed.
 */
@RestController
class IndicatorController implements IndicatorApi {

    static final String CACHE_CONTROL = "private, no-cache";

    private final IndicatorService indicators;
    private final KeptSheets kept;
    private final Clock clock;

    IndicatorController(IndicatorService indicators, KeptSheets kept, Clock clock) {
        this.indicators = indicators;
        this.kept = kept;
        this.clock = clock;
    }

    @Override
    public Mono<ResponseEntity<IndicatorSetDto>> getIndicators(String period, @Nullable String region,
                                                              @Nullable String ifNoneMatch, ServerWebExchange exchange) {
        IndicatorQuery query = new IndicatorQuery(QueryParameters.period("period", period, clock),
                QueryParameters.region("region", region));
        IfNoneMatch condition = IfNoneMatch.parse(ifNoneMatch);
        return indicators.tag(query).flatMap(etag -> condition != null && condition.matches(etag)
                ? Mono.just(headers(ResponseEntity.status(HttpStatus.NOT_MODIFIED), etag).<IndicatorSetDto>build())
                : kept.sheet(query, etag).map(sheet -> headers(ResponseEntity.ok(), etag).body(toDto(sheet))));
    }

    private static ResponseEntity.BodyBuilder headers(ResponseEntity.BodyBuilder builder, String etag) {
        return builder.eTag(etag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).varyBy(HttpHeaders.AUTHORIZATION);
    }

    private static IndicatorSetDto toDto(IndicatorSheet sheet) {
        return new IndicatorSetDto()
                .period(sheet.query().period().toString())
                .region(sheet.query().region().code())
                .generatedAt(sheet.generatedAt())
                .yearElapsedPct(sheet.yearElapsedPct())
                .indicators(sheet.indicators());
    }
}
