package io.cityfin.reporting.indicator;

import java.util.List;

import io.cityfin.common.indicator.api.model.IndicatorDto;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A source of indicators a service configures as a bean: report lines, records, or figures derived from them.
 * Each source answers for the codes it owns ({@link #codes()}); the indicator output concatenates all sources.
 */
public interface IndicatorSource {

    Flux<IndicatorDto> indicators(IndicatorQuery query);

    /**
     * The codes {@link #indicators} lists, for any query and any caller (a withheld, unavailable or {@code null}
     * indicator is listed too), in the order it lists them. They are fixed by the service's configuration: answered
     * from it, computing and reading nothing. Every service's {@code <Name>PublishedFigureIT} checks them against a
     * computed sheet.
     */
    List<String> codes();

    /**
     * What the answer draws on beyond the service's own database (whose {@link DataVersion} the answer's ETag names
     * anyway): the tags of the sheets it imports from other services. Must be cheap and compute no indicator.
     */
    default Mono<String> tag(IndicatorQuery query) {
        return Mono.just("");
    }
}
