package io.cityfin.gateway.bulletin;

import java.time.Duration;

import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import reactor.core.publisher.Flux;

/**
 * Port: one service's published figures of a period and region ({@code GET /published-figures}), asked for the
 * current caller. A service that cannot answer gives none (the bulletin is still written, without its corrections).
 */
public interface PublishedFigures {

    /** {@code timeout}: how long to wait for the service; after it, no figures. */
    Flux<PublishedFigure> find(String service, Period period, Region region, Duration timeout);
}
