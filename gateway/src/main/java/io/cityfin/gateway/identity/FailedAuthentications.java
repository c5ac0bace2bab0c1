package io.cityfin.gateway.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.cityfin.gateway.ratelimit.RateDecision;
import io.cityfin.gateway.ratelimit.RateLimit;
import io.cityfin.gateway.ratelimit.RateLimiter;
import reactor.core.publisher.Mono;

/**
 * Failed authentications per client address, on the gateway's {@link RateLimiter} (so shared by every replica when its
 * store is): every look-up of a key the gateway does not know, and every failure that needs none, takes a token from
 * the address's bucket. Once the bucket is empty, this gateway remembers the address as throttled until a token is due
 * back, and a key it does not already know from that address is refused unread. Keys that authenticated before (the key
 * service remembers them) still pass, so a caller behind the same address as a flood keeps working. While throttled, a
 * request takes no token, so a flood costs the store nothing either.
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
     * Takes a token for a look-up of a key from {@code address} that the gateway does not know: {@link Duration#ZERO}
     * when the look-up may go ahead, else how long the address stays throttled. Taken before the look-up, so however
     * many requests arrive at once, no more look-ups run than there are tokens.
     */
    public Mono<Duration> beforeLookUp(String address) {
        Duration throttled = throttled(address);
        if (!throttled.isZero()) {
            return Mono.just(throttled);
        }
        return take(address).map(decision -> decision.allowed() ? Duration.ZERO : decision.retryAfter());
    }

    /** Counts a failure from {@code address} that needed no look-up (a malformed key, one the cache knows to be bad). */
    public Mono<Void> failed(String address) {
        return throttled(address).isZero() ? take(address).then() : Mono.empty();
    }

    /** Takes a token; remembers the address as throttled once its bucket is empty (the last token's taker included). */
    private Mono<RateDecision> take(String address) {
        return limiter.tryConsume(limit, address).doOnNext(decision -> {
            if (!decision.allowed()) {
                throttledUntil.put(address, clock.instant().plus(decision.retryAfter()));
            } else if (decision.remaining() == 0) {
                throttledUntil.put(address, clock.instant().plus(oneToken));
            }
        });
    }
}
