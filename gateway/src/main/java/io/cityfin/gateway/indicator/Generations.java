package io.cityfin.gateway.indicator;

import java.util.Collection;
import java.util.Map;

import reactor.core.publisher.Mono;

/**
 * Port: each service's generation, shared by every gateway replica. A gateway bumps it for every 2xx write it
 * passes, before the write's answer leaves; a kept answer taken at a generation is current while the generation
 * stands. A service never written has generation 0.
 */
public interface Generations {

    /** Every service's current generation (absent: 0). */
    Mono<Map<String, Long>> current();

    /** Adds one to each service's generation, committed when the Mono completes. */
    Mono<Void> bump(Collection<String> services);
}
