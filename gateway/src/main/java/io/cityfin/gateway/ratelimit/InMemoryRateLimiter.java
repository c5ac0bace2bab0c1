package io.cityfin.gateway.ratelimit;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import reactor.core.publisher.Mono;

/**
 * Bucket4j token buckets in this gateway's memory: right for one gateway (the local run); with several replicas each
 * keeps its own, so a caller gets up to N times its limit (the shared store is {@code cityfin.gateway.rate-limit.store=redis}).
 * At most {@value #MAX_BUCKETS} buckets, dropped after {@value #IDLE_MINUTES} idle minutes (a bucket idle that long is full
 * again anyway), so ids that come from outside (client addresses) cannot grow memory without bound.
 */
public final class InMemoryRateLimiter implements RateLimiter {

    static final long MAX_BUCKETS = 100_000;
    static final long IDLE_MINUTES = 10;

    private final TimeMeter time;
    private final Cache<Key, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(MAX_BUCKETS).expireAfterAccess(Duration.ofMinutes(IDLE_MINUTES)).build();

    /** {@code time} refills the buckets: the system's in the app, a test's own where refills must not depend on its speed. */
    public InMemoryRateLimiter(TimeMeter time) {
        this.time = time;
    }

    @Override
    public Mono<RateDecision> tryConsume(RateLimit limit, String id) {
        Bucket bucket = buckets.get(new Key(limit, id), key -> Bucket.builder()
                .withCustomTimePrecision(time)
                .addLimit(bandwidth -> bandwidth.capacity(limit.burst()).refillGreedy(limit.perSecond(), Duration.ofSeconds(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return Mono.just(probe.isConsumed()
                ? RateDecision.allowed(probe.getRemainingTokens())
                : RateDecision.refused(Duration.ofNanos(probe.getNanosToWaitForRefill())));
    }

    private record Key(RateLimit limit, String id) {
    }
}
