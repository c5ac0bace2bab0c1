package io.cityfin.risk.publicity;

import static io.cityfin.risk.publicity.PublicityIT.event;
import static io.cityfin.risk.publicity.PublicityIT.sms;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.identity.Role;
import io.cityfin.common.test.WithOwnPostgres;
import io.cityfin.risk.lead.CasesWeb;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lineage of record indicators: the publicity records (latest versions, not withdrawn) that add to
 * AIF_PUBLICITY_SETTINGS_YTD (each setting once) and AIF_PUBLICITY_REACH_PERSONS_YTD at 2021-12, by record and version.
 */
// a context, and so a database, that no other class shares (perClass): its sums count only its own records
// (PublicityIT, with the same configuration, records 2021 events too)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "cityfin.demo-data=false")
@AutoConfigureWebTestClient(timeout = "30s")
@WithOwnPostgres(perClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicityLineageIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient client;

    CasesWeb web;

    /** Record id → what it adds to the persons reached in 2021. */
    final Map<String, BigDecimal> persons = new HashMap<>();
    String corrected;
    String withdrawn;

    @BeforeAll
    void record() {
        web = new CasesWeb(client);
        persons.put(web.created("/publicity", event("CAMPUS", "2021-03-10", "361021", "450", "600")), new BigDecimal("450"));
        persons.put(web.created("/publicity", event("CAMPUS", "2021-04-10", "361021", "200", "250")), new BigDecimal("200"));
        corrected = web.created("/publicity", event("RURAL", "2021-05-10", "361022", "120", "0"));
        web.put("/publicity/" + corrected, event("RURAL", "2021-05-10", "361022", "125", "0")).expectStatus().isCreated();
        persons.put(corrected, new BigDecimal("125"));
        web.created("/publicity", event("ENTERPRISE", "2020-12-31", "361021", "999", "999")); // another year
        web.created("/publicity", sms("2021-05-20", "361000", "50000")); // no persons, no setting
        withdrawn = web.created("/publicity", event("GOVERNMENT", "2021-04-01", "361021", "70", "70"));
        web.put("/publicity/" + withdrawn, event("GOVERNMENT", "2021-04-01", "361021", "70", "70").replaceFirst("\\}$", ", \"status\": \"WITHDRAWN\"}"))
                .expectStatus().isCreated();
    }

    @Test
    void listsTheRecordsEachSettingIsCountedOnce() {
        JsonNode lineage = lineage("AIF_PUBLICITY_SETTINGS_YTD", null);
        // by hand: CAMPUS (twice, counted once) and RURAL in 2021; not 2020's ENTERPRISE, not the withdrawn GOVERNMENT
        assertThat(lineage.get("value").decimalValue()).isEqualByComparingTo("2");
        JsonNode period = reading(lineage, "PERIOD");
        assertThat(period.get("item").isNull()).isTrue();
        assertThat(period.get("total").decimalValue()).isEqualByComparingTo("2");
        assertThat(period.get("records")).hasSize(2);
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode record : period.get("records")) {
            assertThat(record.get("collection").asString()).isEqualTo("publicity");
            assertThat(record.get("id").asString()).isNotEqualTo(withdrawn);
            assertThat(record.get("contentHash").asString()).hasSize(64);
            sum = sum.add(record.get("value").decimalValue());
        }
        assertThat(sum).isEqualByComparingTo("2");
    }

    @Test
    void listsTheLatestVersionOfEachRecordAddingPersons() {
        JsonNode lineage = lineage("AIF_PUBLICITY_REACH_PERSONS_YTD", null);
        assertThat(lineage.get("value").decimalValue()).isEqualByComparingTo("775"); // 450 + 200 + 125
        JsonNode period = reading(lineage, "PERIOD");
        Map<String, BigDecimal> listed = new HashMap<>();
        for (JsonNode record : period.get("records")) {
            listed.put(record.get("id").asString(), record.get("value").decimalValue());
            if (record.get("id").asString().equals(corrected)) {
                assertThat(record.get("version").asInt()).isEqualTo(2);
            }
        }
        assertThat(listed).hasSize(3);
        persons.forEach((id, value) -> assertThat(listed.get(id)).isEqualByComparingTo(value));
        // 南城县 only: the two campus events
        JsonNode county = reading(lineage("AIF_PUBLICITY_REACH_PERSONS_YTD", "361021"), "PERIOD");
        assertThat(county.get("total").decimalValue()).isEqualByComparingTo("650");
        assertThat(county.get("records")).hasSize(2);
    }

    @Test
    void answersStaffOnly() {
        web.as(Role.PORTAL).get().uri("/indicators/AIF_PUBLICITY_SETTINGS_YTD/lineage?period=2021-12").exchange().expectStatus().isForbidden();
        web.as(Role.SUBMITTER, "91361002MAMJ00001G").get().uri("/indicators/AIF_PUBLICITY_SETTINGS_YTD/lineage?period=2021-12").exchange()
                .expectStatus().isForbidden();
    }

    private JsonNode lineage(String code, String region) {
        String body = web.get("/indicators/" + code + "/lineage?period=2021-12" + (region == null ? "" : "&region=" + region))
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return JSON.readTree(body);
    }

    private static JsonNode reading(JsonNode lineage, String role) {
        for (JsonNode reading : lineage.get("readings")) {
            if (role.equals(reading.get("role").asString())) {
                return reading;
            }
        }
        throw new AssertionError("no " + role + " reading in " + lineage);
    }
}
