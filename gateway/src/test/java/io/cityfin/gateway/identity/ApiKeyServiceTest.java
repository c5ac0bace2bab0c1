package io.cityfin.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.cityfin.common.identity.Caller;
import io.cityfin.common.identity.RefusalCounter;
import io.cityfin.common.identity.Role;
import io.cityfin.common.problem.NotFoundException;
import io.cityfin.gateway.config.CityfinGatewayProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.test.StepVerifier;

class ApiKeyServiceTest {

    private static final String BOOTSTRAP = "cfk_bootstrap-admin-key-for-the-unit-test-000000";
    private static final String PLATFORM_KEY = "cfk_platform-service-key-for-the-unit-test-00000";
    private static final String RISK_KEY = "cfk_risk-service-key-for-the-unit-test-000000000";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T08:00:00Z"));
    private final InMemoryApiKeys store = new InMemoryApiKeys();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ApiKeyService gatewayA = service();

    @Test
    void issuesAKeyWhoseSecretAuthenticatesAsItsCaller() {
        IssuedApiKey issued = gatewayA.issue(new NewApiKey(" Bank A ", List.of("SUBMITTER"), "91361000BANKA0001X")).block();

        assertThat(issued.secret()).startsWith("cfk_").hasSize(47);
        assertThat(issued.key().prefix()).isEqualTo(issued.secret().substring(0, 8));
        assertThat(issued.key().label()).isEqualTo("Bank A");
        assertThat(issued.toString()).doesNotContain(issued.secret());
        StepVerifier.create(gatewayA.authenticate(issued.secret()))
                .expectNext(new Caller(issued.key().id().toString(), Set.of(Role.SUBMITTER), "91361000BANKA0001X"))
                .verifyComplete();
    }

    @Test
    void refusesAnUnknownKeyAsUnknown() {
        StepVerifier.create(gatewayA.authenticate("cfk_nothing"))
                .expectErrorSatisfies(e -> assertThat(((ApiKeyRejectedException) e).reason()).isEqualTo(RefusalCounter.Reason.UNKNOWN))
                .verify();
    }

    @Test
    void refusesARevokedKeyAtTheRevokingGatewayAtOnce() {
        IssuedApiKey issued = gatewayA.issue(new NewApiKey("analyst", List.of("ANALYST"), null)).block();
        gatewayA.authenticate(issued.secret()).block();

        gatewayA.revoke(issued.key().id()).block();

        StepVerifier.create(gatewayA.authenticate(issued.secret()))
                .expectErrorSatisfies(e -> assertThat(((ApiKeyRejectedException) e).reason()).isEqualTo(RefusalCounter.Reason.REVOKED))
                .verify();
    }

    @Test
    void refusesAKeyRevokedAtAnotherGatewayOnceItsCachedLookUpIsFiveSecondsOld() {
        ApiKeyService gatewayB = service();
        IssuedApiKey issued = gatewayA.issue(new NewApiKey("portal", List.of("PORTAL"), null)).block();
        gatewayB.authenticate(issued.secret()).block();

        gatewayA.revoke(issued.key().id()).block();
        clock.advance(Duration.ofSeconds(4));

        StepVerifier.create(gatewayB.authenticate(issued.secret())).expectNextCount(1).verifyComplete();
        clock.advance(Duration.ofSeconds(1));
        StepVerifier.create(gatewayB.authenticate(issued.secret())).expectError(ApiKeyRejectedException.class).verify();
    }

    @Test
    void looksAKeyUpOnceWhileItsCacheEntryIsFresh() {
        IssuedApiKey issued = gatewayA.issue(new NewApiKey("portal", List.of("PORTAL"), null)).block();

        for (int i = 0; i < 10; i++) {
            gatewayA.authenticate(issued.secret()).block();
        }

        assertThat(store.lookUps).hasValue(1);
        assertThat(meters.get("cityfin.gateway.keys.lookups").tag("result", "hit").counter().count()).isEqualTo(9);
        assertThat(meters.get("cityfin.gateway.keys.lookups").tag("result", "miss").counter().count()).isEqualTo(1);
    }

    @Test
    void dropsExpiredLookUpsOnceTheCacheIsFullSoMadeUpKeysCannotGrowIt() {
        for (int i = 0; i < ApiKeyService.CACHE_SWEEP_SIZE; i++) {
            gatewayA.authenticate("cfk_made-up-" + i).onErrorResume(error -> reactor.core.publisher.Mono.empty()).block();
        }
        assertThat(gatewayA.cachedLookups()).isEqualTo(ApiKeyService.CACHE_SWEEP_SIZE);
        gatewayA.authenticate("cfk_made-up-too-many").onErrorResume(error -> reactor.core.publisher.Mono.empty()).block();
        assertThat(gatewayA.cachedLookups()).as("full of fresh entries: an unknown key is not cached")
            .isEqualTo(ApiKeyService.CACHE_SWEEP_SIZE);
        IssuedApiKey issued = gatewayA.issue(new NewApiKey("portal", List.of("PORTAL"), null)).block();
        gatewayA.authenticate(issued.secret()).block();
        assertThat(gatewayA.cachedLookups()).as("an issued key still is").isEqualTo(ApiKeyService.CACHE_SWEEP_SIZE + 1);

        clock.advance(Duration.ofSeconds(6));
        gatewayA.authenticate("cfk_one-more").onErrorResume(error -> reactor.core.publisher.Mono.empty()).block();

        assertThat(gatewayA.cachedLookups()).isEqualTo(1);
    }

    @Test
    void recordsLastUseAtMostOnceAMinutePerKey() {
        IssuedApiKey issued = gatewayA.issue(new NewApiKey("portal", List.of("PORTAL"), null)).block();

        gatewayA.authenticate(issued.secret()).block();
        clock.advance(Duration.ofSeconds(59));
        gatewayA.authenticate(issued.secret()).block();
        clock.advance(Duration.ofSeconds(1));
        gatewayA.authenticate(issued.secret()).block();

        assertThat(store.useRecords).hasValue(2);
    }

    @Test
    void acceptsTheBootstrapAdminKeyFromConfigurationWithoutARow() {
        StepVerifier.create(gatewayA.authenticate(BOOTSTRAP))
                .expectNext(new Caller(ApiKeyService.BOOTSTRAP_ADMIN, Set.of(Role.ADMIN), null))
                .verifyComplete();
        assertThat(store.lookUps).hasValue(0);
    }

    @Test
    void acceptsEachServicesKeyFromConfigurationAsThatServiceWithRoleAnalystWithoutARow() {
        ApiKeyService gateway = service(Map.of("platform-service", PLATFORM_KEY, "risk-service", " " + RISK_KEY + " "));

        StepVerifier.create(gateway.authenticate(PLATFORM_KEY))
                .expectNext(new Caller("service:platform-service", Set.of(Role.ANALYST), null))
                .verifyComplete();
        StepVerifier.create(gateway.authenticate(RISK_KEY))
                .expectNext(new Caller("service:risk-service", Set.of(Role.ANALYST), null))
                .verifyComplete();
        assertThat(store.lookUps).hasValue(0);
        assertThat(store.useRecords).hasValue(0);
    }

    @Test
    void takesABlankServiceKeyForNoKeySoAnEmptyBearerIsStillUnknown() {
        ApiKeyService gateway = service(Map.of("platform-service", PLATFORM_KEY, "risk-service", ""));

        StepVerifier.create(gateway.authenticate(""))
                .expectErrorSatisfies(e -> assertThat(((ApiKeyRejectedException) e).reason()).isEqualTo(RefusalCounter.Reason.UNKNOWN))
                .verify();
        StepVerifier.create(gateway.authenticate(RISK_KEY)).expectError(ApiKeyRejectedException.class).verify();
    }

    @Test
    void refusesToStartWhenTwoServicesShareAKeyOrAServiceHasTheAdminKey() {
        assertThatThrownBy(() -> service(Map.of("platform-service", PLATFORM_KEY, "risk-service", PLATFORM_KEY)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has the same key as service:")
                .hasMessageNotContaining(PLATFORM_KEY);
        assertThatThrownBy(() -> service(Map.of("risk-service", BOOTSTRAP)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("risk-service has the same key as the admin key")
                .hasMessageNotContaining(BOOTSTRAP);
    }

    @Test
    void answersRevokingAnUnknownKeyWith404() {
        StepVerifier.create(gatewayA.revoke(java.util.UUID.randomUUID())).expectError(NotFoundException.class).verify();
    }

    private ApiKeyService service() {
        return service(Map.of());
    }

    private ApiKeyService service(Map<String, String> serviceKeys) {
        return new ApiKeyService(store, clock, new CityfinGatewayProperties(Map.<String, URI>of(), Duration.ofSeconds(2),
                new CityfinGatewayProperties.Keys(BOOTSTRAP, serviceKeys, Duration.ofSeconds(5), Duration.ofMinutes(1)),
                new CityfinGatewayProperties.RateLimit(10, 10, 20, 1, "memory"), new CityfinGatewayProperties.ClientAddress(List.of())), meters);
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
