package io.cityfin.common.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

/**
 * A bounded cache of verified internal tokens in front of the verifying decoder, keyed by the whole token string: a
 * token the gateway reuses for a while (one per caller) is verified once (ES256 costs more than the rest of a cheap
 * request), not on every call. A hit is served only until the token's expiry plus the clock skew the verifier allows,
 * exactly as long as the verifier itself would still accept it; a token that fails verification is never kept. The
 * same string is the same signed content, so a hit cannot stand for another caller or another claim.
 *
 * <p>At most {@code capacity} tokens: when full, expired entries are dropped (at most once a second) and a new token
 * that still finds no room is verified without being kept.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    static final int CAPACITY = 10_000;

    private final ReactiveJwtDecoder verifier;
    private final Clock clock;
    private final int capacity;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();
    private final AtomicLong lastPurge = new AtomicLong(Long.MIN_VALUE);

    VerifiedTokens(ReactiveJwtDecoder verifier, Clock clock, int capacity) {
        this.verifier = verifier;
        this.clock = clock;
        this.capacity = capacity;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.get(token);
        if (known != null) {
            if (stillValid(known, clock.instant())) {
                return Mono.just(known);
            }
            verified.remove(token, known);
        }
        return verifier.decode(token).doOnNext(jwt -> keep(token, jwt));
    }

    /** How many verified tokens are kept (for tests). */
    int size() {
        return verified.size();
    }

    private void keep(String token, Jwt jwt) {
        Instant now = clock.instant();
        if (jwt.getExpiresAt() == null || !stillValid(jwt, now)) {
            return;
        }
        if (verified.size() >= capacity) {
            purge(now);
            if (verified.size() >= capacity) {
                return;
            }
        }
        verified.put(token, jwt);
    }

    private void purge(Instant now) {
        long second = now.getEpochSecond();
        long last = lastPurge.get();
        if (last != second && lastPurge.compareAndSet(last, second)) {
            verified.values().removeIf(jwt -> !stillValid(jwt, now));
        }
    }

    /** As the verifier's timestamp check: not after the expiry plus the allowed skew. */
    private static boolean stillValid(Jwt jwt, Instant now) {
        Instant expiresAt = jwt.getExpiresAt();
        return expiresAt != null && !now.isAfter(expiresAt.plus(InternalToken.CLOCK_SKEW));
    }
}
