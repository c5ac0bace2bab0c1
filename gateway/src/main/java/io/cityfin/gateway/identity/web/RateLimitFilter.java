package io.cityfin.gateway.identity.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.ConsumptionProbe;
import io.cityfin.common.identity.Access;
import io.cityfin.common.identity.Caller;
import io.cityfin.common.identity.RefusalCounter;
import io.cityfin.common.problem.Problem;
import io.cityfin.common.problem.ProblemResponses;
import io.cityfin.gateway.config.CityfinGatewayProperties;
import io.cityfin.gateway.identity.ApiKeyService;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A token bucket per API key (its id), in this gateway's memory: {@code burst} requests at once, refilled at
 * {@code perSecond}. Over the limit: {@code 429} with {@code Retry-After}; other keys are unaffected. One bucket per
 * key, so the map grows with the number of keys, not of requests or addresses. Several gateway replicas each keep
 * their own buckets (see the gateway README for a shared store). The bootstrap admin key from the environment is
 * the operator's own and is not limited.
 */
class RateLimitFilter implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final CityfinGatewayProperties.RateLimit limit;
    private final RefusalCounter refusals;
    private final JsonMapper jsonMapper;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** {@code time} refills the buckets: the system's in the app, a test's own where refills must not depend on its speed. */
    RateLimitFilter(CityfinGatewayProperties.RateLimit limit, RefusalCounter refusals, JsonMapper jsonMapper, TimeMeter time) {
        this.limit = limit;
        this.refusals = refusals;
        this.jsonMapper = jsonMapper;
        this.time = time;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return Access.callerIfAny()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(caller -> caller.isPresent() && !caller.get().subject().equals(ApiKeyService.BOOTSTRAP_ADMIN)
                        ? limited(caller.get(), exchange, chain)
                        : chain.filter(exchange));
    }

    private Mono<Void> limited(Caller caller, ServerWebExchange exchange, WebFilterChain chain) {
        Bucket bucket = buckets.computeIfAbsent(caller.subject(), subject -> Bucket.builder()
                .withCustomTimePrecision(time)
                .addLimit(bandwidth -> bandwidth.capacity(limit.burst()).refillGreedy(limit.perSecond(), Duration.ofSeconds(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        if (probe.isConsumed()) {
            return chain.filter(exchange);
        }
        long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        refusals.count(RefusalCounter.Reason.RATE_LIMITED);
        log.info("Rate limit reached for API key {}", caller.subject());
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        return ProblemResponses.write(exchange, new Problem(429, "Too many requests",
                "This API key is over its rate limit; retry after " + retryAfter + " s.", List.of()), jsonMapper);
    }
}
