package io.cityfin.reporting.indicator.web;

import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.cityfin.common.http.QueryParameters;
import io.cityfin.common.indicator.api.IndicatorApi;
import io.cityfin.common.indicator.api.model.IndicatorSetDto;
import io.cityfin.reporting.indicator.IndicatorQuery;
import io.cityfin.reporting.indicator.IndicatorService;
import io.cityfin.reporting.indicator.IndicatorSheet;
import reactor.core.publisher.Mono;

@RestController
class IndicatorController implements IndicatorApi {

    private final IndicatorService indicators;
    private final Clock clock;

    IndicatorController(IndicatorService indicators, Clock clock) {
        this.indicators = indicators;
        this.clock = clock;
    }

    @Override
    public Mono<ResponseEntity<IndicatorSetDto>> getIndicators(String period, @Nullable String region,
                                                              @Nullable String ifNoneMatch, ServerWebExchange exchange) {
        IndicatorQuery query = new IndicatorQuery(QueryParameters.period("period", period, clock),
                QueryParameters.region("region", region));
        return indicators.indicators(query).map(IndicatorController::toDto).map(ResponseEntity::ok);
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
