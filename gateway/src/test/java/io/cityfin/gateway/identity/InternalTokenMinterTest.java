package io.cityfin.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.cityfin.common.identity.Caller;
import io.cityfin.common.identity.IdentityKeys;
import io.cityfin.common.identity.InternalTokenVerification;
import io.cityfin.common.identity.Role;
import io.cityfin.common.test.TestIdentity;
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
    void refusesALifetimeBeyondSixtySeconds() {
        assertThatThrownBy(() -> new InternalTokenMinter(IdentityKeys.privateKey(TestIdentity.privateKey()), "k", Clock.systemUTC(),
                Duration.ofSeconds(61))).isInstanceOf(IllegalArgumentException.class);
    }
}
