package io.cityfin.common.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import io.cityfin.common.test.TestIdentity;
import reactor.test.StepVerifier;

class InternalTokenVerificationTest {

    private final ReactiveJwtDecoder decoder = InternalTokenVerification.decoder(
            IdentityKeys.publicKeys("old-key:" + otherPublicKey() + "," + TestIdentity.publicKeysProperty()), Clock.systemUTC());

    @Test
    void readsTheCallerOfAValidTokenSignedWithAnyConfiguredKey() {
        StepVerifier.create(decoder.decode(TestIdentity.submitterToken("91361000BANKA0001X"))
                        .flatMap(InternalTokenVerification::toAuthentication))
                .assertNext(authentication -> {
                    assertThat(authentication.getPrincipal().roles()).isEqualTo(Set.of(Role.SUBMITTER));
                    assertThat(authentication.getPrincipal().institution()).isEqualTo("91361000BANKA0001X");
                    assertThat(authentication.getPrincipal().subject()).isNotBlank();
                })
                .verifyComplete();
    }

    @Test
    void refusesAnExpiredToken() {
        refuses(TestIdentity.expiredToken());
    }

    @Test
    void refusesATokenSignedWithAnUnknownKey() {
        refuses(TestIdentity.tokenSignedWithAnotherKey());
    }

    @Test
    void refusesATokenEditedAfterSigning() {
        refuses(TestIdentity.tamperedToken());
    }

    @Test
    void refusesATokenLivingLongerThanSixtySeconds() {
        refuses(TestIdentity.longLivedToken());
    }

    @Test
    void refusesASubmitterTokenWithoutAnInstitutionAndAPortalTokenWithOne() {
        refuses(TestIdentity.token(Role.SUBMITTER, null));
        refuses(TestIdentity.token(Role.PORTAL, "91361000BANKA0001X"));
    }

    @Test
    void readsSeveralPublicKeysForRotation() {
        assertThat(IdentityKeys.publicKeys(" a:" + otherPublicKey() + " , b:" + otherPublicKey())).containsOnlyKeys("a", "b");
    }

    private void refuses(String token) {
        StepVerifier.create(decoder.decode(token)).expectError(JwtException.class).verify();
    }

    private static String otherPublicKey() {
        try {
            var generator = java.security.KeyPairGenerator.getInstance("EC");
            generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
            return IdentityKeys.encode(generator.generateKeyPair().getPublic());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
