package io.cityfin.gateway.identity.web;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.cityfin.common.identity.Access;
import io.cityfin.common.identity.Caller;
import io.cityfin.common.identity.RefusalCounter;
import io.cityfin.common.problem.Problem;
import io.cityfin.gateway.identity.ApiKeyService;
import io.cityfin.gateway.ratelimit.RateDecision;
import io.cityfin.gateway.ratelimit.RateLimit;
import io.cityfin.gateway.ratelimit.RateLimiter;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A token bucket per API key (its subject: the key id, or {@code service:<name>}): {@code burst} requests at once,
 * refilled at {@code perSecond}, in the {@link RateLimiter}'s store (this gateway's memory, or one every replica
 * shares). Over the limit: {@code 429} with {@code Retry-After}; other keys are unaffected. The bootstrap admin key
 * from the environment is the operator's own and is not limited.
 */
class RateLimitFilter implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final RateLimit limit;
    private final RateLimiter limiter;
    private final RefusalCounter refusals;
    private final JsonMapper jsonMapper;

    RateLimitFilter(RateLimit limit, RateLimiter limiter, RefusalCounter refusals, JsonMapper jsonMapper) {
        this.limit = limit;
        this.limiter = limiter;
        this.refusals = refusals;
        this.jsonMapper = jsonMapper;
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
        return limiter.tryConsume(limit, caller.subject()).flatMap(decision -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            if (decision.remaining() >= 0) {
                headers.set("X-RateLimit-Remaining", Long.toString(decision.remaining()));
            }
            if (decision.allowed()) {
                return chain.filter(exchange);
            }
            return refuse(exchange, decision, caller);
        });
    }

    private Mono<Void> refuse(ServerWebExchange exchange, RateDecision decision, Caller caller) {
        log.debug("Rate limit reached for API key {}", caller.subject()); // counted; at INFO a client over its limit floods the log
        return TooManyRequests.answer(exchange, decision.retryAfter(), RefusalCounter.Reason.RATE_LIMITED, "Too many requests",
                "This API key is over its rate limit", refusals, jsonMapper);
    }
}
