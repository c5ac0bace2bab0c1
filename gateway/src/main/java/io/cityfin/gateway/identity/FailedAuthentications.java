package io.cityfin.gateway.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.cityfin.gateway.ratelimit.RateLimit;
import io.cityfin.gateway.ratelimit.RateLimiter;
import reactor.core.publisher.Mono;

/**
 * Failed authentications per client address, on the gateway's {@link RateLimiter} (so shared by every replica when its
 * store is): each failure takes a token from the address's bucket; once the bucket refuses, this gateway remembers
 * the address as throttled until a token is due back, and a key it does not already know from that address is refused
 * unread, without a hash or a look-up. Keys that authenticated a moment ago (in the key cache) still pass, so a
 * caller behind the same address as a flood keeps working. While throttled, further failures take no token, so a flood
 * costs the store nothing either.
 */
public final class FailedAuthentications {

    /** Addresses remembered at once; a flood from more addresses than this is a distributed attack, met elsewhere. */
    static final long MAX_ADDRESSES = 100_000;

    private final RateLimiter limiter;
    private final RateLimit limit;
    private final Clock clock;
    /** How long the bucket takes to get one token back. */
    private final Duration oneToken;
    private final Cache<String, Instant> throttledUntil;

    public FailedAuthentications(RateLimiter limiter, RateLimit limit, Clock clock) {
        this.limiter = limiter;
        this.limit = limit;
        this.clock = clock;
        this.oneToken = Duration.ofNanos(1_000_000_000L / limit.perSecond());
        this.throttledUntil = Caffeine.newBuilder().maximumSize(MAX_ADDRESSES)
                .expireAfterWrite(Duration.ofMinutes(1)).build(); // a token is due back within 1 s
    }

    /** How long {@code address} stays throttled from now; {@link Duration#ZERO} when it is not. */
    public Duration throttled(String address) {
        Instant until = throttledUntil.getIfPresent(address);
        if (until == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), until);
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * Counts a failure from {@code address}; remembers it as throttled once its bucket is empty (the failure that took
     * the last token included, so a burst of failures costs exactly {@code burst} look-ups).
     */
    public Mono<Void> failed(String address) {
        if (!throttled(address).isZero()) {
            return Mono.empty();
        }
        return limiter.tryConsume(limit, address)
                .doOnNext(decision -> {
                    if (!decision.allowed()) {
                        throttledUntil.put(address, clock.instant().plus(decision.retryAfter()));
                    } else if (decision.remaining() == 0) {
                        throttledUntil.put(address, clock.instant().plus(oneToken));
                    }
                })
                .then();
    }
}
