package io.cityfin.gateway.indicator;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

/** The generations port in memory; {@link #failing} makes every read fail, as a database that is away. */
final class InMemoryGenerations implements Generations {

    private final Map<String, Long> generations = new ConcurrentHashMap<>();
    volatile boolean failing;

    @Override
    public Mono<Map<String, Long>> current() {
        return failing ? Mono.error(new IllegalStateException("database away")) : Mono.fromSupplier(() -> Map.copyOf(generations));
    }

    @Override
    public Mono<Void> bump(Collection<String> services) {
        return Mono.fromRunnable(() -> services.forEach(service -> generations.merge(service, 1L, Long::sum)));
    }
}
