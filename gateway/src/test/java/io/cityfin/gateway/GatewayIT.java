package io.cityfin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.test.TestIdentity;
import io.cityfin.common.test.WithPostgres;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/** The gateway on a real port in front of five stub services on real ports: routing, fan-out, fallbacks. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "cityfin.gateway.fan-out-timeout=700ms",
                // every consolidated read asks every source (with If-None-Match): the fan-out as such is tested here,
                // the kept answers' lifetime in IndicatorCacheIT
                "cityfin.gateway.indicator-cache.revalidate-after=0s",
                "cityfin.gateway.keys.admin-api-key=" + GatewayIT.ADMIN_KEY})
@AutoConfigureWebTestClient(timeout = "20s")
@WithPostgres
@SuppressWarnings("unchecked")
class GatewayIT {

    static final String ADMIN_KEY = "cfk_gateway-it-bootstrap-admin-key-000000000000";
    static final Map<String, StubService> SERVICES = new LinkedHashMap<>();

    static {
        for (String name : List.of("credit-service", "insurance-service", "capital-market-service", "platform-service", "risk-service")) {
            SERVICES.put(name, new StubService(name));
        }
    }

    @Autowired
    WebTestClient web;

    @Autowired
    CircuitBreakerRegistry breakers;

    @LocalManagementPort
    int managementPort;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        SERVICES.forEach((name, stub) -> registry.add("cityfin.gateway.services." + name, stub::url));
        // the gateway signs with the test key, so tests can verify what the services receive
        registry.add("cityfin.identity.signing-key", TestIdentity::privateKey);
        registry.add("cityfin.identity.key-id", () -> TestIdentity.KEY_ID);
    }

    @BeforeEach
    void callAsAdmin() {
        web = web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY).build();
    }

    @AfterEach
    void restartStubs() {
        SERVICES.values().forEach(StubService::restart);
        // a test that opens a breaker must not leave it open for the next one
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @AfterAll
    static void stopStubs() {
        SERVICES.values().forEach(StubService::stop);
    }

    @Test
    void routesEachPublicPrefixToItsServiceWithThePrefixStripped() {
        Map<String, String> prefixes = Map.of("credit-service", "credit", "insurance-service", "insurance",
                "capital-market-service", "capital-market", "platform-service", "platform", "risk-service", "risk");

        prefixes.forEach((service, prefix) -> {
            web.get().uri("/api/v1/" + prefix + "/indicators?period=2022-09&region=361002").exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.indicators[0].code").isEqualTo(SERVICES.get(service).indicatorCode());

            assertThat(SERVICES.get(service).lastRequest()).isEqualTo("/indicators?period=2022-09&region=361002");
        });
    }

    @Test
    void passesAServicesProblemAnswerThrough() {
        web.get().uri("/api/v1/credit/no-such-thing").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("credit-service has no no-such-thing");
    }

    @Test
    void answersARouteToAStoppedServiceWithA503ProblemNamingIt() {
        SERVICES.get("insurance-service").stop();

        web.get().uri("/api/v1/insurance/indicators?period=2022-09").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("insurance-service"));
    }

    @Test
    void mergesTheFiveServicesIndicatorsWithAStatusPerSource() {
        web.get().uri("/api/v1/indicators?period=2022-09").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.period").isEqualTo("2022-09")
                .jsonPath("$.region").isEqualTo("361000")
                .jsonPath("$.yearElapsedPct").isEqualTo(74.79)
                .jsonPath("$.indicators.length()").isEqualTo(5)
                .jsonPath("$.indicators[0].code").isEqualTo("CREDIT_SERVICE_STUB")
                .jsonPath("$.indicators[0].value").isEqualTo(316587000000.00)
                .jsonPath("$.indicators[0].previousYearValue").doesNotExist()
                .jsonPath("$.sources.length()").isEqualTo(5)
                .jsonPath("$.sources[*].status").value(statuses -> assertThat((List<Object>) statuses).containsOnly("OK"))
                .jsonPath("$.sources[*].service").value(names -> assertThat((List<Object>) names).containsExactlyElementsOf(List.copyOf(SERVICES.keySet())))
                .jsonPath("$.sources[0].detail").isEmpty()
                .jsonPath("$.sources[0].servedFromCacheAt").isEmpty();
    }

    @Test
    void servesAStoppedServicesLastGoodAnswerCachedWithWhenItWasLastConfirmed() {
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);
        web.get().uri("/api/v1/indicators?period=2022-05").exchange().expectStatus().isOk();
        SERVICES.get("insurance-service").stop();

        web.get().uri("/api/v1/indicators?period=2022-05").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.indicators.length()").isEqualTo(5)
                .jsonPath("$.indicators[1].code").isEqualTo("INSURANCE_SERVICE_STUB")
                .jsonPath("$.sources[1].status").isEqualTo("CACHED")
                .jsonPath("$.sources[1].detail").value(String.class, detail -> assertThat(detail).startsWith("not reachable: "))
                .jsonPath("$.sources[1].servedFromCacheAt").value(String.class,
                        at -> assertThat(OffsetDateTime.parse(at)).isAfter(before).isBefore(OffsetDateTime.now().plusSeconds(1)))
                .jsonPath("$.sources[0].status").isEqualTo("OK")
                .jsonPath("$.sources[0].servedFromCacheAt").isEmpty();
    }

    @Test
    void answersItsOwnETagWith304AndNeverLetsASharedCacheKeepTheAnswer() {
        EntityExchangeResult<byte[]> first = web.get().uri("/api/v1/indicators?period=2022-04").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "private, no-cache")
                .expectHeader().valueEquals(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION)
                .expectBody().returnResult();
        String etag = first.getResponseHeaders().getETag();
        assertThat(etag).matches("\"[A-Za-z0-9_-]{22}\"");

        web.get().uri("/api/v1/indicators?period=2022-04").header(HttpHeaders.IF_NONE_MATCH, "\"other\", " + etag).exchange()
                .expectStatus().isNotModified()
                .expectHeader().valueEquals(HttpHeaders.ETAG, etag)
                .expectBody().isEmpty();
        assertThat(SERVICES.get("credit-service").lastHeaders().get(HttpHeaders.IF_NONE_MATCH))
                .as("the source was asked about the tag it gave").isEqualTo(SERVICES.get("credit-service").etag("STAFF"));

        SERVICES.get("credit-service").changeFigures();
        web.get().uri("/api/v1/indicators?period=2022-04").header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.ETAG, changed -> assertThat(changed).isNotEqualTo(etag))
                .expectBody().jsonPath("$.indicators[0].value").isEqualTo(316587000001.00);
        web.get().uri("/api/v1/indicators?period=2022-04").header(HttpHeaders.IF_NONE_MATCH, "not a tag").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("INVALID_IF_NONE_MATCH");
    }

    @Test
    void keepsAnsweringWhenAServiceIsDownAndSaysWhich() {
        SERVICES.get("risk-service").stop();

        // a period no test asked before: no answer of risk-service is kept for it
        web.get().uri("/api/v1/indicators?period=2022-06").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.indicators.length()").isEqualTo(4)
                .jsonPath("$.sources[4].service").isEqualTo("risk-service")
                .jsonPath("$.sources[4].status").isEqualTo("UNAVAILABLE")
                // "connection refused", or "Connection prematurely closed BEFORE response" when a pooled keep-alive
                // connection to the stopped stub is picked first: either way the service is not reachable
                .jsonPath("$.sources[4].detail").value(String.class, detail -> assertThat(detail).startsWith("not reachable: "))
                .jsonPath("$.sources[0].status").isEqualTo("OK");
    }

    @Test
    void marksASlowServiceUnavailableAfterItsTimeout() {
        SERVICES.get("capital-market-service").slowDown(Duration.ofSeconds(3));

        web.get().uri("/api/v1/indicators?period=2022-09&region=361002").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.region").isEqualTo("361002")
                .jsonPath("$.sources[2].status").isEqualTo("UNAVAILABLE")
                .jsonPath("$.sources[2].detail").isEqualTo("timeout after 700ms")
                .jsonPath("$.indicators.length()").isEqualTo(4);
    }

    @Test
    void refusesABadPeriodBeforeAskingAnyService() {
        SERVICES.get("credit-service").restart();
        String before = SERVICES.get("credit-service").lastRequest();

        web.get().uri("/api/v1/indicators?period=2022-13").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].parameter").isEqualTo("period")
                .jsonPath("$.errors[0].code").isEqualTo("INVALID_PERIOD");

        assertThat(SERVICES.get("credit-service").lastRequest()).isEqualTo(before);
    }

    @Test
    void relaysAServicesRefusalAndNeverCountsItAgainstTheSourceOrAnotherCaller() {
        SERVICES.get("credit-service").refusePeriod("1991-01");
        WebTestClient careless = caller("careless portal");
        WebTestClient other = caller("other portal");

        for (int i = 0; i < 25; i++) {
            careless.get().uri("/api/v1/indicators?period=1991-01").exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.detail").isEqualTo("credit-service refused the request: credit-service takes no figures for 1991-01")
                    .jsonPath("$.errors[0].parameter").isEqualTo("period")
                    .jsonPath("$.errors[0].code").isEqualTo("STUB_PERIOD_REFUSED");
            careless.get().uri("/api/v1/credit/indicators?period=1991-01").exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].code").isEqualTo("STUB_PERIOD_REFUSED");
        }

        for (String breaker : List.of("credit-service-indicators", "credit-service")) {
            assertThat(breakers.circuitBreaker(breaker).getState()).as(breaker).isEqualTo(CircuitBreaker.State.CLOSED);
            assertThat(breakers.circuitBreaker(breaker).getMetrics().getNumberOfFailedCalls()).as(breaker).isZero();
            assertThat(breakers.circuitBreaker(breaker).getMetrics().getNumberOfSuccessfulCalls()).as(breaker).isPositive();
        }
        other.get().uri("/api/v1/indicators?period=2022-09").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.sources[*].status").value(statuses -> assertThat((List<Object>) statuses).hasSize(5).containsOnly("OK"))
                .jsonPath("$.indicators.length()").isEqualTo(5);
    }

    @Test
    void refusesABadPeriodOrRegionItselfWithoutTouchingAnyBreaker() {
        WebTestClient careless = caller("careless portal");
        int asked = SERVICES.get("credit-service").indicatorRequests();

        for (int i = 0; i < 25; i++) {
            careless.get().uri("/api/v1/indicators?period=1900-06").exchange()
                    .expectStatus().isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].parameter").isEqualTo("period")
                    .jsonPath("$.errors[0].code").isEqualTo("INVALID_PERIOD");
            careless.get().uri("/api/v1/indicators?period=2022-09&region=999999").exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].parameter").isEqualTo("region");
        }

        assertThat(SERVICES.get("credit-service").indicatorRequests()).isEqualTo(asked);
        for (String service : SERVICES.keySet()) {
            assertThat(breakers.circuitBreaker(service + "-indicators").getMetrics().getNumberOfFailedCalls()).as(service).isZero();
        }
        caller("other portal").get().uri("/api/v1/indicators?period=2022-09").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.sources[*].status").value(statuses -> assertThat((List<Object>) statuses).containsOnly("OK"));
    }

    @Test
    void stillCountsA5xxAgainstTheSourceUntilItsBreakerOpens() {
        SERVICES.get("risk-service").failWith(500);

        for (int i = 0; i < 20; i++) {
            web.get().uri("/api/v1/indicators?period=2022-07").exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.sources[4].status").isEqualTo("UNAVAILABLE");
            web.get().uri("/api/v1/risk/indicators?period=2022-09").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "10")
                    .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("risk-service"));
        }

        assertThat(breakers.circuitBreaker("risk-service-indicators").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breakers.circuitBreaker("risk-service").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        web.get().uri("/api/v1/indicators?period=2022-07").exchange()
                .expectBody().jsonPath("$.sources[4].detail").isEqualTo("circuit breaker open");
    }

    @Test
    void letsAPeakOfConcurrentRequestsThroughWithoutTrippingTheBreaker() {
        SERVICES.get("platform-service").slowDown(Duration.ofMillis(300));
        org.springframework.web.reactive.function.client.WebClient client = org.springframework.web.reactive.function.client.WebClient
                .builder().baseUrl("http://127.0.0.1:" + port).defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY).build();

        // 60 in flight at once: more than the 25 calls Resilience4J's default bulkhead would let through
        List<Integer> statuses = reactor.core.publisher.Flux.range(0, 60)
                .flatMap(i -> client.get().uri("/api/v1/platform/indicators?period=2022-09")
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())), 60)
                .collectList().block(Duration.ofSeconds(60));

        assertThat(statuses).hasSize(60).containsOnly(200);
    }

    @Test
    void answersAnUnknownPathWithAProblem() {
        web.get().uri("/api/v2/nothing").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void doesNotServeTheFallbackToCallers() {
        web.get().uri("/fallback/credit-service").exchange().expectStatus().isNotFound();
    }

    @Test
    void publishesTheIndicatorContractWithoutAKey() {
        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
                .get().uri("/openapi/indicators.yaml").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(yaml -> assertThat(yaml).contains("/api/v1/indicators"));
    }

    @Test
    void exposesServerAndClientMetricsOnTheManagementPort() {
        web.get().uri("/api/v1/indicators?period=2022-09").exchange().expectStatus().isOk();

        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build() // histograms
                .get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(text -> assertThat(text)
                        .contains("http_server_requests_seconds_bucket")
                        // the fan-out WebClient's own name: http_client_requests is the routes' (other labels)
                        .containsPattern("cityfin_fanout_client_requests_seconds_count\\{[^}]*uri=\"/indicators\"")
                        .contains("jvm_memory_used_bytes")
                        .contains("resilience4j_circuitbreaker_state")
                        .containsPattern("cityfin_fanout_seconds_count\\{[^}]*outcome=\"ok\"[^}]*source=\"credit-service\""));
    }

    @Test
    void isReadyOnTheManagementPort() {
        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build()
                .get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    /** A client with a PORTAL key of its own, issued through the admin API. */
    private WebTestClient caller(String label) {
        Map<String, Object> issued = web.post().uri("/api/v1/admin/api-keys").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"label\": \"" + label + "\", \"roles\": [\"PORTAL\"]}")
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + issued.get("key")).build();
    }
}
