package io.cityfin.reporting.published;

import java.util.Set;

import reactor.core.publisher.Mono;

/**
 * Port: the codes of this service's indicators, the set {@code GET /indicators} lists. The machinery answers it with
 * {@link io.cityfin.reporting.indicator.IndicatorService#codes()} (fixed by configuration, no sheet computed).
 */
@FunctionalInterface
public interface IndicatorCodes {

    Mono<Set<String>> codes();
}
