package io.cityfin.risk.publicity;

import static io.cityfin.risk.lead.CasesWeb.figure;
import static io.cityfin.risk.lead.CasesWeb.of;
import static io.cityfin.risk.lead.CasesWeb.refused;

import java.util.List;
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
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.identity.Role;
import io.cityfin.common.test.WithOwnPostgres;
import io.cityfin.risk.lead.CasesWeb;

/**
 * Publicity on real PostgreSQL: every refusal with its pointer and nothing stored (all refused records are dated in
 * 2019, when nothing is ever stored), a city-wide record on 361000, versions, roles, the list's filters and the five
 * publicity indicators at D in the record's region, figures read in 2021 only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cityfin.demo-data=false")
@AutoConfigureWebTestClient(timeout = "30s")
@WithOwnPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicityIT {

    @Autowired
    WebTestClient client;

    CasesWeb web;

    @BeforeAll
    void web() {
        web = new CasesWeb(client);
    }

    static String record(String kind, String setting, String heldOn, String region, String persons, String materials, String sms) {
        return "{\"kind\": " + kind + ", \"setting\": " + setting + ", \"heldOn\": " + heldOn + ", \"region\": " + region + ", \"personsReached\": "
                + persons + ", \"materialsDistributed\": " + materials + ", \"smsSent\": " + sms + "}";
    }

    static String event(String setting, String heldOn, String region, String persons, String materials) {
        return record("\"EVENT\"", "\"" + setting + "\"", "\"" + heldOn + "\"", "\"" + region + "\"", persons, materials, "0");
    }

    static String sms(String heldOn, String region, String sent) {
        return record("\"SMS_BATCH\"", "null", "\"" + heldOn + "\"", "\"" + region + "\"", "null", "null", sent);
    }

    static final String DAY = "\"2019-05-01\"";
    static final String COUNTY = "\"361021\"";

    Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("MISSING_VALUE", "/kind", record("null", "\"CAMPUS\"", DAY, COUNTY, "1", "1", "0")),
                Arguments.of("UNKNOWN_KIND", "/kind", record("\"POSTER\"", "null", DAY, COUNTY, "1", "1", "0")),
                Arguments.of("UNKNOWN_SETTING", "/setting", record("\"EVENT\"", "\"MARKET\"", DAY, COUNTY, "1", "1", "0")),
                Arguments.of("EVENT_WITHOUT_SETTING", "/setting", record("\"EVENT\"", "null", DAY, COUNTY, "1", "1", "0")),
                Arguments.of("SETTING_ON_OTHER_KIND", "/setting", record("\"SMS_BATCH\"", "\"ONLINE\"", DAY, COUNTY, "0", "0", "100")),
                Arguments.of("SETTING_ON_OTHER_KIND", "/setting", record("\"MEDIA\"", "\"RURAL\"", DAY, COUNTY, "0", "0", "0")),
                Arguments.of("MISSING_VALUE", "/heldOn", record("\"EVENT\"", "\"CAMPUS\"", "null", COUNTY, "1", "1", "0")),
                Arguments.of("INVALID_DATE", "/heldOn", record("\"EVENT\"", "\"CAMPUS\"", "\"2019-02-29\"", COUNTY, "1", "1", "0")),
                Arguments.of("DATE_IN_FUTURE", "/heldOn", record("\"EVENT\"", "\"CAMPUS\"", "\"2099-02-28\"", COUNTY, "1", "1", "0")),
                Arguments.of("MISSING_VALUE", "/region", record("\"EVENT\"", "\"CAMPUS\"", DAY, "null", "1", "1", "0")),
                Arguments.of("UNKNOWN_REGION", "/region", record("\"EVENT\"", "\"CAMPUS\"", DAY, "\"110000\"", "1", "1", "0")),
                Arguments.of("INVALID_COUNT", "/personsReached", record("\"EVENT\"", "\"CAMPUS\"", DAY, COUNTY, "-1", "1", "0")),
                Arguments.of("INVALID_COUNT", "/materialsDistributed", record("\"EVENT\"", "\"CAMPUS\"", DAY, COUNTY, "1", "1.5", "0")),
                Arguments.of("INVALID_COUNT", "/smsSent", record("\"EVENT\"", "\"CAMPUS\"", DAY, COUNTY, "1", "1", "-3")),
                Arguments.of("SMS_BATCH_WITHOUT_SMS", "/smsSent", record("\"SMS_BATCH\"", "null", DAY, COUNTY, "null", "null", "0")),
                Arguments.of("SMS_BATCH_WITHOUT_SMS", "/smsSent", record("\"SMS_BATCH\"", "null", DAY, COUNTY, "null", "null", "null")));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("refusals")
    void refusesEachFaultWithItsPointerAndStoresNothing(String code, String pointer, String body) {
        refused(web.post("/publicity", body), code, pointer);

        web.get("/publicity?year=2019").expectStatus().isOk().expectHeader().valueEquals("X-Total-Count", "0");
    }

    @Test
    void keepsVersionsLetsOnlyStaffWriteAndFiltersTheList() {
        String id = web.created("/publicity", event("HOUSEHOLD", "2020-03-08", "361000", "300", "500"));

        web.put("/publicity/" + id, event("HOUSEHOLD", "2020-03-08", "361000", "320", "500")).expectStatus().isCreated().expectBody()
                .jsonPath("$.version").isEqualTo(2).jsonPath("$.region").isEqualTo("361000");
        web.get("/publicity/" + id + "/versions").expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].personsReached").value(figure("300"));
        web.post(web.as(Role.SUBMITTER, "91361002MAMJ00001G"), "/publicity", event("RURAL", "2020-03-08", "361021", "1", "1"), "k-1")
                .expectStatus().isForbidden();
        web.as(Role.PORTAL).get().uri("/publicity/" + id).exchange().expectStatus().isForbidden();

        web.get("/publicity?year=2020&setting=HOUSEHOLD&kind=EVENT&region=361000").expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + id + "')]").exists();
        web.get("/publicity?year=2020&region=361021").expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + id + "')]").doesNotExist();
        web.get("/publicity?setting=PARK").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].parameter").isEqualTo("setting");
        web.get("/publicity?kind=POSTER").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].parameter").isEqualTo("kind");
    }

    @Test
    void countsEventsTheirDistinctSettingsReachMaterialsAndMessagesHeldInTheYearByD() {
        web.created("/publicity", event("CAMPUS", "2021-03-10", "361021", "450", "600"));
        web.created("/publicity", event("CAMPUS", "2021-04-10", "361021", "200", "250"));
        web.created("/publicity", event("RURAL", "2021-05-10", "361021", "120", "0"));
        web.created("/publicity", event("ONLINE", "2021-05-11", "361000", "1000", "0"));
        web.created("/publicity", event("COMMUNITY", "2021-09-01", "361022", "80", "90"));
        web.created("/publicity", event("ENTERPRISE", "2020-12-31", "361021", "999", "999"));
        web.created("/publicity", sms("2021-05-20", "361000", "50000"));
        web.created("/publicity", sms("2021-06-20", "361021", "3000"));
        web.created("/publicity", record("\"MEDIA\"", "null", "\"2021-06-01\"", "\"361021\"", "5000", "null", "null"));
        String withdrawn = web.created("/publicity", event("GOVERNMENT", "2021-04-01", "361021", "70", "70"));
        web.put("/publicity/" + withdrawn, event("GOVERNMENT", "2021-04-01", "361021", "70", "70").replaceFirst("\\}$", ", \"status\": \"WITHDRAWN\"}"))
                .expectStatus().isCreated();

        // by hand, the city at 2021-12: events 5 (not 2020's, not the withdrawn one), settings CAMPUS, RURAL, ONLINE, COMMUNITY = 4,
        // persons 450+200+120+1000+80+5000 = 6850, materials 600+250+90 = 940, messages 53,000
        web.sheet("2021-12", null)
                .jsonPath(of("AIF_PUBLICITY_EVENTS_YTD")).value(figure("5"))
                .jsonPath(of("AIF_PUBLICITY_SETTINGS_YTD")).value(figure("4"))
                .jsonPath(of("AIF_PUBLICITY_REACH_PERSONS_YTD")).value(figure("6850"))
                .jsonPath(of("AIF_MATERIALS_DISTRIBUTED_YTD")).value(figure("940"))
                .jsonPath(of("AIF_SMS_SENT_YTD")).value(figure("53000"))
                .jsonPath(of("AIF_PUBLICITY_SETTINGS_YTD", "unit")).isEqualTo(List.of("COUNT"))
                .jsonPath(of("AIF_PUBLICITY_REACH_PERSONS_YTD", "unit")).isEqualTo(List.of("PERSON"));
        // 南城县 (361021) at 2021-04 (D = 30 April): two campus events; the city-wide records count in no county
        web.sheet("2021-04", "361021")
                .jsonPath(of("AIF_PUBLICITY_EVENTS_YTD")).value(figure("2"))
                .jsonPath(of("AIF_PUBLICITY_SETTINGS_YTD")).value(figure("1"))
                .jsonPath(of("AIF_PUBLICITY_REACH_PERSONS_YTD")).value(figure("650"))
                .jsonPath(of("AIF_SMS_SENT_YTD")).value(figure("0"));
        web.sheet("2021-12", "361021")
                .jsonPath(of("AIF_PUBLICITY_SETTINGS_YTD")).value(figure("2"))
                .jsonPath(of("AIF_SMS_SENT_YTD")).value(figure("3000"));
    }
}
