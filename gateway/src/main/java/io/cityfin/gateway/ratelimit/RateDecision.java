package io.cityfin.gateway.ratelimit;

import java.time.Duration;

/**
 * Whether a request may pass: {@code remaining} tokens are left in its bucket afterwards (−1 when the store could not
 * tell), and when it may not, how long until a token is back (at least 1 s, as {@code Retry-After} says it).
 */
public record RateDecision(boolean allowed, long remaining, Duration retryAfter) {

    public static RateDecision allowed(long remaining) {
        return new RateDecision(true, remaining, Duration.ZERO);
    }

    public static RateDecision refused(Duration retryAfter) {
        return new RateDecision(false, 0, retryAfter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : retryAfter);
    }
}
