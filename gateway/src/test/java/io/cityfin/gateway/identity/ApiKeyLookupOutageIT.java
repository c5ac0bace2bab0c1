package io.cityfin.gateway.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.test.PostgresTestDatabase;
import io.cityfin.common.test.TestIdentity;

/**
 * The gateway with its database away (migrated over JDBC, then R2DBC pointed at a port nobody listens on): a key that
 * must be looked up is answered 503 with Retry-After, not 500 and not 401 (the key may well be valid), and readiness
 * is DOWN, answering rather than hanging.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "cityfin.gateway.keys.admin-api-key=" + ApiKeyLookupOutageIT.ADMIN_KEY})
@AutoConfigureWebTestClient(timeout = "30s")
@ContextConfiguration(initializers = {PostgresTestDatabase.Initializer.class, TestIdentity.Initializer.class,
        ApiKeyLookupOutageIT.UnreachableDatabase.class})
class ApiKeyLookupOutageIT {

    static final String ADMIN_KEY = "cfk_outage-it-bootstrap-admin-key-0000000000000";

    @Autowired
    WebTestClient web;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("cityfin.identity.signing-key", TestIdentity::privateKey);
        registry.add("cityfin.identity.key-id", () -> TestIdentity.KEY_ID);
    }

    @Test
    void aKeyThatCannotBeLookedUpIs503NotAnUnknownKey() {
        unavailable(web.get().uri("/api/v1/credit/indicators?period=2022-09")
                .header(HttpHeaders.AUTHORIZATION, "Bearer cfk_" + "k".repeat(43)).exchange());
    }

    @Test
    void theKeyListIs503ForTheAdmin() {
        unavailable(web.get().uri("/api/v1/admin/api-keys").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY).exchange());
    }

    @Test
    void readinessIsDown() {
        // bounded by the pool's acquire time (tried twice), not by a hang; generous for a busy 2-core machine
        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).responseTimeout(Duration.ofSeconds(30)).build()
                .get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.components.r2dbc.status").isEqualTo("DOWN");
    }

    private static void unavailable(WebTestClient.ResponseSpec response) {
        response.expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueMatches(HttpHeaders.RETRY_AFTER, "[1-9][0-9]*")
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("DATABASE_UNAVAILABLE");
    }

    /** After the test database's initializer: Flyway keeps the real one, R2DBC gets a closed port. */
    static class UnreachableDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("unreachableDatabase",
                    Map.of("spring.r2dbc.url", "r2dbc:postgresql://127.0.0.1:" + closedPort + "/cityfin_gateway")));
        }
    }
}
