package io.cityfin.risk.npl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.identity.Role;
import io.cityfin.common.test.TestIdentity;
import io.cityfin.common.test.WithOwnPostgres;

/**
 * The NPL rules reading credit's NPL_RATIO through a stand-in gateway with risk-service's own key, on real
 * PostgreSQL: raised while it answers; while it is away UNAVAILABLE with nothing raised or resolved; once it is back,
 * the retry schedule (every second here, every minute by default) runs them again without a restart or a request.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"cityfin.demo-data=false",
        "cityfin.alerts.retry-every=1s", "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=1s"})
@AutoConfigureWebTestClient(timeout = "60s")
@WithOwnPostgres
class NplWatchIT {

    private static final String KEY = "cfk_risk_service_test_key";
    private static final StubCredit GATEWAY = new StubCredit(KEY);

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry properties) {
        properties.add("cityfin.published.gateway-url", GATEWAY::url);
        properties.add("cityfin.published.api-key", () -> KEY);
    }

    @AfterAll
    static void stopGateway() {
        GATEWAY.stop();
    }

    @Autowired
    WebTestClient web;

    @Test
    void raisesWhileCreditAnswersChangesNothingWhileAwayAndRunsAgainOnceBack() {
        // the city at 2.50% (YELLOW: 2.00 ≤ 2.50 < 3.00); 临川 up 0.60 pp since the year start (ORANGE: 0.50 ≤ 0.60 < 1.00)
        GATEWAY.ratio("361000", "2.50", "0.10");
        GATEWAY.ratio("361002", "1.90", "0.60");

        List<Map<String, Object>> answered = evaluate("2022-09");
        assertThat(outcome(answered, "NPL_RATIO_HIGH")).containsEntry("outcome", "OK").containsEntry("raised", 1);
        assertThat(outcome(answered, "NPL_RATIO_RISE")).containsEntry("outcome", "OK").containsEntry("raised", 1);
        List<Map<String, Object>> open = alerts("/alerts?period=2022-09&status=OPEN");
        assertThat(open).extracting(alert -> alert.get("rule") + " " + alert.get("subject") + " " + alert.get("severity"))
                .containsExactlyInAnyOrder("NPL_RATIO_HIGH 361000 YELLOW", "NPL_RATIO_RISE 361002 ORANGE");
        assertThat(open).filteredOn(alert -> "NPL_RATIO_RISE".equals(alert.get("rule"))).singleElement()
                .satisfies(alert -> assertThat(String.valueOf(alert.get("value"))).isEqualTo("0.6"));

        // away: nothing raised or resolved, the rules UNAVAILABLE for the period (credit's figures meanwhile all low)
        GATEWAY.stop();
        GATEWAY.clear();
        List<Map<String, Object>> away = evaluate("2022-09");
        assertThat(outcome(away, "NPL_RATIO_HIGH")).containsEntry("outcome", "UNAVAILABLE").containsEntry("resolved", 0);
        assertThat(outcome(away, "NPL_RATIO_RISE")).containsEntry("outcome", "UNAVAILABLE").containsEntry("resolved", 0);
        assertThat(alerts("/alerts?period=2022-09&status=OPEN")).hasSize(2);
        as(Role.ANALYST).get().uri("/alert-rules/NPL_RATIO_HIGH").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.evaluations[0].period").isEqualTo("2022-09").jsonPath("$.evaluations[0].outcome").isEqualTo("UNAVAILABLE");

        // back: the retry runs both again without a request; the low figures resolve both alerts
        GATEWAY.start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            as(Role.ANALYST).get().uri("/alert-rules/NPL_RATIO_HIGH").exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.evaluations[0].outcome").isEqualTo("OK");
            as(Role.ANALYST).get().uri("/alert-rules/NPL_RATIO_RISE").exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.evaluations[0].outcome").isEqualTo("OK");
            assertThat(alerts("/alerts?period=2022-09&status=RESOLVED")).hasSize(2);
        });
        assertThat(alerts("/alerts?period=2022-09&status=OPEN")).isEmpty();
    }

    private WebTestClient as(Role role) {
        return web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestIdentity.token(role)).build();
    }

    private List<Map<String, Object>> evaluate(String period) {
        return as(Role.ANALYST).post().uri("/alerts/evaluate?period={p}", period).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).returnResult().getResponseBody();
    }

    private static Map<String, Object> outcome(List<Map<String, Object>> outcomes, String rule) {
        return outcomes.stream().filter(outcome -> rule.equals(outcome.get("rule"))).findFirst().orElseThrow();
    }

    private List<Map<String, Object>> alerts(String uri) {
        return as(Role.ANALYST).get().uri(uri).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).returnResult().getResponseBody();
    }
}
