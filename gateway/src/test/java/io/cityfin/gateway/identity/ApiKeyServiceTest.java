package io.cityfin.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.cityfin.common.identity.Caller;
import io.cityfin.common.identity.RefusalCounter;
import io.cityfin.common.identity.Role;
import io.cityfin.common.problem.NotFoundException;
import io.cityfin.common.test.MutableClock;
import io.cityfin.gateway.config.CityfinGatewayProperties;
import io.cityfin.gateway.ratelimit.InMemoryRateLimiter;
import io.cityfin.gateway.ratelimit.RateLimit;

import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class ApiKeyServiceTest {

    private static final String BOOTSTRAP = "cfk_bootstrap-admin-key-for-the-unit-test-00000";
    private static final String PLATFORM_KEY = "cfk_platform-service-key-for-the-unit-test-0000";
    private static final String RISK_KEY = "cfk_risk-service-key-for-the-unit-test-00000000";

    private static final String ADDRESS = "203.0.113.7";
    private static final String OTHER_ADDRESS = "198.51.100.9";
    private static final int FAILED_AUTH_BURST = 20;

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
        StepVerifier.create(gatewayA.authenticate(issued.secret(), ADDRESS))
                .expectNext(new Caller(issued.key().id().toString(), Set.of(Role.SUBMITTER), "91361000BANKA0001X"))
                .verifyComplete();
    }

    @Test
    void refusesAnUnknownKeyAsUnknownAfterOneLookUp() {
        StepVerifier.create(gatewayA.authenticate(madeUp(1), ADDRESS))
                .expectErrorSatisfies(e -> assertThat(((ApiKeyRejectedException) e).reason()).isEqualTo(RefusalCounter.Reason.UNKNOWN))
                .verify();
        assertThat(store.lookUps).hasValue(1);
    }

    @Test
    void refusesWhatIsNotOfAKeysFormWithoutALookUp() {
        List<String> malformed = List.of("", "cfk_nothing", "cfk_" + "a".repeat(42), "cfk_" + "a".repeat(44), "CFK_" + "a".repeat(43),
                "cfk_" + "a".repeat(42) + "=", "cfk_" + "a".repeat(42) + "\u0000", "cfk_" + "a".repeat(42) + "é", "x".repeat(8000));
        for (String presented : malformed) {
            StepVerifier.create(gatewayA.authenticate(presented, "192.0.2." + malformed.indexOf(presented)))
                    .expectErrorSatisfies(e -> assertThat(((ApiKeyRejectedException) e).reason()).isEqualTo(RefusalCounter.Reason.INVALID))
                    .verify();
        }
        assertThat(store.lookUps).hasValue(0);
        assertThat(meters.get("cityfin.gateway.keys.lookups").tag("result", "malformed").counter().count()).isEqualTo(malformed.size());
    }

    @Test
    void readsNoKeyFromAnAddressOverItsFailedAuthenticationLimitButStillServesTheKeysItKnows() {
        IssuedApiKey issued = gatewayA.issue(new NewApiKey("portal", List.of("PORTAL"), null)).block();
        gatewayA.authenticate(issued.secret(), OTHER_ADDRESS).block();
        for (int i = 0; i < FAILED_AUTH_BURST; i++) {
            StepVerifier.create(gatewayA.authenticate(madeUp(i), ADDRESS)).expectError(ApiKeyRejectedException.class).verify();
        }
        assertThat(store.lookUps).hasValue(1 + FAILED_AUTH_BURST);

        for (int i = 0; i < 500; i++) {
            StepVerifier.create(gatewayA.authenticate(madeUp(1000 + i), ADDRESS))
                    .expectErrorSatisfies(e -> {
                        assertThat(((ApiKeyRejectedException) e).reason()).isEqualTo(RefusalCounter.Reason.FAILED_AUTH_LIMITED);
                        assertThat(((ApiKeyRejectedException) e).retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1));
                    })
                    .verify();
        }
        assertThat(store.lookUps).as("a flood from a throttled address reads nothing").hasValue(1 + FAILED_AUTH_BURST);
        assertThat(meters.get("cityfin.gateway.keys.lookups").tag("result", "throttled").counter().count()).isEqualTo(500);
        StepVerifier.create(gatewayA.authenticate(issued.secret(), ADDRESS)).expectNextCount(1).verifyComplete();
        StepVerifier.create(gatewayA.authenticate(madeUp(2000), OTHER_ADDRESS))
                .expectErrorSatisfies(e -> assertThat(((ApiKeyRejectedException) e).reason()).isEqualTo(RefusalCounter.Reason.UNKNOWN))
                .verify();

        clock.advance(Duration.ofSeconds(1));
        StepVerifier.create(gatewayA.authenticate(madeUp(3000), ADDRESS))
                .expectErrorSatisfies(e -> assertThat(((ApiKeyRejectedException) e).reason()).isEqualTo(RefusalCounter.Reason.UNKNOWN))
                .verify();
        StepVerifier.create(gatewayA.authenticate(madeUp(3001), ADDRESS))
                .expectErrorSatisfies(e -> assertThat(((ApiKeyRejectedException) e).reason()).isEqualTo(RefusalCounter.Reason.FAILED_AUTH_LIMITED))
                .verify();
        assertThat(store.lookUps).as("one token back a second later: one more look-up").hasValue(1 + FAILED_AUTH_BURST + 1 + 1);
    }

    @Test
    void looksUpAKeyFoundValidBeforeFromAThrottledAddressOnceItsCacheEntryLapses() {
        IssuedApiKey issued = gatewayA.issue(new NewApiKey("portal", List.of("PORTAL"), null)).block();
        gatewayA.authenticate(issued.secret(), OTHER_ADDRESS).block();
        for (int i = 0; i < FAILED_AUTH_BURST; i++) {
            gatewayA.authenticate(madeUp(i), ADDRESS).onErrorResume(error -> Mono.empty()).block();
        }
        clock.advance(Duration.ofMillis(5500)); // the cache entry lapses, and 5 failures' worth of tokens are back
        for (int i = 0; i < 5; i++) {
            gatewayA.authenticate(madeUp(100 + i), ADDRESS).onErrorResume(error -> Mono.empty()).block();
        }
        StepVerifier.create(gatewayA.authenticate(madeUp(200), ADDRESS))
                .expectErrorSatisfies(e -> assertThat(((ApiKeyRejectedException) e).reason()).isEqualTo(RefusalCounter.Reason.FAILED_AUTH_LIMITED))
                .verify();
        int before = store.lookUps.get();

        StepVerifier.create(gatewayA.authenticate(issued.secret(), ADDRESS)).expectNextCount(1).verifyComplete();
        assertThat(store.lookUps).hasValue(before + 1);

        gatewayA.revoke(issued.key().id()).block();
        clock.advance(Duration.ofSeconds(6));
        StepVerifier.create(gatewayA.authenticate(issued.secret(), ADDRESS))
                .expectErrorSatisfies(e -> assertThat(((ApiKeyRejectedException) e).reason()).isEqualTo(RefusalCounter.Reason.REVOKED))
                .verify();
    }

    @Test
    void refusesARevokedKeyAtTheRevokingGatewayAtOnce() {
        IssuedApiKey issued = gatewayA.issue(new NewApiKey("analyst", List.of("ANALYST"), null)).block();
        gatewayA.authenticate(issued.secret(), ADDRESS).block();

        gatewayA.revoke(issued.key().id()).block();

        StepVerifier.create(gatewayA.authenticate(issued.secret(), ADDRESS))
                .expectErrorSatisfies(e -> assertThat(((ApiKeyRejectedException) e).reason()).isEqualTo(RefusalCounter.Reason.REVOKED))
                .verify();
    }

    @Test
    void refusesAKeyRevokedAtAnotherGatewayOnceItsCachedLookUpIsFiveSecondsOld() {
        ApiKeyService gatewayB = service();
        IssuedApiKey issued = gatewayA.issue(new NewApiKey("portal", List.of("PORTAL"), null)).block();
        gatewayB.authenticate(issued.secret(), ADDRESS).block();

        gatewayA.revoke(issued.key().id()).block();
        clock.advance(Duration.ofSeconds(4));

        StepVerifier.create(gatewayB.authenticate(issued.secret(), ADDRESS)).expectNextCount(1).verifyComplete();
        clock.advance(Duration.ofSeconds(1));
        StepVerifier.create(gatewayB.authenticate(issued.secret(), ADDRESS)).expectError(ApiKeyRejectedException.class).verify();
    }

    @Test
    void looksAKeyUpOnceWhileItsCacheEntryIsFresh() {
        IssuedApiKey issued = gatewayA.issue(new NewApiKey("portal", List.of("PORTAL"), null)).block();

        for (int i = 0; i < 10; i++) {
            gatewayA.authenticate(issued.secret(), ADDRESS).block();
        }

        assertThat(store.lookUps).hasValue(1);
        assertThat(meters.get("cityfin.gateway.keys.lookups").tag("result", "hit").counter().count()).isEqualTo(9);
        assertThat(meters.get("cityfin.gateway.keys.lookups").tag("result", "miss").counter().count()).isEqualTo(1);
    }

    @Test
    void keepsTheLookUpCacheBoundedWhateverKeysArePresented() {
        for (int i = 0; i < 2 * ApiKeyService.CACHE_SIZE; i++) {
            gatewayA.authenticate(madeUp(i), "10.0." + (i / 250) + "." + (i % 250)).onErrorResume(error -> Mono.empty()).block();
        }

        assertThat(gatewayA.cachedLookups()).isLessThanOrEqualTo(ApiKeyService.CACHE_SIZE);
    }

    @Test
    void recordsLastUseAtMostOnceAMinutePerKey() {
        IssuedApiKey issued = gatewayA.issue(new NewApiKey("portal", List.of("PORTAL"), null)).block();

        gatewayA.authenticate(issued.secret(), ADDRESS).block();
        clock.advance(Duration.ofSeconds(59));
        gatewayA.authenticate(issued.secret(), ADDRESS).block();
        clock.advance(Duration.ofSeconds(1));
        gatewayA.authenticate(issued.secret(), ADDRESS).block();

        assertThat(store.useRecords).hasValue(2);
    }

    @Test
    void acceptsTheBootstrapAdminKeyFromConfigurationWithoutARow() {
        StepVerifier.create(gatewayA.authenticate(BOOTSTRAP, ADDRESS))
                .expectNext(new Caller(ApiKeyService.BOOTSTRAP_ADMIN, Set.of(Role.ADMIN), null))
                .verifyComplete();
        assertThat(store.lookUps).hasValue(0);
    }

    @Test
    void acceptsEachServicesKeyFromConfigurationAsThatServiceWithRoleAnalystWithoutARow() {
        ApiKeyService gateway = service(Map.of("platform-service", PLATFORM_KEY, "risk-service", " " + RISK_KEY + " "));

        StepVerifier.create(gateway.authenticate(PLATFORM_KEY, ADDRESS))
                .expectNext(new Caller("service:platform-service", Set.of(Role.ANALYST), null))
                .verifyComplete();
        StepVerifier.create(gateway.authenticate(RISK_KEY, ADDRESS))
                .expectNext(new Caller("service:risk-service", Set.of(Role.ANALYST), null))
                .verifyComplete();
        assertThat(store.lookUps).hasValue(0);
        assertThat(store.useRecords).hasValue(0);
    }

    @Test
    void takesABlankServiceKeyForNoKeySoAnEmptyBearerIsStillRefused() {
        ApiKeyService gateway = service(Map.of("platform-service", PLATFORM_KEY, "risk-service", ""));

        StepVerifier.create(gateway.authenticate("", ADDRESS))
                .expectErrorSatisfies(e -> assertThat(((ApiKeyRejectedException) e).reason()).isEqualTo(RefusalCounter.Reason.INVALID))
                .verify();
        StepVerifier.create(gateway.authenticate(RISK_KEY, ADDRESS)).expectError(ApiKeyRejectedException.class).verify();
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
    void refusesToStartWithAConfiguredKeyThatIsNotOfAKeysForm() {
        assertThatThrownBy(() -> service(Map.of("risk-service", "cfk_too-short")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the key of risk-service from configuration is not of a key's form")
                .hasMessageNotContaining("cfk_too-short");
    }

    @Test
    void answersRevokingAnUnknownKeyWith404() {
        StepVerifier.create(gatewayA.revoke(java.util.UUID.randomUUID())).expectError(NotFoundException.class).verify();
    }

    private ApiKeyService service() {
        return service(Map.of());
    }

    private ApiKeyService service(Map<String, String> serviceKeys) {
        TimeMeter time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return TimeUnit.MILLISECONDS.toNanos(clock.millis());
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
        FailedAuthentications failures = new FailedAuthentications(new InMemoryRateLimiter(time),
                new RateLimit("failed-auth", FAILED_AUTH_BURST, 1), clock);
        return new ApiKeyService(store, clock, new CityfinGatewayProperties(Map.<String, URI>of(), Duration.ofSeconds(2),
                new CityfinGatewayProperties.Keys(BOOTSTRAP, serviceKeys, Duration.ofSeconds(5), Duration.ofMinutes(1)),
                new CityfinGatewayProperties.RateLimit(10, 10, FAILED_AUTH_BURST, 1, "memory"),
                new CityfinGatewayProperties.ClientAddress(List.of())), failures, meters);
    }

    /** A key of the right form that nobody issued. */
    private static String madeUp(int n) {
        return "cfk_" + "%043d".formatted(n);
    }

}
