package io.cityfin.reporting.indicator;

import io.cityfin.common.indicator.api.model.IndicatorDto;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A source of indicators a service configures as a bean: report lines, records, or figures derived from them.
 * Each source answers for the codes it owns; the indicator output concatenates all sources.
 */
public interface IndicatorSource {

    Flux<IndicatorDto> indicators(IndicatorQuery query);

    /**
     * What the answer draws on beyond the service's own database (whose {@link DataVersion} the answer's ETag names
     * anyway): the tags of the sheets it imports from other services. Must be cheap and compute no indicator.
     */
    default Mono<String> tag(IndicatorQuery query) {
        return Mono.just("");
    }
}
