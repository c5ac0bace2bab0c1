package io.cityfin.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Port: takes one token from the bucket of {@code id} under {@code limit}. Never fails: a store that does not answer
 * lets the request through (a limit must not turn an outage of its store into an outage of the platform), and the
 * store counts that.
 */
public interface RateLimiter {

    /**
     * Store calls that failed or timed out, each letting its request through unlimited. Every store registers it, the
     * memory store too (always 0 there), so that the dashboards and the alert find the series whatever the store.
     */
    static Counter storeErrors(MeterRegistry registry) {
        return Counter.builder("cityfin.gateway.rate.limit.store.errors")
                .description("Rate-limit store calls that failed or timed out; each let its request through unlimited")
                .register(registry);
    }

    Mono<RateDecision> tryConsume(RateLimit limit, String id);
}
