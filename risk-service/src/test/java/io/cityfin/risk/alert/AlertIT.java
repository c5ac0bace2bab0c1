package io.cityfin.risk.alert;

import static io.cityfin.risk.alert.FakeRule.finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.identity.Role;
import io.cityfin.common.period.Period;
import io.cityfin.common.test.TestIdentity;
import io.cityfin.common.test.WithOwnPostgres;
import io.cityfin.reporting.record.RecordAccepted;
import io.cityfin.reporting.report.ReportAccepted;
import io.cityfin.reporting.test.IndicatorETagChecks;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;

/**
 * The alert engine as a whole app on real PostgreSQL with a fake rule beside the real ones: evaluation through
 * {@code POST /alerts/evaluate}, the alert list and history, analysts' status changes, versioned settings and their
 * refusals, concurrent evaluations of one rule and period, the event trigger, the ALERTS_OPEN_* indicators and the gauge.
 * Each test uses its own period. Credit has no key here, so the NPL rules are UNAVAILABLE.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"cityfin.demo-data=false",
        "cityfin.alerts.schedules=false", "cityfin.alerts.coalesce=100ms"})
@AutoConfigureWebTestClient(timeout = "30s")
@WithOwnPostgres
class AlertIT {

    @TestConfiguration
    static class Rules {

        @Bean
        FakeRule fakeRule() {
            return new FakeRule();
        }
    }

    @Autowired
    WebTestClient web;

    @Autowired
    FakeRule rule;

    @Autowired
    AlertService service;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Evaluations evaluations;

    @Autowired
    AlertTriggers triggers;

    @Test
    void raisesRecoloursResolvesAndReopensOneAlertPerSubject() {
        Period period = Period.month(2021, 1);
        rule.finds(period, finding("S1", "361002", "95", Colour.RED), finding("S2", "361003", "60", Colour.ORANGE));

        List<Map<String, Object>> outcomes = evaluate(period);
        assertThat(outcome(outcomes, FakeRule.CODE)).containsEntry("outcome", "OK").containsEntry("raised", 2);
        assertThat(outcome(outcomes, "NPL_RATIO_HIGH")).containsEntry("outcome", "UNAVAILABLE").containsEntry("raised", 0);
        assertThat(outcome(outcomes, "REPORT_MISSING")).containsEntry("outcome", "OK");
        assertThat(total("/alerts?period=2021-01&rule=FAKE_RULE")).isEqualTo(2);
        assertThat(total("/alerts?period=2021-01&rule=FAKE_RULE&severity=RED")).isEqualTo(1);
        assertThat(total("/alerts?period=2021-01&region=361003")).isEqualTo(1);
        Map<String, Object> s2 = alerts("/alerts?period=2021-01&rule=FAKE_RULE&severity=ORANGE").get(0);
        assertThat(s2).containsEntry("subject", "S2").containsEntry("status", "OPEN").containsEntry("region", "361003")
                .containsEntry("period", "2021-01").containsEntry("history", null);
        Object id = s2.get("id");

        // S2 worse: re-coloured in place
        rule.finds(period, finding("S1", "361002", "95", Colour.RED), finding("S2", "361003", "91", Colour.RED));
        assertThat(outcome(evaluate(period), FakeRule.CODE)).containsEntry("recoloured", 1).containsEntry("raised", 0);
        alert(id).jsonPath("$.severity").isEqualTo("RED").jsonPath("$.value").isEqualTo(91).jsonPath("$.threshold").isEqualTo(90)
                .jsonPath("$.history.length()").isEqualTo(2).jsonPath("$.history[1].colour").isEqualTo("RED")
                .jsonPath("$.history[1].by").isEqualTo("alert-engine");

        // the same findings again: nothing
        assertThat(outcome(evaluate(period), FakeRule.CODE)).containsEntry("raised", 0).containsEntry("recoloured", 0)
                .containsEntry("resolved", 0).containsEntry("reopened", 0);
        assertThat(total("/alerts?period=2021-01&rule=FAKE_RULE")).isEqualTo(2);
        alert(id).jsonPath("$.history.length()").isEqualTo(2);

        // S2 gone: resolved; back: re-opened, the same alert
        rule.finds(period, finding("S1", "361002", "95", Colour.RED));
        assertThat(outcome(evaluate(period), FakeRule.CODE)).containsEntry("resolved", 1);
        alert(id).jsonPath("$.status").isEqualTo("RESOLVED");
        assertThat(total("/alerts?period=2021-01&rule=FAKE_RULE&status=OPEN")).isEqualTo(1);
        rule.finds(period, finding("S1", "361002", "95", Colour.RED), finding("S2", "361003", "55", Colour.ORANGE));
        assertThat(outcome(evaluate(period), FakeRule.CODE)).containsEntry("reopened", 1).containsEntry("raised", 0);
        alert(id).jsonPath("$.status").isEqualTo("OPEN").jsonPath("$.severity").isEqualTo("ORANGE").jsonPath("$.history.length()").isEqualTo(4)
                .jsonPath("$.history[2].status").isEqualTo("RESOLVED");
        assertThat(total("/alerts?period=2021-01&rule=FAKE_RULE")).isEqualTo(2);

        // GET /alert-rules shows each rule's last evaluation per period
        as(Role.ANALYST).get().uri("/alert-rules").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.code == 'FAKE_RULE')].evaluations[?(@.period == '2021-01')].outcome").isEqualTo(List.of("OK"))
                .jsonPath("$[?(@.code == 'NPL_RATIO_HIGH')].evaluations[?(@.period == '2021-01')].outcome").isEqualTo(List.of("UNAVAILABLE"))
                .jsonPath("$[?(@.code == 'NPL_RATIO_HIGH')].version").isEqualTo(List.of(0))
                .jsonPath("$[?(@.code == 'NPL_RATIO_HIGH')].thresholds.ORANGE").isEqualTo(List.of(3.0));
    }

    @Test
    void analystsAcknowledgeAndCloseAndAClosedAlertStaysClosedForItsPeriod() {
        Period period = Period.month(2021, 2);
        rule.finds(period, finding("S1", "361002", "95", Colour.RED));
        evaluate(period);
        Object id = alerts("/alerts?period=2021-02&rule=FAKE_RULE").get(0).get("id");

        status(Role.ADMIN, id, "{\"status\": \"ACKNOWLEDGED\"}").expectStatus().isForbidden();
        status(Role.PORTAL, id, "{\"status\": \"ACKNOWLEDGED\"}").expectStatus().isForbidden();
        as(Role.PORTAL).get().uri("/alerts").exchange().expectStatus().isForbidden();
        as(Role.SUBMITTER).get().uri("/alerts/{id}", id).exchange().expectStatus().isForbidden();
        refused(status(Role.ANALYST, id, "{\"status\": \"RESOLVED\"}"), "UNKNOWN_ALERT_STATUS");
        refused(status(Role.ANALYST, id, "{\"note\": \"?\"}"), "MISSING_VALUE");
        alert(id).jsonPath("$.status").isEqualTo("OPEN").jsonPath("$.history.length()").isEqualTo(1);

        status(Role.ANALYST, id, "{\"status\": \"ACKNOWLEDGED\", \"note\": \"已通知县金融办核实\"}").expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("ACKNOWLEDGED").jsonPath("$.history.length()").isEqualTo(2)
                .jsonPath("$.history[1].note").isEqualTo("已通知县金融办核实").jsonPath("$.history[1].status").isEqualTo("ACKNOWLEDGED");
        status(Role.ANALYST, id, "{\"status\": \"ACKNOWLEDGED\"}").expectStatus().isOk().expectBody().jsonPath("$.history.length()").isEqualTo(2);
        status(Role.ANALYST, id, "{\"status\": \"CLOSED\", \"note\": \"已处置\"}").expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("CLOSED").jsonPath("$.history.length()").isEqualTo(3);
        refused(status(Role.ANALYST, id, "{\"status\": \"ACKNOWLEDGED\"}"), "ALERT_CLOSED");

        // found again at another colour, then no longer found: it stays CLOSED
        rule.finds(period, finding("S1", "361002", "60", Colour.ORANGE));
        assertThat(outcome(evaluate(period), FakeRule.CODE)).containsEntry("raised", 0).containsEntry("reopened", 0).containsEntry("recoloured", 0);
        rule.finds(period);
        assertThat(outcome(evaluate(period), FakeRule.CODE)).containsEntry("resolved", 0);
        alert(id).jsonPath("$.status").isEqualTo("CLOSED").jsonPath("$.severity").isEqualTo("RED").jsonPath("$.history.length()").isEqualTo(3);

        as(Role.ANALYST).get().uri("/alerts/abc").exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("INVALID_ID");
        as(Role.ANALYST).get().uri("/alerts/987654321").exchange().expectStatus().isNotFound();
        status(Role.ANALYST, "987654321", "{\"status\": \"CLOSED\"}").expectStatus().isNotFound();
        as(Role.ANALYST).get().uri("/alerts?severity=PURPLE").exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("UNKNOWN_SEVERITY");
        as(Role.ANALYST).get().uri("/alerts?rule=NO_SUCH_RULE").exchange().expectStatus().isBadRequest();
        as(Role.ANALYST).get().uri("/alerts?region=999999").exchange().expectStatus().isBadRequest();
        as(Role.ANALYST).post().uri("/alerts/evaluate?period=2021-Q1").exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("PERIOD_NOT_MONTHLY");
        as(Role.ANALYST).post().uri("/alerts/evaluate?period=2099-01").exchange().expectStatus().isBadRequest();
        as(Role.SUBMITTER).post().uri("/alerts/evaluate?period=2021-02").exchange().expectStatus().isForbidden();
    }

    @Test
    void settingsAreVersionedWithETagsAndRefusedWhenWrong() {
        String body = "{\"enabled\": true, \"thresholds\": {\"YELLOW\": null, \"ORANGE\": 40, \"RED\": 80}, \"params\": {\"persons\": 120}}";
        evaluate(Period.month(2021, 8));
        as(Role.ANALYST).get().uri("/alert-rules/FAKE_RULE").exchange().expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
                .expectBody().jsonPath("$.version").isEqualTo(0).jsonPath("$.thresholds.RED").isEqualTo(90).jsonPath("$.params.persons").isEqualTo(100);
        put(Role.ANALYST, "FAKE_RULE", body, null).expectStatus().isForbidden();
        put(Role.ADMIN, "FAKE_RULE", body, "\"1\"").expectStatus().isEqualTo(412);

        put(Role.ADMIN, "FAKE_RULE", body, null).expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"").expectBody()
                .jsonPath("$.version").isEqualTo(1).jsonPath("$.thresholds.ORANGE").isEqualTo(40).jsonPath("$.params.persons").isEqualTo(120);
        put(Role.ADMIN, "FAKE_RULE", body, null).expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"");
        put(Role.ADMIN, "FAKE_RULE", body.replace("80", "85"), "\"7\"").expectStatus().isEqualTo(412);
        put(Role.ADMIN, "FAKE_RULE", body.replace("80", "90"), "\"1\"").expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");
        // a new settings version runs the rule again for the periods it has been evaluated for
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> as(Role.ANALYST).get()
                .uri("/alert-rules/FAKE_RULE").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.evaluations[?(@.period == '2021-08')].ruleVersion").isEqualTo(List.of(2)));
        as(Role.ANALYST).get().uri("/alert-rules/FAKE_RULE").exchange().expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().jsonPath("$.version").isEqualTo(2).jsonPath("$.thresholds.ORANGE").isEqualTo(40).jsonPath("$.thresholds.RED").isEqualTo(90);

        refused(put(Role.ADMIN, "FAKE_RULE", body.replace("80", "40"), null), "THRESHOLDS_NOT_RISING", "/thresholds/RED");
        refused(put(Role.ADMIN, "FAKE_RULE", body.replace("\"YELLOW\": null", "\"YELLOW\": 10"), null), "COLOUR_NOT_USED", "/thresholds/YELLOW");
        refused(put(Role.ADMIN, "FAKE_RULE", body.replace("120}", "120, \"people\": 1}"), null), "UNKNOWN_PARAMETER", "/params/people");
        refused(put(Role.ADMIN, "NPL_RATIO_HIGH", "{\"enabled\": true, \"thresholds\": {\"YELLOW\": 3.0, \"ORANGE\": 2.0, \"RED\": 5.0}, "
                + "\"params\": {}}", null), "THRESHOLDS_NOT_RISING", "/thresholds/ORANGE");
        refused(put(Role.ADMIN, "NPL_RATIO_HIGH", "{\"thresholds\": {\"YELLOW\": 2.0, \"ORANGE\": 3.0, \"RED\": 5.0}}", null), "MISSING_VALUE", "/enabled");
        put(Role.ADMIN, "NPL_RATIO_HIGH", "{\"enabled\": true, \"thresholds\": {\"PURPLE\": 1}, \"params\": {}}", null).expectStatus().isBadRequest();
        put(Role.ADMIN, "NO_SUCH_RULE", body, null).expectStatus().isNotFound();
        as(Role.ANALYST).get().uri("/alert-rules/NO_SUCH_RULE").exchange().expectStatus().isNotFound();
        as(Role.PORTAL).get().uri("/alert-rules").exchange().expectStatus().isForbidden();
        as(Role.ANALYST).get().uri("/alert-rules/NPL_RATIO_HIGH").exchange().expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(0);
    }

    @Test
    void concurrentEvaluationsOfOneRuleAndPeriodMakeOneAlertPerSubject() {
        Period period = Period.month(2021, 3);
        rule.finds(period, finding("S1", "361002", "95", Colour.RED), finding("S2", "361003", "60", Colour.ORANGE),
                finding("S3", "361021", "70", Colour.ORANGE));

        List<EvaluationOutcome> outcomes = Flux.range(0, 6).flatMap(i -> service.evaluate(rule, period), 6).collectList().block();

        assertThat(outcomes).hasSize(6).allSatisfy(outcome -> assertThat(outcome.outcome()).isEqualTo(EvaluationOutcome.OK));
        assertThat(outcomes.stream().mapToInt(EvaluationOutcome::raised).sum()).isEqualTo(3);
        assertThat(total("/alerts?period=2021-03&rule=FAKE_RULE")).isEqualTo(3);
        for (Map<String, Object> alert : alerts("/alerts?period=2021-03&rule=FAKE_RULE")) {
            alert(alert.get("id")).jsonPath("$.history.length()").isEqualTo(1);
        }
    }

    @Test
    void anAcceptedReportOrRecordRunsTheRulesItAffectsForItsPeriodSoon() {
        Period april = Period.month(2021, 4);
        Period may = Period.month(2021, 5);
        rule.finds(april, finding("S1", "361002", "95", Colour.RED));
        rule.finds(may, finding("S1", "361002", "60", Colour.ORANGE), finding("S2", "361002", "60", Colour.ORANGE));

        events.publishEvent(new ReportAccepted("91361027MA0000001X", april, 1));
        events.publishEvent(new ReportAccepted("91361027MA0000001X", april, 2));
        events.publishEvent(new RecordAccepted("leads", UUID.randomUUID(), 1, LocalDate.of(2021, 5, 17)));
        events.publishEvent(new RecordAccepted("leads", UUID.randomUUID(), 1, null));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(total("/alerts?period=2021-04&rule=FAKE_RULE")).isEqualTo(1);
            assertThat(total("/alerts?period=2021-05&rule=FAKE_RULE")).isEqualTo(2);
        });
    }

    @Test
    void theOpenAlertsOfAPeriodAreItsAlertIndicatorsCityWideOnlyForPortalCallers() {
        Period period = Period.month(2021, 6);
        rule.finds(period, finding("S1", "361002", "95", Colour.RED), finding("S2", "361003", "99", Colour.RED),
                finding("S3", "361002", "60", Colour.ORANGE));
        evaluate(period);

        indicators(Role.ANALYST, "2021-06", null).jsonPath(value("ALERTS_OPEN_RED_COUNT")).isEqualTo(List.of(2))
                .jsonPath(value("ALERTS_OPEN_ORANGE_COUNT")).isEqualTo(List.of(1))
                .jsonPath(value("ALERTS_OPEN_YELLOW_COUNT")).isEqualTo(List.of(0))
                .jsonPath("$.indicators[?(@.code == 'ALERTS_OPEN_RED_COUNT')].kind").isEqualTo(List.of("STOCK"))
                .jsonPath("$.indicators[?(@.code == 'ALERTS_OPEN_RED_COUNT')].unit").isEqualTo(List.of("COUNT"));
        indicators(Role.ANALYST, "2021-06", "361002").jsonPath(value("ALERTS_OPEN_RED_COUNT")).isEqualTo(List.of(1))
                .jsonPath(value("ALERTS_OPEN_ORANGE_COUNT")).isEqualTo(List.of(1));
        indicators(Role.PORTAL, "2021-06", "361002").jsonPath("$.indicators[?(@.code == 'ALERTS_OPEN_RED_COUNT')].suppressed").isEqualTo(List.of(true))
                .jsonPath(value("ALERTS_OPEN_RED_COUNT")).isEqualTo(java.util.Collections.singletonList(null));
        indicators(Role.PORTAL, "2021-06", null).jsonPath(value("ALERTS_OPEN_RED_COUNT")).isEqualTo(List.of(2));

        // closed: no longer open; acknowledged: still open
        List<Map<String, Object>> red = alerts("/alerts?period=2021-06&rule=FAKE_RULE&severity=RED");
        status(Role.ANALYST, red.get(0).get("id"), "{\"status\": \"CLOSED\"}").expectStatus().isOk();
        status(Role.ANALYST, red.get(1).get("id"), "{\"status\": \"ACKNOWLEDGED\"}").expectStatus().isOk();
        indicators(Role.ANALYST, "2021-06", null).jsonPath(value("ALERTS_OPEN_RED_COUNT")).isEqualTo(List.of(1));
        indicators(Role.ANALYST, "2021-07", null).jsonPath(value("ALERTS_OPEN_RED_COUNT")).isEqualTo(List.of(0));

        // the gauge: every open FAKE_RULE alert, whatever its period
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            long open = total("/alerts?rule=FAKE_RULE&severity=RED&status=OPEN") + total("/alerts?rule=FAKE_RULE&severity=RED&status=ACKNOWLEDGED");
            assertThat(meters.get("cityfin.alerts.open").tags("rule", FakeRule.CODE, "severity", "RED").gauge().value()).isEqualTo(open);
        });
        assertThat(meters.get("cityfin.alerts.open").tags("rule", "NPL_RATIO_HIGH", "severity", "RED").gauge().value()).isZero();
    }

    @Test
    void theIndicatorAnswerCarriesANewETagWhenAnAlertIsRaisedAcknowledgedOrResolvedAndNoneForAnEvaluationThatChangesNothing() {
        Period period = Period.month(2020, 11);
        String uri = "/indicators?period=2020-11";
        IndicatorETagChecks etags = new IndicatorETagChecks(web, meters);
        etags.answers304WithoutComputing(uri, Role.ANALYST);

        rule.finds(period, finding("S1", "361002", "95", Colour.RED));
        etags.changesWith(uri, Role.ANALYST, () -> evaluate(period));
        Object id = alerts("/alerts?period=2020-11&rule=FAKE_RULE").get(0).get("id");
        etags.changesWith(uri, Role.PORTAL, () -> status(Role.ANALYST, id, "{\"status\": \"ACKNOWLEDGED\"}").expectStatus().isOk());
        rule.finds(period);
        etags.changesWith(uri, Role.ANALYST, () -> evaluate(period));

        String settled = etags.tag(uri, Role.ANALYST);
        evaluate(period);
        assertThat(etags.tag(uri, Role.ANALYST)).as("an evaluation that changes no alert").isEqualTo(settled);
    }

    @Test
    void theDailyRunOfADayIsClaimedByOneReplicaAndRunsEveryRuleForTheLastCompletedMonth() {
        LocalDate day = LocalDate.of(2021, 10, 1);
        java.time.OffsetDateTime at = java.time.OffsetDateTime.parse("2021-10-01T02:00:00+08:00");
        List<Boolean> claims = Flux.range(0, 6).flatMap(i -> evaluations.claimDay(day, at), 6).collectList().block();
        assertThat(claims).hasSize(6).filteredOn(Boolean::booleanValue).hasSize(1);
        assertThat(evaluations.claimDay(day, at).block()).as("later, the day is taken").isFalse();

        Period september = Period.month(2021, 9);
        rule.finds(september, finding("S1", "361002", "95", Colour.RED));
        triggers.daily(LocalDate.of(2021, 10, 2)).block();
        assertThat(total("/alerts?period=2021-09&rule=FAKE_RULE")).isEqualTo(1);
        as(Role.ANALYST).get().uri("/alert-rules/REPORT_MISSING").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.evaluations[?(@.period == '2021-09')].outcome").isEqualTo(List.of("OK"));

        // the same day again (another replica, or a timer firing twice): nothing runs
        rule.finds(september, finding("S1", "361002", "95", Colour.RED), finding("S2", "361002", "95", Colour.RED));
        triggers.daily(LocalDate.of(2021, 10, 2)).block();
        assertThat(total("/alerts?period=2021-09&rule=FAKE_RULE")).isEqualTo(1);
    }

    private static String value(String code) {
        return "$.indicators[?(@.code == '" + code + "')].value";
    }

    private WebTestClient.BodyContentSpec indicators(Role role, String period, @Nullable String region) {
        return as(role).get().uri("/indicators?period=" + period + (region == null ? "" : "&region=" + region)).exchange()
                .expectStatus().isOk().expectBody();
    }

    private WebTestClient as(Role role) {
        return web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestIdentity.token(role)).build();
    }

    private List<Map<String, Object>> evaluate(Period period) {
        return as(Role.ANALYST).post().uri("/alerts/evaluate?period={p}", period.toString()).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).returnResult().getResponseBody();
    }

    private static Map<String, Object> outcome(List<Map<String, Object>> outcomes, String rule) {
        return outcomes.stream().filter(outcome -> rule.equals(outcome.get("rule"))).findFirst().orElseThrow();
    }

    private long total(String uri) {
        String total = as(Role.ANALYST).get().uri(uri).exchange().expectStatus().isOk().returnResult(String.class).getResponseHeaders()
                .getFirst("X-Total-Count");
        return Long.parseLong(String.valueOf(total));
    }

    private List<Map<String, Object>> alerts(String uri) {
        return as(Role.ANALYST).get().uri(uri).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).returnResult().getResponseBody();
    }

    private WebTestClient.BodyContentSpec alert(Object id) {
        return as(Role.ANALYST).get().uri("/alerts/{id}", id).exchange().expectStatus().isOk().expectBody();
    }

    private WebTestClient.ResponseSpec status(Role role, Object id, String body) {
        return as(role).put().uri("/alerts/{id}/status", id).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec put(Role role, String code, String body, @Nullable String ifMatch) {
        WebTestClient.RequestBodySpec request = as(role).put().uri("/alert-rules/{code}", code).contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request = request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.bodyValue(body).exchange();
    }

    private static void refused(WebTestClient.ResponseSpec answer, String code) {
        answer.expectStatus().isEqualTo(422).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody()
                .jsonPath("$.errors[0].code").isEqualTo(code);
    }

    private static void refused(WebTestClient.ResponseSpec answer, String code, String pointer) {
        answer.expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors.length()").isEqualTo(1).jsonPath("$.errors[0].code").isEqualTo(code)
                .jsonPath("$.errors[0].pointer").isEqualTo(pointer);
    }
}
