package io.cityfin.risk.lead;

import static io.cityfin.risk.lead.CasesWeb.figure;
import static io.cityfin.risk.lead.CasesWeb.nothing;
import static io.cityfin.risk.lead.CasesWeb.of;
import static io.cityfin.risk.lead.CasesWeb.refused;
import static io.cityfin.risk.lead.LeadFixtures.body;
import static io.cityfin.risk.lead.LeadFixtures.lending;
import static io.cityfin.risk.lead.LeadFixtures.with;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

/**
 * Leads and cases on real PostgreSQL: every refusal with its pointer and nothing stored, the warning, the status table
 * (every allowed step, every refused one, legacy cases, disposal without a case), versions, idempotency, roles, the list's
 * filters, and the lead indicators at D in the lead's region, city-wide only for SUBMITTER and PORTAL. Refused bodies are
 * all in 资溪县 (361028), where nothing is ever stored; figures are read in 宜黄县 (361026) in 2021, written by one test only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cityfin.demo-data=false")
@AutoConfigureWebTestClient(timeout = "30s")
@WithOwnPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadIT {

    static final String REFUSED = "361028";

    @Autowired
    WebTestClient client;

    CasesWeb web;

    @BeforeAll
    void web() {
        web = new CasesWeb(client);
    }

    static String refusable(String... steps) {
        return body("ILLEGAL_LENDING", REFUSED, false, "10", "1000000.00", "null", steps.length == 0 ? new String[] {"RECEIVED", "2020-03-01"} : steps);
    }

    static String history(String... steps) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < steps.length; i += 2) {
            json.append(i == 0 ? "" : ", ").append("{\"status\": ").append(steps[i] == null ? "null" : "\"" + steps[i] + "\"")
                    .append(", \"on\": ").append(steps[i + 1] == null ? "null" : "\"" + steps[i + 1] + "\"").append("}");
        }
        return json.append("]").toString();
    }

    Stream<Arguments> refusals() {
        String base = refusable();
        return Stream.of(
                Arguments.of("MISSING_VALUE", "/source", with(base, "source", "null")),
                Arguments.of("UNKNOWN_SOURCE", "/source", with(base, "source", "\"RUMOUR\"")),
                Arguments.of("MISSING_VALUE", "/category", with(base, "category", "\" \"")),
                Arguments.of("UNKNOWN_CATEGORY", "/category", with(base, "category", "\"FRAUD\"")),
                Arguments.of("MISSING_VALUE", "/region", with(base, "region", "null")),
                Arguments.of("UNKNOWN_REGION", "/region", with(base, "region", "\"361099\"")),
                Arguments.of("CITY_REGION_ON_RECORD", "/region", with(base, "region", "\"361000\"")),
                Arguments.of("PERSONAL_DATA", "/sourceRef", with(base, "sourceRef", "\"13912345678\"")),
                Arguments.of("PERSONAL_DATA", "/sourceRef", with(base, "sourceRef", "\"举报人36100219800101123X\"")),
                Arguments.of("PERSONAL_DATA", "/subject/name", with(base, "subject", "{\"name\": \"张某13812345678\", \"uscc\": null}")),
                Arguments.of("INVALID_USCC", "/subject/uscc", with(base, "subject", "{\"name\": \"抚州测试咨询有限公司\", \"uscc\": \"91361002MA00000000\"}")),
                Arguments.of("INVALID_COUNT", "/personsInvolved", with(base, "personsInvolved", "-1")),
                Arguments.of("INVALID_COUNT", "/personsInvolved", with(base, "personsInvolved", "2.5")),
                Arguments.of("AMOUNT_NOT_POSITIVE", "/amountInvolved", with(base, "amountInvolved", "0")),
                Arguments.of("TOO_MANY_DECIMALS", "/amountInvolved", with(base, "amountInvolved", "1.001")),
                Arguments.of("AMOUNT_NEGATIVE", "/lossRecovered", with(base, "lossRecovered", "-0.01")),
                Arguments.of("LOSS_ABOVE_AMOUNT", "/lossRecovered", with(base, "lossRecovered", "1000000.01")),
                Arguments.of("MISSING_VALUE", "/history", with(base, "history", "[]")),
                Arguments.of("MISSING_VALUE", "/history", with(base, "history", "null")),
                Arguments.of("MISSING_VALUE", "/history/0/on", with(base, "history", history("RECEIVED", null))),
                Arguments.of("MISSING_VALUE", "/history/1/status", with(base, "history", history("RECEIVED", "2020-03-01", null, "2020-03-02"))),
                Arguments.of("INVALID_DATE", "/history/0/on", with(base, "history", history("RECEIVED", "2020-02-30"))),
                Arguments.of("INVALID_DATE", "/history/0/on", with(base, "history", history("RECEIVED", "2020/03/01"))),
                Arguments.of("DATE_IN_FUTURE", "/history/0/on", with(base, "history", history("RECEIVED", "2099-01-01"))),
                Arguments.of("DATES_DECREASING", "/history/1/on", with(base, "history", history("RECEIVED", "2020-03-05", "VERIFYING", "2020-03-01"))),
                Arguments.of("UNKNOWN_LEAD_STATUS", "/history/1/status", with(base, "history", history("RECEIVED", "2020-03-01", "CLOSED", "2020-03-02"))),
                Arguments.of("HISTORY_START_NOT_ALLOWED", "/history/0/status", with(base, "history", history("VERIFYING", "2020-03-01"))),
                Arguments.of("HISTORY_START_NOT_ALLOWED", "/history/0/status", with(base, "history", history("CASE_FILED", "2020-03-01"))),
                Arguments.of("HISTORY_START_NOT_ALLOWED", "/history/0/status",
                        with(with(base, "legacy", "true"), "history", history("REFERRED_TO_POLICE", "2020-03-01"))),
                Arguments.of("UNKNOWN_STATUS", "/status", base.substring(0, base.length() - 1) + ", \"status\": \"GONE\"}"));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("refusals")
    void refusesEachFaultWithItsPointerAndStoresNothing(String code, String pointer, String body) {
        refused(web.post("/leads", body), code, pointer);

        web.get("/leads?region=" + REFUSED).expectStatus().isOk().expectHeader().valueEquals("X-Total-Count", "0");
    }

    /** The paths that reach each status by allowed steps. */
    static final Map<String, String[]> REACH = Map.of(
            "RECEIVED", new String[] {"RECEIVED"},
            "VERIFYING", new String[] {"RECEIVED", "VERIFYING"},
            "REFERRED_TO_POLICE", new String[] {"RECEIVED", "VERIFYING", "REFERRED_TO_POLICE"},
            "CASE_FILED", new String[] {"RECEIVED", "VERIFYING", "REFERRED_TO_POLICE", "CASE_FILED"},
            "DISMISSED", new String[] {"RECEIVED", "DISMISSED"},
            "DISPOSED", new String[] {"RECEIVED", "VERIFYING", "DISPOSED"});

    static final List<String> STATUSES = List.of("RECEIVED", "VERIFYING", "REFERRED_TO_POLICE", "CASE_FILED", "DISMISSED", "DISPOSED");

    /** The status table of data-standard-2.md, written out by hand. */
    static final List<String> ALLOWED = List.of("RECEIVED>VERIFYING", "RECEIVED>DISMISSED", "VERIFYING>DISMISSED", "VERIFYING>REFERRED_TO_POLICE",
            "VERIFYING>DISPOSED", "REFERRED_TO_POLICE>CASE_FILED", "REFERRED_TO_POLICE>DISMISSED", "CASE_FILED>DISPOSED");

    static String[] stepsTo(String from, String to) {
        List<String> steps = new ArrayList<>();
        String[] path = REACH.get(from);
        for (int i = 0; i < path.length; i++) {
            steps.add(path[i]);
            steps.add("2020-04-" + String.format("%02d", i + 1));
        }
        steps.add(to);
        steps.add("2020-04-20");
        return steps.toArray(String[]::new);
    }

    Stream<Arguments> steps() {
        return STATUSES.stream().flatMap(from -> STATUSES.stream().map(to -> Arguments.of(from, to, ALLOWED.contains(from + ">" + to))));
    }

    @ParameterizedTest(name = "{0} to {1}: allowed {2}")
    @MethodSource("steps")
    void allowsExactlyTheStepsOfTheStatusTable(String from, String to, boolean allowed) {
        String[] path = stepsTo(from, to);
        if (allowed) {
            web.post("/leads", lending(path)).expectStatus().isCreated().expectBody()
                    .jsonPath("$.leadStatus").isEqualTo(to)
                    .jsonPath("$.history.length()").isEqualTo(path.length / 2);
        } else {
            refused(web.post("/leads", refusable(path)), "STEP_NOT_ALLOWED", "/history/" + (path.length / 2 - 1) + "/status");
        }
    }

    @Test
    void followsALeadThroughItsStepsAsVersionsAndListsItByItsLatestStatus() {
        String id = web.created("/leads", lending("RECEIVED", "2020-05-01"));
        String uri = "/leads/" + id;

        web.put(web.as(Role.ANALYST), uri, lending("RECEIVED", "2020-05-01", "VERIFYING", "2020-05-03"), "\"1\"").expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");
        web.put(uri, lending("RECEIVED", "2020-05-01", "VERIFYING", "2020-05-03", "REFERRED_TO_POLICE", "2020-05-20")).expectStatus().isCreated();
        web.put(uri, lending("RECEIVED", "2020-05-01", "VERIFYING", "2020-05-03", "REFERRED_TO_POLICE", "2020-05-20", "CASE_FILED", "2020-06-02"))
                .expectStatus().isCreated();
        web.put(uri, lending("RECEIVED", "2020-05-01", "VERIFYING", "2020-05-03", "REFERRED_TO_POLICE", "2020-05-20", "CASE_FILED", "2020-06-02"))
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"4\"");
        web.put(web.as(Role.ANALYST), uri, lending("RECEIVED", "2020-05-01", "DISMISSED", "2020-05-02"), "\"2\"").expectStatus().isEqualTo(412);

        web.get(uri).expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"4\"").expectBody()
                .jsonPath("$.leadStatus").isEqualTo("CASE_FILED")
                .jsonPath("$.status").isEqualTo("ACTIVE")
                .jsonPath("$.history[3].on").isEqualTo("2020-06-02");
        web.get(uri + "/versions").expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(4)
                .jsonPath("$[0].leadStatus").isEqualTo("RECEIVED")
                .jsonPath("$[3].leadStatus").isEqualTo("CASE_FILED");
        web.get("/leads?status=CASE_FILED&category=ILLEGAL_LENDING&region=361002").expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + id + "')]").exists();
        web.get("/leads?status=RECEIVED&region=361002").expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + id + "')]").doesNotExist();
        web.get("/leads?category=ILLEGAL_FUNDRAISING").expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + id + "')]").doesNotExist();
    }

    @Test
    void takesLegacyCasesFromCaseFiledAndDisposalWithoutACaseFromVerifying() {
        String legacy = body("ILLEGAL_FUNDRAISING", "361002", true, "40", "5000000.00", "null", "CASE_FILED", "2016-03-01");
        String id = web.created("/leads", legacy);
        web.put("/leads/" + id, body("ILLEGAL_FUNDRAISING", "361002", true, "40", "5000000.00", "1200000.00", "CASE_FILED", "2016-03-01",
                "DISPOSED", "2020-07-01")).expectStatus().isCreated().expectBody().jsonPath("$.leadStatus").isEqualTo("DISPOSED");
        web.post("/leads", body("ILLEGAL_FUNDRAISING", "361002", true, "null", "null", "null", "RECEIVED", "2016-03-01", "VERIFYING", "2016-03-02"))
                .expectStatus().isCreated();

        web.post("/leads", body("ILLEGAL_FUNDRAISING", "361002", false, "null", "300000.00", "280000.00", "RECEIVED", "2020-07-01",
                "VERIFYING", "2020-07-02", "DISPOSED", "2020-08-01")).expectStatus().isCreated().expectBody()
                .jsonPath("$.leadStatus").isEqualTo("DISPOSED")
                .jsonPath("$.warnings.length()").isEqualTo(0);
    }

    @Test
    void warnsOfAFiledCaseWithoutItsScaleAndKeepsTheWarningOnTheVersion() {
        String id = String.valueOf(web.post("/leads", body("ILLEGAL_LENDING", "361002", false, "null", "null", "null", "RECEIVED", "2020-08-01",
                        "VERIFYING", "2020-08-02", "REFERRED_TO_POLICE", "2020-08-03", "CASE_FILED", "2020-08-04")).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id"));

        web.get("/leads/" + id + "/versions").expectStatus().isOk().expectBody()
                .jsonPath("$[0].warnings.length()").isEqualTo(2)
                .jsonPath("$[0].warnings[0].code").isEqualTo("CASE_FILED_WITHOUT_SCALE")
                .jsonPath("$[0].warnings[0].pointer").isEqualTo("/personsInvolved")
                .jsonPath("$[0].warnings[1].pointer").isEqualTo("/amountInvolved");
        web.put("/leads/" + id, body("ILLEGAL_LENDING", "361002", false, "12", "null", "null", "RECEIVED", "2020-08-01", "VERIFYING", "2020-08-02",
                "REFERRED_TO_POLICE", "2020-08-03", "CASE_FILED", "2020-08-04")).expectStatus().isCreated().expectBody()
                .jsonPath("$.warnings.length()").isEqualTo(1)
                .jsonPath("$.warnings[0].pointer").isEqualTo("/amountInvolved");
        web.post("/leads", lending("RECEIVED", "2020-08-01", "VERIFYING", "2020-08-02")).expectStatus().isCreated().expectBody()
                .jsonPath("$.warnings.length()").isEqualTo(0);
    }

    @Test
    void answersARetryWithTheSameIdempotencyKeyAsTheFirstTime() {
        String key = UUID.randomUUID().toString();
        WebTestClient analyst = web.as(Role.ANALYST);
        String first = String.valueOf(web.post(analyst, "/leads", lending("RECEIVED", "2020-09-01"), key).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id"));

        web.post(analyst, "/leads", lending("RECEIVED", "2020-09-01"), key).expectStatus().isCreated().expectBody().jsonPath("$.id").isEqualTo(first);
        web.post(analyst, "/leads", lending("RECEIVED", "2020-09-02"), key).expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("IDEMPOTENCY_KEY_REUSED");
        web.post(analyst, "/leads", lending("RECEIVED", "2020-09-02"), null).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("MISSING_IDEMPOTENCY_KEY");
        web.get("/leads/" + first + "/versions").expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1);
    }

    @Test
    void letsOnlyStaffWriteAndReadLeads() {
        String id = web.created("/leads", lending("RECEIVED", "2020-10-01"));

        web.post(web.as(Role.SUBMITTER, "91361002MAMJ00001G"), "/leads", lending("RECEIVED", "2020-10-01"), UUID.randomUUID().toString())
                .expectStatus().isForbidden();
        web.post(web.as(Role.PORTAL), "/leads", lending("RECEIVED", "2020-10-01"), UUID.randomUUID().toString()).expectStatus().isForbidden();
        web.as(Role.SUBMITTER, "91361002MAMJ00001G").get().uri("/leads/" + id).exchange().expectStatus().isForbidden();
        web.as(Role.PORTAL).get().uri("/leads").exchange().expectStatus().isForbidden();
        web.as(Role.ADMIN).get().uri("/leads/" + id).exchange().expectStatus().isOk();
    }

    @Test
    void refusesUnknownListFiltersNamingTheParameter() {
        web.get("/leads?status=CLOSED").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].parameter").isEqualTo("status").jsonPath("$.errors[0].code").isEqualTo("UNKNOWN_LEAD_STATUS");
        web.get("/leads?category=FRAUD").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].parameter").isEqualTo("category").jsonPath("$.errors[0].code").isEqualTo("UNKNOWN_CATEGORY");
        web.get("/leads?region=123").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].parameter").isEqualTo("region");
        web.get("/leads/not-a-uuid").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].code").isEqualTo("INVALID_ID");
        web.get("/leads/" + UUID.randomUUID()).expectStatus().isNotFound();
    }

    @Test
    void countsLeadsAndCasesAtDInTheLeadsRegionAndOnlyCityWideForSubmittersAndPortals() {
        String yihuang = "361026";
        web.created("/leads", body("ILLEGAL_LENDING", yihuang, false, "30", "2000000.00", "null",
                "RECEIVED", "2021-02-01", "VERIFYING", "2021-02-03", "REFERRED_TO_POLICE", "2021-03-01", "CASE_FILED", "2021-03-15"));
        web.created("/leads", body("ILLEGAL_LENDING", yihuang, false, "null", "null", "null", "RECEIVED", "2021-01-10", "DISMISSED", "2021-01-20"));
        web.created("/leads", body("ILLEGAL_LENDING", yihuang, false, "null", "null", "null", "RECEIVED", "2020-12-20", "DISMISSED", "2021-01-05"));
        web.created("/leads", body("ILLEGAL_FUNDRAISING", yihuang, false, "null", "100000.00", "50000.00",
                "RECEIVED", "2021-04-01", "VERIFYING", "2021-04-02", "DISPOSED", "2021-05-10"));
        web.created("/leads", body("ILLEGAL_FUNDRAISING", yihuang, false, "70", "9000000.00", "null",
                "RECEIVED", "2021-06-01", "VERIFYING", "2021-06-02", "REFERRED_TO_POLICE", "2021-06-20", "CASE_FILED", "2021-11-02"));
        web.created("/leads", body("ILLEGAL_FUNDRAISING", yihuang, true, "20", "3000000.00", "400000.00",
                "CASE_FILED", "2015-05-01", "DISPOSED", "2021-06-01"));
        web.created("/leads", body("ILLEGAL_FUNDRAISING", yihuang, true, "25", "3500000.00", "null", "CASE_FILED", "2014-09-01"));
        String entered = body("ILLEGAL_LENDING", yihuang, false, "500", "90000000.00", "null",
                "RECEIVED", "2021-02-01", "VERIFYING", "2021-02-03", "REFERRED_TO_POLICE", "2021-03-01", "CASE_FILED", "2021-03-16");
        String withdrawn = web.created("/leads", entered);
        web.put("/leads/" + withdrawn, entered.substring(0, entered.length() - 1) + ", \"status\": \"WITHDRAWN\"}").expectStatus().isCreated();

        // by hand: received in 2021 (lending) 2; filed 1 with 30 persons and 2,000,000; fundraising received 2 (legacy never was),
        // filed not legacy 1, disposed without a case 1, recovered 50,000 (the legacy one's 400,000 too: it was disposed in 2021),
        // legacy remaining 1, legacy closed 1
        web.sheet("2021-12", yihuang)
                .jsonPath(of("LENDING_CHAOS_LEADS_YTD")).value(figure("2"))
                .jsonPath(of("LENDING_CHAOS_LEADS_FILED_YTD")).value(figure("1"))
                .jsonPath(of("LENDING_CASE_PERSONS_INVOLVED_YTD")).value(figure("30"))
                .jsonPath(of("LENDING_CASE_AMOUNT_INVOLVED_YTD")).value(figure("2000000"))
                .jsonPath(of("AIF_LEADS_YTD")).value(figure("2"))
                .jsonPath(of("AIF_CASES_FILED_YTD")).value(figure("1"))
                .jsonPath(of("AIF_DISPOSED_WITHOUT_CASE_YTD")).value(figure("1"))
                .jsonPath(of("AIF_LOSS_RECOVERED_YTD")).value(figure("450000"))
                .jsonPath(of("LEGACY_IFR_CASES_REMAINING")).value(figure("1"))
                .jsonPath(of("LEGACY_IFR_CASES_CLOSED_YTD")).value(figure("1"))
                .jsonPath(of("LEGACY_IFR_CASES_REMAINING", "suppressed")).isEqualTo(List.of(false));
        // at 2021-03 (D = 31 March): the filed case and both legacy cases still open, nothing of fundraising received yet
        web.sheet("2021-03", yihuang)
                .jsonPath(of("LENDING_CHAOS_LEADS_FILED_YTD")).value(figure("1"))
                .jsonPath(of("AIF_LEADS_YTD")).value(figure("0"))
                .jsonPath(of("LEGACY_IFR_CASES_REMAINING")).value(figure("2"))
                .jsonPath(of("LEGACY_IFR_CASES_CLOSED_YTD")).value(figure("0"));
        // SUBMITTER and PORTAL: a region's lead figures withheld, the city's shown; publicity is not withheld
        for (WebTestClient.BodyContentSpec sheet : List.of(web.sheet(Role.PORTAL, null, "2021-12", yihuang),
                web.sheet(Role.SUBMITTER, "91361002MAMJ00001G", "2021-12", yihuang))) {
            sheet.jsonPath(of("LENDING_CHAOS_LEADS_YTD")).value(nothing())
                    .jsonPath(of("LENDING_CHAOS_LEADS_YTD", "suppressed")).isEqualTo(List.of(true))
                    .jsonPath(of("LEGACY_IFR_CASES_REMAINING")).value(nothing())
                    .jsonPath(of("AIF_LOSS_RECOVERED_YTD", "suppressed")).isEqualTo(List.of(true))
                    .jsonPath(of("AIF_PUBLICITY_EVENTS_YTD", "suppressed")).isEqualTo(List.of(false))
                    .jsonPath(of("AIF_PUBLICITY_EVENTS_YTD")).value(figure("0"));
        }
        web.sheet(Role.PORTAL, null, "2021-12", null)
                .jsonPath(of("LENDING_CASE_PERSONS_INVOLVED_YTD", "suppressed")).isEqualTo(List.of(false))
                .jsonPath(of("LENDING_CASE_PERSONS_INVOLVED_YTD")).value(figure("30"));
    }
}
