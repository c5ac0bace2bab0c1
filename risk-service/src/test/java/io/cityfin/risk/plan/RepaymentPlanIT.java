package io.cityfin.risk.plan;

import static io.cityfin.risk.lead.CasesWeb.figure;
import static io.cityfin.risk.lead.CasesWeb.nothing;
import static io.cityfin.risk.lead.CasesWeb.of;
import static io.cityfin.risk.lead.CasesWeb.refused;

import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.identity.Role;
import io.cityfin.common.test.WithOwnPostgres;
import io.cityfin.risk.lead.CasesWeb;

/**
 * Repayment plans on real PostgreSQL: every refusal with its pointer and nothing stored, the registry's 404, versions and
 * If-Match, an institution's own key writing only its own plan, the region filter, and PRIVATE_LENDING_REPAID_CUM and
 * _PCT at D in the institution's region.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cityfin.demo-data=false")
@AutoConfigureWebTestClient(timeout = "30s")
@WithOwnPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepaymentPlanIT {

    /** Refused plans are all put for this institution, which never gets one. */
    static final String REFUSED = "91361021MAMJ000037";
    static final String LINCHUAN = "91361002MAMJ00001G";
    static final String DONGXIANG = "91361003MAMJ000022";
    static final String GUANGCHANG = "91361030MAMJ00006H";

    @Autowired
    WebTestClient client;

    CasesWeb web;

    @BeforeAll
    void registry() {
        web = new CasesWeb(client);
        web.institution(REFUSED, "PRIVATE_LENDING", "361021");
        web.institution(LINCHUAN, "PRIVATE_LENDING", "361002");
        web.institution(DONGXIANG, "PRIVATE_LENDING", "361003");
        web.institution(GUANGCHANG, "PRIVATE_LENDING", "361030");
    }

    static String instalment(String no, String plannedOn, String paidOn, String amountPaid) {
        return "{\"no\": " + no + ", \"plannedOn\": " + plannedOn + ", \"paidOn\": " + paidOn + ", \"amountPaid\": " + amountPaid + "}";
    }

    static String plan(String principal, String... instalments) {
        return "{\"principalTotal\": " + principal + ", \"instalments\": [" + String.join(", ", instalments) + "]}";
    }

    static final String FIRST = instalment("1", "\"2021-03-28\"", "\"2021-03-28\"", "100.00");

    Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("MISSING_VALUE", "/principalTotal", "{\"instalments\": [" + FIRST + "]}"),
                Arguments.of("AMOUNT_NOT_POSITIVE", "/principalTotal", plan("0", FIRST)),
                Arguments.of("AMOUNT_NOT_POSITIVE", "/principalTotal", plan("-1000", FIRST)),
                Arguments.of("TOO_MANY_DECIMALS", "/principalTotal", plan("1000.001", FIRST)),
                Arguments.of("MISSING_VALUE", "/instalments", "{\"principalTotal\": 1000, \"instalments\": null}"),
                Arguments.of("INSTALMENT_NUMBERS_NOT_SEQUENTIAL", "/instalments/0/no", plan("1000", instalment("2", "\"2021-03-28\"", "null", "null"))),
                Arguments.of("INSTALMENT_NUMBERS_NOT_SEQUENTIAL", "/instalments/1/no",
                        plan("1000", FIRST, instalment("3", "\"2021-06-28\"", "null", "null"))),
                Arguments.of("MISSING_VALUE", "/instalments/1/no", plan("1000", FIRST, instalment("null", "\"2021-06-28\"", "null", "null"))),
                Arguments.of("MISSING_VALUE", "/instalments/1/plannedOn", plan("1000", FIRST, instalment("2", "null", "null", "null"))),
                Arguments.of("INVALID_DATE", "/instalments/1/plannedOn", plan("1000", FIRST, instalment("2", "\"2021-06-31\"", "null", "null"))),
                Arguments.of("PLANNED_DATES_DECREASING", "/instalments/1/plannedOn",
                        plan("1000", FIRST, instalment("2", "\"2021-03-27\"", "null", "null"))),
                Arguments.of("PAID_DATES_DECREASING", "/instalments/1/paidOn",
                        plan("1000", FIRST, instalment("2", "\"2021-06-28\"", "\"2021-03-27\"", "100.00"))),
                Arguments.of("PAYMENT_WITHOUT_DATE", "/instalments/1/paidOn", plan("1000", FIRST, instalment("2", "\"2021-06-28\"", "null", "100.00"))),
                Arguments.of("PAYMENT_WITHOUT_AMOUNT", "/instalments/1/amountPaid",
                        plan("1000", FIRST, instalment("2", "\"2021-06-28\"", "\"2021-06-28\"", "null"))),
                Arguments.of("AMOUNT_NOT_POSITIVE", "/instalments/1/amountPaid",
                        plan("1000", FIRST, instalment("2", "\"2021-06-28\"", "\"2021-06-28\"", "0"))),
                Arguments.of("PAID_ABOVE_PRINCIPAL", "/instalments", plan("150", FIRST, instalment("2", "\"2021-06-28\"", "\"2021-06-28\"", "50.01"))),
                Arguments.of("DATE_IN_FUTURE", "/instalments/1/paidOn", plan("1000", FIRST, instalment("2", "\"2099-06-28\"", "\"2099-06-28\"", "1"))),
                Arguments.of("MISSING_VALUE", "/instalments/1", plan("1000", FIRST, "null")),
                Arguments.of("UNKNOWN_STATUS", "/status", "{\"principalTotal\": 1000, \"instalments\": [], \"status\": \"CLOSED\"}"));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("refusals")
    void refusesEachFaultWithItsPointerAndStoresNothing(String code, String pointer, String body) {
        refused(web.put("/repayment-plans/" + REFUSED, body), code, pointer);

        web.get("/repayment-plans/" + REFUSED).expectStatus().isNotFound();
    }

    @Test
    void acceptsPlannedDatesAheadAndAnswersForAnUnknownOrMalformedInstitution() {
        web.put("/repayment-plans/" + DONGXIANG, plan("1000", FIRST, instalment("2", "\"2099-06-28\"", "null", "null"))).expectStatus().isCreated();

        web.put("/repayment-plans/91361099MAMJ00009X", plan("1000", FIRST)).expectStatus().isNotFound();
        web.put("/repayment-plans/not a code", plan("1000", FIRST)).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].parameter").isEqualTo("institutionCode");
        web.get("/repayment-plans/91361099MAMJ00009X").expectStatus().isNotFound();
    }

    @Test
    void keepsEveryVersionAndLetsAnInstitutionsOwnKeyWriteOnlyItsOwnPlan() {
        String uri = "/repayment-plans/" + GUANGCHANG;
        WebTestClient own = web.as(Role.SUBMITTER, GUANGCHANG);
        WebTestClient other = web.as(Role.SUBMITTER, LINCHUAN);

        web.put(own, uri, plan("1000", FIRST), null).expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody().jsonPath("$.institutionCode").isEqualTo(GUANGCHANG).jsonPath("$.recordedFor").isEqualTo(GUANGCHANG);
        web.put(own, uri, plan("1000", FIRST), null).expectStatus().isOk();
        web.put(web.as(Role.ANALYST), uri, plan("1200", FIRST), "\"1\"").expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");
        web.put(web.as(Role.ANALYST), uri, plan("1300", FIRST), "\"1\"").expectStatus().isEqualTo(412);
        web.put(other, uri, plan("1000", FIRST), null).expectStatus().isForbidden();
        web.put(web.as(Role.PORTAL), uri, plan("1000", FIRST), null).expectStatus().isForbidden();
        other.get().uri(uri).exchange().expectStatus().isForbidden();

        own.get().uri(uri + "/versions").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].principalTotal").value(figure("1000"))
                .jsonPath("$[1].principalTotal").value(figure("1200"))
                .jsonPath("$[1].instalments[0].paidOn").isEqualTo("2021-03-28");
        own.get().uri("/repayment-plans").exchange().expectStatus().isOk().expectHeader().valueEquals("X-Total-Count", "1")
                .expectBody().jsonPath("$[0].institutionCode").isEqualTo(GUANGCHANG);
        web.get("/repayment-plans?region=361030").expectStatus().isOk().expectHeader().valueEquals("X-Total-Count", "1");
        web.get("/repayment-plans?region=361022").expectStatus().isOk().expectHeader().valueEquals("X-Total-Count", "0");
    }

    @Test
    void sumsWhatWasRepaidByDAgainstThePrincipalInTheInstitutionsRegion() {
        web.put("/repayment-plans/" + LINCHUAN, plan("1000000.00",
                instalment("1", "\"2020-03-28\"", "\"2020-03-28\"", "200000.00"),
                instalment("2", "\"2020-06-28\"", "\"2020-07-02\"", "100000.00"),
                instalment("3", "\"2020-09-28\"", "null", "null"))).expectStatus().isCreated();

        // by hand: 200,000 by the end of March, 300,000 from 2 July on; of 1,000,000: 20.00 % and 30.00 %
        web.sheet("2020-03", "361002")
                .jsonPath(of("PRIVATE_LENDING_REPAID_CUM")).value(figure("200000"))
                .jsonPath(of("PRIVATE_LENDING_REPAID_PCT")).value(figure("20.00"));
        web.sheet("2020-06", "361002").jsonPath(of("PRIVATE_LENDING_REPAID_CUM")).value(figure("200000"));
        web.sheet("2020-07", "361002")
                .jsonPath(of("PRIVATE_LENDING_REPAID_CUM")).value(figure("300000"))
                .jsonPath(of("PRIVATE_LENDING_REPAID_PCT")).value(figure("30.00"))
                .jsonPath("$.indicators[?(@.code == 'PRIVATE_LENDING_PLAN_PRINCIPAL')]").isEmpty();
        // 崇仁县 (361024) has no plan: nothing repaid, and no share of no principal
        web.sheet("2020-07", "361024")
                .jsonPath(of("PRIVATE_LENDING_REPAID_CUM")).value(figure("0"))
                .jsonPath(of("PRIVATE_LENDING_REPAID_PCT")).value(nothing());
    }
}
