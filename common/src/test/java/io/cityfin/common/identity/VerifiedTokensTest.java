package io.cityfin.common.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import io.cityfin.common.test.MutableClock;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class VerifiedTokensTest {

    private static final Instant START = Instant.parse("2026-12-06T03:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final Map<String, Integer> verifications = new HashMap<>();
    /** Accepts tokens starting with "good" (subject = the token, valid 60 s from now), refuses the others. */
    private final ReactiveJwtDecoder verifier = token -> {
        verifications.merge(token, 1, Integer::sum);
        if (!token.startsWith("good")) {
            return Mono.error(new BadJwtException("refused " + token));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "ES256").subject(token)
                .issuedAt(clock.instant()).expiresAt(clock.instant().plusSeconds(60)).build());
    };

    @Test
    void verifiesAReusedTokenOnceAndServesTheSameClaims() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock, 10);

        Jwt first = tokens.decode("good-1").block();
        clock.set(START.plusSeconds(30));
        Jwt second = tokens.decode("good-1").block();

        assertThat(second).isSameAs(first);
        assertThat(second.getSubject()).isEqualTo("good-1");
        assertThat(verifications).isEqualTo(Map.of("good-1", 1));
    }

    @Test
    void servesAKeptTokenUntilItsExpiryPlusTheSkewAndThenAsksTheVerifierAgain() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock, 10);
        tokens.decode("good-1").block();

        clock.set(START.plusSeconds(65)); // expiry 60 s + skew 5 s: still accepted, as the verifier would
        tokens.decode("good-1").block();
        assertThat(verifications.get("good-1")).isEqualTo(1);

        clock.set(START.plusSeconds(66));
        tokens.decode("good-1").block();
        assertThat(verifications.get("good-1")).isEqualTo(2);
    }

    @Test
    void neverKeepsARefusedToken() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock, 10);

        StepVerifier.create(tokens.decode("bad-1")).expectError(BadJwtException.class).verify();
        StepVerifier.create(tokens.decode("bad-1")).expectError(BadJwtException.class).verify();

        assertThat(verifications.get("bad-1")).isEqualTo(2);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void keepsTokensApartByTheirWholeString() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock, 10);

        assertThat(tokens.decode("good-1").block().getSubject()).isEqualTo("good-1");
        assertThat(tokens.decode("good-2").block().getSubject()).isEqualTo("good-2");
        assertThat(tokens.decode("good-1").block().getSubject()).isEqualTo("good-1");

        assertThat(verifications).isEqualTo(Map.of("good-1", 1, "good-2", 1));
    }

    @Test
    void keepsAtMostItsCapacityAndMakesRoomByDroppingExpiredTokens() {
        VerifiedTokens tokens = new VerifiedTokens(verifier, clock, 2);
        tokens.decode("good-1").block();
        tokens.decode("good-2").block();

        tokens.decode("good-3").block(); // full, nothing expired: verified, not kept
        tokens.decode("good-3").block();
        assertThat(tokens.size()).isEqualTo(2);
        assertThat(verifications.get("good-3")).isEqualTo(2);

        clock.set(START.plusSeconds(70)); // good-1 and good-2 expired at 65 s: dropped to make room for good-4
        tokens.decode("good-4").block();
        tokens.decode("good-4").block();
        assertThat(tokens.size()).isEqualTo(1);
        assertThat(verifications.get("good-4")).isEqualTo(1);
        tokens.decode("good-1").block();
        assertThat(verifications.get("good-1")).isEqualTo(2);
    }
}
