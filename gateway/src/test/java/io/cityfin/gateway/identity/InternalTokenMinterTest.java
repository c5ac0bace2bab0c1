package io.cityfin.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.cityfin.common.identity.Caller;
import io.cityfin.common.identity.IdentityKeys;
import io.cityfin.common.identity.InternalTokenVerification;
import io.cityfin.common.identity.Role;
import io.cityfin.common.test.TestIdentity;
import io.cityfin.common.test.MutableClock;
import reactor.test.StepVerifier;

/** What the gateway mints, the services' verification accepts: the two halves checked against each other. */
class InternalTokenMinterTest {

    private final InternalTokenMinter minter = new InternalTokenMinter(IdentityKeys.privateKey(TestIdentity.privateKey()),
            TestIdentity.KEY_ID, Clock.systemUTC(), Duration.ofSeconds(60));

    @Test
    void mintsATokenTheServicesVerifyAsTheSameCaller() {
        Caller caller = new Caller("3f0c8a52-0000-4000-8000-000000000001", Set.of(Role.SUBMITTER), "91361000BANKA0001X");

        StepVerifier.create(InternalTokenVerification.decoder(IdentityKeys.publicKeys(TestIdentity.publicKeysProperty()), Clock.systemUTC())
                        .decode(minter.mint(caller)).flatMap(InternalTokenVerification::toAuthentication))
                .assertNext(authentication -> assertThat(authentication.getPrincipal()).isEqualTo(caller))
                .verifyComplete();
    }

    @Test
    void reusesACallersTokenForHalfItsLifetimeThenMintsANewOne() throws ParseException {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-06T03:00:00Z"));
        InternalTokenMinter minter = new InternalTokenMinter(IdentityKeys.privateKey(TestIdentity.privateKey()), TestIdentity.KEY_ID,
                clock, Duration.ofSeconds(60));
        Caller caller = new Caller("3f0c8a52-0000-4000-8000-000000000002", Set.of(Role.ANALYST), null);

        String first = minter.mint(caller);
        clock.advance(Duration.ofSeconds(29));
        String reused = minter.mint(caller);
        clock.advance(Duration.ofSeconds(1)); // 30 s after the first: half of 60 s gone, a new token
        String renewed = minter.mint(caller);

        assertThat(reused).isSameAs(first);
        assertThat(renewed).isNotEqualTo(first);
        // the reused token, at its last use, still had 60 - 29 = 31 s to live
        assertThat(claims(reused).getExpirationTime().toInstant()).isEqualTo(Instant.parse("2026-12-06T03:01:00Z"));
        assertThat(claims(renewed).getIssueTime().toInstant()).isEqualTo(Instant.parse("2026-12-06T03:00:30Z"));
        assertThat(claims(renewed).getExpirationTime().toInstant()).isEqualTo(Instant.parse("2026-12-06T03:01:30Z"));
    }

    @Test
    void neverGivesOneCallersTokenToAnother() throws ParseException {
        Caller analyst = new Caller("3f0c8a52-0000-4000-8000-000000000003", Set.of(Role.ANALYST), null);
        Caller sameKeyNowPortal = new Caller("3f0c8a52-0000-4000-8000-000000000003", Set.of(Role.PORTAL), null);
        Caller submitterA = new Caller("3f0c8a52-0000-4000-8000-000000000004", Set.of(Role.SUBMITTER), "91361000BANKA0001X");
        Caller submitterB = new Caller("3f0c8a52-0000-4000-8000-000000000004", Set.of(Role.SUBMITTER), "91361000BANKB0002Y");

        assertThat(claims(minter.mint(analyst)).getStringListClaim("roles")).containsExactly("ANALYST");
        assertThat(claims(minter.mint(sameKeyNowPortal)).getStringListClaim("roles")).containsExactly("PORTAL");
        assertThat(claims(minter.mint(submitterA)).getStringClaim("institution")).isEqualTo("91361000BANKA0001X");
        assertThat(claims(minter.mint(submitterB)).getStringClaim("institution")).isEqualTo("91361000BANKB0002Y");
        assertThat(minter.mint(analyst)).isSameAs(minter.mint(analyst)).isNotEqualTo(minter.mint(sameKeyNowPortal));
    }

    @Test
    void mintsAFreshTokenWhenTheClockGoesBack() throws ParseException {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-06T03:00:00Z"));
        InternalTokenMinter minter = new InternalTokenMinter(IdentityKeys.privateKey(TestIdentity.privateKey()), TestIdentity.KEY_ID,
                clock, Duration.ofSeconds(60));
        Caller caller = new Caller("3f0c8a52-0000-4000-8000-000000000005", Set.of(Role.ANALYST), null);

        String first = minter.mint(caller);
        clock.advance(Duration.ofSeconds(-10)); // a token issued "in the future" would be refused beyond the 5 s skew

        assertThat(claims(first).getIssueTime().toInstant()).isEqualTo(Instant.parse("2026-12-06T03:00:00Z"));
        assertThat(claims(minter.mint(caller)).getIssueTime().toInstant()).isEqualTo(Instant.parse("2026-12-06T02:59:50Z"));
    }

    private static JWTClaimsSet claims(String token) throws ParseException {
        return SignedJWT.parse(token).getJWTClaimsSet();
    }

    @Test
    void refusesALifetimeBeyondSixtySeconds() {
        assertThatThrownBy(() -> new InternalTokenMinter(IdentityKeys.privateKey(TestIdentity.privateKey()), "k", Clock.systemUTC(),
                Duration.ofSeconds(61))).isInstanceOf(IllegalArgumentException.class);
    }
}
