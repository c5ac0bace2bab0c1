package io.cityfin.reporting.indicator;

import java.util.List;

import reactor.core.publisher.Mono;

/** Port: the targets set for a year (empty when none), for the city-wide indicators. */
public interface IndicatorTargets {

    Mono<List<Target>> forYear(int year);
}
