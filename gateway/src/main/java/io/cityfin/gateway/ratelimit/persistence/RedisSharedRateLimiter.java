package io.cityfin.gateway.ratelimit.persistence;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter.Response;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.data.redis.core.script.RedisScript;

import io.cityfin.gateway.ratelimit.RateDecision;
import io.cityfin.gateway.ratelimit.RateLimit;
import io.cityfin.gateway.ratelimit.RateLimiter;
import reactor.core.publisher.Mono;

/**
 * Token buckets in Redis, shared by every gateway replica: Spring Cloud Gateway's own {@link RedisRateLimiter} (its Lua
 * script runs atomically in Redis; non-blocking over Lettuce), one per {@link RateLimit}, driven from the port rather
 * than as a route filter, so that the gateway's own endpoints are limited too. Its route id is the limit's name and
 * its id the bucket's, so the keys are {@code request_rate_limiter.{<name>.<id>}.tokens|timestamp}, expiring after
 * twice the time a bucket takes to fill.
 * <p>
 * {@code Retry-After}: the script refills by Redis's clock in whole seconds ({@code TIME}), {@code perSecond} tokens
 * each time the second turns, and {@code perSecond} is at least 1; so a refused request's bucket has a token again
 * at the next turn of Redis's second, at most 1 s away: {@code Retry-After: 1}, whatever the limit.
 * <p>
 * The store failing or not answering in time lets the request through ({@link FailOpenRedisTemplate}); such a decision
 * has {@code remaining = -1}.
 */
public final class RedisSharedRateLimiter implements RateLimiter {

    /** Largest burst SCG's script accepts (what Lua's doubles hold exactly). */
    private static final long MAX_BURST = 9_007_199_254_740_991L;

    private static final Duration NEXT_REFILL = Duration.ofSeconds(1);

    private final FailOpenRedisTemplate template;
    private final RedisScript<List<Long>> script;
    private final ConfigurationService configurationService;
    private final ConcurrentMap<RateLimit, RedisRateLimiter> limiters = new ConcurrentHashMap<>();

    RedisSharedRateLimiter(FailOpenRedisTemplate template, RedisScript<List<Long>> script,
                           ConfigurationService configurationService) {
        this.template = template;
        this.script = script;
        this.configurationService = configurationService;
    }

    /** Opens the connection to Redis in the background, so that the first requests need not wait for it. */
    void connect() {
        template.connect();
    }

    @Override
    public Mono<RateDecision> tryConsume(RateLimit limit, String id) {
        return limiters.computeIfAbsent(limit, this::limiterFor)
                .isAllowed(limit.name(), id)
                .map(RedisSharedRateLimiter::decision)
                // the template already answers an allowed request on any store error; this covers a fault of our own
                .onErrorReturn(RateDecision.allowed(-1));
    }

    private RedisRateLimiter limiterFor(RateLimit limit) {
        RedisRateLimiter limiter = new RedisRateLimiter(template, script, configurationService);
        limiter.getConfig().put(limit.name(), new RedisRateLimiter.Config()
                // a rate over 2^31 a second is no limit at all; the record guarantees burst >= perSecond >= 1
                .setReplenishRate((int) Math.min(limit.perSecond(), Integer.MAX_VALUE))
                .setBurstCapacity(Math.min(limit.burst(), MAX_BURST)));
        return limiter;
    }

    private static RateDecision decision(Response response) {
        String remaining = response.getHeaders().get(RedisRateLimiter.REMAINING_HEADER);
        long left = remaining == null ? -1 : Long.parseLong(remaining);
        return response.isAllowed() ? RateDecision.allowed(left) : RateDecision.refused(NEXT_REFILL);
    }
}
