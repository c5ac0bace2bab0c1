package io.cityfin.gateway.ratelimit;

import reactor.core.publisher.Mono;

/**
 * Port: takes one token from the bucket of {@code id} under {@code limit}. Never fails: a store that does not answer
 * lets the request through (a limit must not turn an outage of its store into an outage of the platform), and the
 * store counts that.
 */
public interface RateLimiter {

    Mono<RateDecision> tryConsume(RateLimit limit, String id);
}
