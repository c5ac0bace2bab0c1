package io.cityfin.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.test.WithPostgres;
import io.cityfin.gateway.StillRateLimitTime;
import io.cityfin.gateway.StubService;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A flood of keys that do not authenticate, on real PostgreSQL: once a client address has failed {@code failed-auth-burst}
 * times, further keys from it are refused with 429 without a look-up (the look-up counter and the database see none),
 * while a key the gateway already knows keeps working from there and other addresses are untouched. The gateway runs
 * behind a trusted proxy here (127.0.0.1 and ::1, where the test client connects from), so {@code X-Forwarded-For}
 * names the client; its right-most untrusted entry counts, so a client cannot escape by writing addresses of its own.
 * The buckets' time stands still ({@link StillRateLimitTime}): no token comes back during the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "cityfin.gateway.keys.admin-api-key=" + FailedAuthenticationIT.ADMIN_KEY,
        "cityfin.gateway.rate-limit.failed-auth-burst=" + FailedAuthenticationIT.FAILED_AUTH_BURST,
        "cityfin.gateway.rate-limit.failed-auth-per-second=1",
        "cityfin.gateway.client-address.trusted-proxies=127.0.0.0/8, ::1"})
@AutoConfigureWebTestClient(timeout = "30s")
@WithPostgres
@Import(StillRateLimitTime.class)
class FailedAuthenticationIT {

    static final String ADMIN_KEY = "cfk_failed-auth-it-bootstrap-admin-key-00000000";
    static final int FAILED_AUTH_BURST = 5;
    static final StubService SERVICES = new StubService("every-service");

    @Autowired
    WebTestClient web;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ApiKeyIT.routeEveryServiceTo(SERVICES, registry);
    }

    @AfterAll
    static void stopStub() {
        SERVICES.stop();
    }

    @Test
    void aFloodOfMadeUpKeysReadsTheDatabaseOnlyUntilItsAddressIsThrottled() {
        String flood = "203.0.113.10";
        String realKey = issue("portal behind the flood's address");
        get(realKey, "198.51.100.21").expectStatus().isOk(); // its first use elsewhere: the flood's tokens stay the flood's
        double lookUps = lookUps("miss");

        int unauthorized = 0;
        long started = System.nanoTime();
        for (int i = 0; i < 300; i++) {
            int status = get(madeUp(10_000 + i), flood).returnResult(String.class).getStatus().value();
            unauthorized += status == 401 ? 1 : 0;
            assertThat(status).as("request %d", i).isIn(401, 429);
        }

        // the burst, then at most one look-up per second once the address's throttling lapses (a token is back by then)
        long seconds = (System.nanoTime() - started) / 1_000_000_000L + 1;
        assertThat(unauthorized).isBetween(FAILED_AUTH_BURST, FAILED_AUTH_BURST + (int) seconds);
        assertThat(lookUps("miss") - lookUps).as("database look-ups during the flood").isEqualTo(unauthorized);
        assertThat(lookUps("throttled")).isGreaterThanOrEqualTo(300 - unauthorized);
        get(madeUp(11_000), flood)
                .expectStatus().isEqualTo(429)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Too many failed authentications")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).doesNotContain(madeUp(11_000)));
        get(realKey, flood).expectStatus().isOk(); // a key known a moment ago still passes from there
        get(issue("portal elsewhere"), "198.51.100.20").expectStatus().isOk(); // another address is untouched
    }

    @Test
    void malformedKeysAreRefusedWithoutAnyLookUpAndCountAgainstTheirAddress() {
        String client = "203.0.113.20";
        double lookUps = lookUps("miss");
        List<String> malformed = List.of("cfk_nope", "cfk_" + "a".repeat(44), "Basic dXNlcjpwYXNz", "cfk_" + "a".repeat(42) + "!",
                "cfk_" + "a".repeat(42) + "%");

        for (String presented : malformed) {
            web.get().uri("/api/v1/credit/indicators?period=2022-09")
                    .header(HttpHeaders.AUTHORIZATION, presented.startsWith("Basic") ? presented : "Bearer " + presented)
                    .header("X-Forwarded-For", client)
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectBody().jsonPath("$.detail").isEqualTo("This is not an API key: Authorization: Bearer cfk_ and 43 base64url characters.");
        }

        assertThat(lookUps("miss")).isEqualTo(lookUps);
        get(madeUp(20_001), client).expectStatus().isEqualTo(429); // the address used up its failures on malformed keys
        assertThat(lookUps("miss")).isEqualTo(lookUps);
    }

    @Test
    void countsTheRightMostAddressNotWrittenByATrustedProxySoAClientCannotChooseItsOwn() {
        for (int i = 0; i < FAILED_AUTH_BURST; i++) {
            getForwardedFor(madeUp(30_000 + i), "10.9.8." + i + ", 203.0.113.30").expectStatus().isUnauthorized();
        }

        getForwardedFor(madeUp(30_099), "10.9.9.9, 203.0.113.30").expectStatus().isEqualTo(429);
        getForwardedFor(madeUp(30_099), "203.0.113.30, 127.0.0.1").expectStatus().isEqualTo(429); // a trusted proxy's own entry is skipped
        getForwardedFor(madeUp(30_099), "203.0.113.31").expectStatus().isUnauthorized();
    }

    private WebTestClient.ResponseSpec get(String key, String clientAddress) {
        return getForwardedFor(key, clientAddress);
    }

    private WebTestClient.ResponseSpec getForwardedFor(String key, String forwardedFor) {
        return web.get().uri("/api/v1/credit/indicators?period=2022-09")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .header("X-Forwarded-For", forwardedFor)
                .exchange();
    }

    private String issue(String label) {
        Map<String, Object> issued = web.post().uri("/api/v1/admin/api-keys")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"label\": \"" + label + "\", \"roles\": [\"PORTAL\"]}")
                .exchange()
                .expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        return (String) issued.get("key");
    }

    private double lookUps(String result) {
        return meters.get("cityfin.gateway.keys.lookups").tag("result", result).counter().count();
    }

    /** A key of the right form that nobody issued. */
    private static String madeUp(int n) {
        return "cfk_" + "%043d".formatted(n);
    }
}
