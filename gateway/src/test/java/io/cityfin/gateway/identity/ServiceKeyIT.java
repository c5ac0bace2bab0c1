package io.cityfin.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.test.WithPostgres;
import io.cityfin.gateway.StillRateLimitTime;
import io.cityfin.gateway.StubService;

/**
 * The services' own keys from configuration ({@code cityfin.gateway.keys.service-keys.*}, bound from
 * {@code CITYFIN_PLATFORM_SERVICE_API_KEY} and {@code CITYFIN_RISK_SERVICE_API_KEY}) on the real gateway: each reads
 * another service's published indicators as {@code service:<name>} with role ANALYST, never an admin endpoint, within
 * a rate limit of its own; a blank one is no key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "cityfin.gateway.keys.admin-api-key=" + ServiceKeyIT.ADMIN_KEY,
        // the variables themselves, so that application.yml's service-keys placeholders are what binds them
        "CITYFIN_PLATFORM_SERVICE_API_KEY=" + ServiceKeyIT.PLATFORM_KEY,
        "CITYFIN_RISK_SERVICE_API_KEY=" + ServiceKeyIT.RISK_KEY,
        "cityfin.gateway.rate-limit.burst=" + ServiceKeyIT.BURST,
        "cityfin.gateway.rate-limit.per-second=1"})
@AutoConfigureWebTestClient(timeout = "20s")
@WithPostgres
@Import(StillRateLimitTime.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceKeyIT {

    static final String ADMIN_KEY = "cfk_service-key-it-bootstrap-admin-key-00000000";
    static final String PLATFORM_KEY = "cfk_service-key-it-platform-service-key-0000000";
    static final String RISK_KEY = "cfk_service-key-it-risk-service-key-00000000000";

    static final int BURST = 20;

    static final StubService SERVICES = new StubService("every-service");

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ApiKeyIT.routeEveryServiceTo(SERVICES, registry);
    }

    @AfterAll
    static void stopStub() {
        SERVICES.stop();
    }

    @Test
    void platformServicesKeyReadsCapitalMarketsIndicatorsAsItselfWithRoleAnalyst() {
        as(PLATFORM_KEY).get().uri("/api/v1/capital-market/indicators?period=2022-09").exchange().expectStatus().isOk();

        Jwt token = ApiKeyIT.verified(SERVICES.lastHeaders().get(HttpHeaders.AUTHORIZATION));
        assertThat(token.getSubject()).isEqualTo("service:platform-service");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("ANALYST");
        assertThat(token.getClaimAsString("institution")).isNull();
    }

    @Test
    void riskServicesKeyReadsThePlatformIndicatorsAsItself() {
        as(RISK_KEY).get().uri("/api/v1/platform/indicators?period=2022-09").exchange().expectStatus().isOk();

        Jwt token = ApiKeyIT.verified(SERVICES.lastHeaders().get(HttpHeaders.AUTHORIZATION));
        assertThat(token.getSubject()).isEqualTo("service:risk-service");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("ANALYST");
    }

    @Test
    void refusesAKeyNoServiceIsConfiguredWithAs401() {
        as("cfk_service-key-it-someone-elses-key-0000000000").get().uri("/api/v1/capital-market/indicators?period=2022-09")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        as(PLATFORM_KEY + "x").get().uri("/api/v1/capital-market/indicators?period=2022-09").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void refusesAServiceKeyOnTheAdminEndpointsAs403() {
        for (String key : List.of(PLATFORM_KEY, RISK_KEY)) {
            as(key).get().uri("/api/v1/admin/api-keys").exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            as(key).post().uri("/api/v1/admin/api-keys").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"label\": \"escalate\", \"roles\": [\"ADMIN\"]}").exchange()
                    .expectStatus().isForbidden();
            as(key).delete().uri("/api/v1/admin/api-keys/" + UUID.randomUUID()).exchange().expectStatus().isForbidden();
        }
        // the database is shared with the other gateway ITs: no key of that label, none issued here
        as(ADMIN_KEY).get().uri("/api/v1/admin/api-keys").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.label == 'escalate')]").isEmpty();
    }

    /** Last: it empties platform-service's bucket, whose time stands still (StillRateLimitTime). */
    @Test
    @Order(Integer.MAX_VALUE)
    void limitsAServiceKeyInABucketOfItsOwn() {
        int answered = 0;
        while (answered <= BURST && as(PLATFORM_KEY).get().uri("/api/v1/capital-market/indicators?period=2022-09").exchange()
                .returnResult(String.class).getStatus().value() == 200) {
            answered++;
        }

        assertThat(answered).as("requests answered before the first 429").isLessThanOrEqualTo(BURST);
        as(PLATFORM_KEY).get().uri("/api/v1/capital-market/indicators?period=2022-09").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER);
        as(RISK_KEY).get().uri("/api/v1/platform/indicators?period=2022-09").exchange().expectStatus().isOk();
    }

    private WebTestClient as(String key) {
        return web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + key).build();
    }
}
