package io.cityfin.gateway.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.test.PostgresTestDatabase;
import io.cityfin.gateway.GatewayReplicas;
import io.cityfin.gateway.StubService;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Two gateway replicas on one PostgreSQL in front of five stub services, with the kept answers' default lifetime:
 * a kept answer is served unasked by either replica; a 2xx write through one makes the next read through the other ask
 * again (read-your-writes), for the service written and its readers only; an answer kept through one is served CACHED
 * by the other when its service is down; one view's answer is never served to another.
 */
class IndicatorCacheIT {

    static final String ADMIN_KEY = "cfk_indicator-cache-it-admin-key-00000000000000";
    static final Map<String, StubService> STUBS = new LinkedHashMap<>();
    static GatewayReplicas replicas;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;
    static WebTestClient a;
    static WebTestClient b;

    @BeforeAll
    static void start() {
        Map<String, String> urls = new LinkedHashMap<>();
        for (String service : GatewayReplicas.SERVICES) {
            STUBS.put(service, new StubService(service));
            urls.put(service, STUBS.get(service).url());
        }
        replicas = new GatewayReplicas(PostgresTestDatabase.fresh(), ADMIN_KEY);
        first = replicas.start(urls, Map.of());
        second = replicas.start(urls, Map.of());
        a = admin(GatewayReplicas.client(first));
        b = admin(GatewayReplicas.client(second));
    }

    @AfterEach
    void restartStubs() {
        STUBS.values().forEach(StubService::restart);
    }

    @AfterAll
    static void stop() {
        replicas.close();
        STUBS.values().forEach(StubService::stop);
    }

    @Test
    void servesAKeptAnswerUnaskedThroughEitherReplicaAndAsksAgainAfterAWriteThroughTheOther() {
        String first = etagOf(a, "2022-09");
        int creditAsked = STUBS.get("credit-service").indicatorRequests();
        int insuranceAsked = STUBS.get("insurance-service").indicatorRequests();

        assertThat(etagOf(b, "2022-09")).as("the other replica: the same answer, from the kept ones").isEqualTo(first);
        assertThat(STUBS.get("credit-service").indicatorRequests()).isEqualTo(creditAsked);
        assertThat(kept(second)).isPositive();

        STUBS.get("credit-service").changeFigures();
        a.put().uri("/api/v1/credit/reports/BANK001/2022-09").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isOk();

        b.get().uri("/api/v1/indicators?period=2022-09").exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.ETAG, etag -> assertThat(etag).isNotEqualTo(first))
                .expectBody().jsonPath("$.indicators[0].value").isEqualTo(316587000001.00);
        assertThat(STUBS.get("credit-service").indicatorRequests()).as("credit asked again").isEqualTo(creditAsked + 1);
        assertThat(STUBS.get("credit-service").lastHeaders().get(HttpHeaders.IF_NONE_MATCH)).as("with the tag it gave before")
                .isNotNull();
        assertThat(STUBS.get("risk-service").lastHeaders().get(HttpHeaders.IF_NONE_MATCH)).as("risk reads credit: asked too")
                .isEqualTo(STUBS.get("risk-service").etag("STAFF"));
        assertThat(STUBS.get("insurance-service").indicatorRequests()).as("insurance: not written, not asked").isEqualTo(insuranceAsked);
    }

    @Test
    void aRefusedWriteMakesNothingStale() {
        etagOf(a, "2022-08");
        int asked = STUBS.get("credit-service").indicatorRequests();
        STUBS.get("credit-service").answerWritesWith(422);

        a.put().uri("/api/v1/credit/reports/BANK001/2022-08").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isEqualTo(422);
        etagOf(b, "2022-08");

        assertThat(STUBS.get("credit-service").indicatorRequests()).isEqualTo(asked);
    }

    @Test
    void servesAnAnswerKeptThroughOneReplicaCachedByTheOtherWhenItsServiceIsDown() {
        etagOf(a, "2022-07");
        STUBS.get("credit-service").stop();
        // a write that reached credit-service through a third replica just before it went down
        second.getBean(Generations.class).bump(List.of("credit-service")).block();

        b.get().uri("/api/v1/indicators?period=2022-07").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.sources[0].status").isEqualTo("CACHED")
                .jsonPath("$.sources[0].servedFromCacheAt").isNotEmpty()
                .jsonPath("$.indicators[0].code").isEqualTo("CREDIT_SERVICE_STUB")
                .jsonPath("$.sources[1].status").isEqualTo("OK");
    }

    @Test
    void neverServesOneViewsAnswerToAnother() {
        WebTestClient portal = GatewayReplicas.client(second).mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + issueKey("PORTAL")).build();
        String staff = etagOf(a, "2022-06&region=361002");

        portal.get().uri("/api/v1/indicators?period=2022-06&region=361002").header(HttpHeaders.IF_NONE_MATCH, staff).exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.ETAG, etag -> assertThat(etag).isNotEqualTo(staff))
                .expectBody()
                .jsonPath("$.indicators[0].value").isEmpty()
                .jsonPath("$.indicators[0].suppressed").isEqualTo(true);

        STUBS.get("credit-service").stop();
        second.getBean(Generations.class).bump(List.of("credit-service")).block();
        portal.get().uri("/api/v1/indicators?period=2022-06&region=361002").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.sources[0].status").isEqualTo("CACHED")
                .jsonPath("$.indicators[0].value").isEmpty()
                .jsonPath("$.indicators[0].suppressed").isEqualTo(true);
    }

    private static String etagOf(WebTestClient client, String query) {
        return client.get().uri("/api/v1/indicators?period=" + query).exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseHeaders().getETag();
    }

    private static double kept(ConfigurableApplicationContext gateway) {
        return gateway.getBean(MeterRegistry.class).get("cityfin.fanout").tag("outcome", "kept").timers().stream()
                .mapToDouble(timer -> timer.count()).sum();
    }

    private static String issueKey(String role) {
        Map<?, ?> issued = a.post().uri("/api/v1/admin/api-keys")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"label\": \"indicator cache\", \"roles\": [\"" + role + "\"]}")
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(issued).isNotNull();
        return (String) issued.get("key");
    }

    private static WebTestClient admin(WebTestClient client) {
        return client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY).build();
    }
}
