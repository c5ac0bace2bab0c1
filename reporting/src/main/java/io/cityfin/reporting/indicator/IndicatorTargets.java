package io.cityfin.reporting.indicator;

import java.util.List;

import reactor.core.publisher.Mono;

/** Port: the targets set for a year (empty when none), for the city-wide indicators. */
public interface IndicatorTargets {

    Mono<List<Target>> forYear(int year);

    /** The targets a query's indicators carry: the year's for the city, none for a region. */
    default Mono<List<Target>> forQuery(IndicatorQuery query) {
        return query.region().isCity() ? forYear(query.period().year()) : Mono.just(List.of());
    }
}
