package io.cityfin.reporting.indicator;

import java.util.List;

import io.cityfin.common.http.EntityTag;
import io.cityfin.common.indicator.api.model.IndicatorDto;
import reactor.core.publisher.Mono;

/**
 * Port: another service's published indicators, as any client reads them through the gateway. The machinery's
 * implementation calls the gateway with the service's own API key, with a timeout and a circuit breaker.
 */
public interface PublishedIndicators {

    /**
     * The indicators {@code service} (a gateway path segment, such as {@code capital-market}) publishes for the
     * query's period and region; a {@link PublishedIndicatorsUnavailableException} while it does not answer.
     * <p>
     * Several queries of one service are read one after the other, or each with its error resumed: after an outage the
     * breaker lets a single trial call through and refuses the calls beside it at once, and a refusal that cancels the
     * trial call (a {@code flatMap} failing fast) keeps the breaker from ever closing again.
     */
    Mono<List<IndicatorDto>> indicators(String service, IndicatorQuery query);

    /**
     * The same sheet with the ETag its service gave it, so that an importing service's own tag changes when the
     * imported sheet does. The machinery's implementation keeps each sheet and asks again with {@code If-None-Match};
     * this default (a stand-in that knows no tag) names the sheet by its content.
     */
    default Mono<Sheet> sheet(String service, IndicatorQuery query) {
        return indicators(service, query).map(indicators -> new Sheet(indicators, EntityTag.of(indicators)));
    }

    /** A published sheet and its ETag. */
    record Sheet(List<IndicatorDto> indicators, String etag) {

        public Sheet {
            indicators = List.copyOf(indicators);
        }
    }

    /** No source configured: every service is unavailable. */
    static PublishedIndicators none() {
        return (service, query) -> Mono.error(new PublishedIndicatorsUnavailableException(service, "no published indicator source configured"));
    }
}
