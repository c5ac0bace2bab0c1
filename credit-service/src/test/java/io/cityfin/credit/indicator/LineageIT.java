package io.cityfin.credit.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.identity.Role;
import io.cityfin.common.test.TestIdentity;
import io.cityfin.common.test.WithOwnPostgres;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /indicators/{code}/lineage} on credit's demo data (the seed document's figures), over HTTP on real
 * PostgreSQL: the lines listed add up to the figure to the cent, a weighted rate's lines with their weights to the
 * weighted average, a corrected report shows its new version only, only staff may ask. The correction runs last (it changes the data the others read).
 */
// a context, and so a database, no other class shares (perClass): it corrects a demo bank's report, which the
// demo-figure tests must never see
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cityfin.demo-data=true", "management.server.port=0"})
@AutoConfigureWebTestClient(timeout = "60s")
@WithOwnPostgres(perClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LineageIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** 各项存款余额3165.87亿元 at 2022-09, 2802.43亿元 at the year start (the seed document). */
    private static final BigDecimal DEPOSITS_2022_09 = new BigDecimal("316587000000.00");
    private static final BigDecimal DEPOSITS_2021_12 = new BigDecimal("280243000000.00");

    @Autowired
    WebTestClient web;

    @LocalManagementPort
    int managementPort;

    @BeforeEach
    void waitForTheDemoData() {
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
        Awaitility.await("the demo data loaded (readiness UP)").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> management.get().uri("/actuator/health/readiness").exchange().returnResult(String.class).getStatus().value() == 200);
    }

    @Test
    @Order(1)
    void listsTheCitysLinesThatAddUpToTheDepositBalanceAndItsYearStart() {
        JsonNode lineage = lineage(Role.ANALYST, "DEPOSIT_BALANCE", "2022-09", null);
        assertThat(lineage.get("service").asString()).isEqualTo("credit-service");
        assertThat(lineage.get("region").asString()).isEqualTo("361000");
        assertThat(lineage.get("inputs")).isEmpty();
        assertThat(cents(lineage.get("value").decimalValue())).isEqualTo(DEPOSITS_2022_09);
        JsonNode period = reading(lineage, "PERIOD");
        assertThat(period.get("period").asString()).isEqualTo("2022-09");
        assertThat(period.get("item").asString()).isEqualTo("DEPOSIT_BALANCE");
        assertThat(cents(sumOfLines(period))).isEqualTo(DEPOSITS_2022_09);
        assertThat(cents(period.get("total").decimalValue())).isEqualTo(DEPOSITS_2022_09);
        assertThat(cents(sumOfLines(reading(lineage, "YEAR_START")))).isEqualTo(DEPOSITS_2021_12);
        assertThat(reading(lineage, "YEAR_START").get("period").asString()).isEqualTo("2021-12");
        assertThat(reading(lineage, "YEAR_EARLIER").get("period").asString()).isEqualTo("2021-09");
        Set<String> institutions = new HashSet<>();
        for (JsonNode report : period.get("reports")) {
            assertThat(institutions.add(report.get("institutionCode").asString())).as("one version per institution").isTrue();
            assertThat(report.get("contentHash").asString()).hasSize(64);
            assertThat(report.get("version").asInt()).isPositive();
            assertThat(report.get("institutionName").asString()).isNotBlank();
        }
        assertThat(institutions).hasSizeGreaterThan(1);
    }

    @Test
    @Order(2)
    void listsOnlyTheCountysLinesInACounty() throws Exception {
        BigDecimal expected = seedSum("DEPOSIT_BALANCE", "2022-09", "361022");
        JsonNode lineage = lineage(Role.ADMIN, "DEPOSIT_BALANCE", "2022-09", "361022");
        JsonNode period = reading(lineage, "PERIOD");
        assertThat(cents(sumOfLines(period))).isEqualTo(cents(expected));
        assertThat(cents(lineage.get("value").decimalValue())).isEqualTo(cents(expected));
        for (JsonNode report : period.get("reports")) {
            report.get("lines").forEach(line -> assertThat(line.get("region").asString()).isEqualTo("361022"));
        }
        assertThat(cents(sumOfLines(reading(lineage, "YEAR_START")))).isEqualTo(cents(seedSum("DEPOSIT_BALANCE", "2021-12", "361022")));
    }

    @Test
    @Order(3)
    void describesADerivedIndicatorAndListsItsInputs() {
        JsonNode lineage = lineage(Role.ANALYST, "DEPOSIT_INCREASE_YTD", "2022-09", null);
        // 3165.87 − 2802.43 = 363.44亿元
        assertThat(cents(lineage.get("value").decimalValue())).isEqualTo(new BigDecimal("36344000000.00"));
        assertThat(lineage.get("formula").asString()).contains("DEPOSIT_BALANCE");
        assertThat(lineage.get("readings")).isEmpty();
        JsonNode input = lineage.get("inputs").get(0);
        assertThat(input.get("code").asString()).isEqualTo("DEPOSIT_BALANCE");
        assertThat(cents(sumOfLines(reading(input, "PERIOD")))).isEqualTo(DEPOSITS_2022_09);
        assertThat(cents(sumOfLines(reading(input, "YEAR_START")))).isEqualTo(DEPOSITS_2021_12);

        JsonNode ratio = lineage(Role.ANALYST, "NPL_RATIO", "2022-09", null);
        assertThat(ratio.get("inputs")).extracting(node -> node.get("code").asString()).contains("NPL_BALANCE", "LOAN_BALANCE");
    }

    /**
     * INCLUSIVE_SME_NEW_LOAN_AVG_RATE is Σ(rate × amount) / Σ amount: its rate input lists each rate line with the
     * new-loan amount it is weighted by, and the reading's total is the weighted average the indicator shows (the
     * expected figure computed here from the lines listed; a plain sum of the seed's rates would be 491.59).
     */
    @Test
    @Order(4)
    void readsTheWeightedRatesLinesWithTheirWeightsAndTheWeightedAverageAsTheTotal() {
        for (String region : Arrays.asList(null, "361022")) {
            JsonNode lineage = lineage(Role.ANALYST, "INCLUSIVE_SME_NEW_LOAN_AVG_RATE", "2022-09", region);
            BigDecimal value = lineage.get("value").decimalValue();
            JsonNode rate = input(lineage, "INCLUSIVE_SME_NEW_LOAN_RATE");
            JsonNode period = reading(rate, "PERIOD");
            assertThat(period.get("weightedBy").asString()).isEqualTo("INCLUSIVE_SME_NEW_LOAN_AMOUNT_YTD");

            BigDecimal weighted = BigDecimal.ZERO;
            BigDecimal weights = BigDecimal.ZERO;
            int lines = 0;
            for (JsonNode report : period.get("reports")) {
                for (JsonNode line : report.get("lines")) {
                    assertThat(line.get("item").asString()).isEqualTo("INCLUSIVE_SME_NEW_LOAN_RATE");
                    assertThat(line.get("weight").isNull()).as("every seed rate line has its amount").isFalse();
                    weighted = weighted.add(line.get("value").decimalValue().multiply(line.get("weight").decimalValue()));
                    weights = weights.add(line.get("weight").decimalValue());
                    lines++;
                }
            }
            assertThat(lines).as(region + ": lines listed").isGreaterThan(1);
            BigDecimal expected = weighted.divide(weights, MathContext.DECIMAL128);
            assertThat(expected.setScale(2, RoundingMode.HALF_UP)).as(region + ": the indicator's value").isEqualByComparingTo(value);
            // the JSON number is read as a double here: equal to 10^-9
            assertThat(period.get("total").decimalValue()).as(region + ": the reading's total")
                    .isCloseTo(expected, within(new BigDecimal("0.000000001")));
            assertThat(reading(input(lineage, "INCLUSIVE_SME_NEW_LOAN_AMOUNT_YTD"), "PERIOD").get("weightedBy").isNull()).isTrue();
        }
    }

    @Test
    @Order(5)
    void answersStaffOnlyAndKnownCodesOnly() {
        for (Role role : List.of(Role.PORTAL, Role.SUBMITTER)) {
            as(role).get().uri("/indicators/DEPOSIT_BALANCE/lineage?period=2022-09").exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
        web.get().uri("/indicators/DEPOSIT_BALANCE/lineage?period=2022-09").exchange().expectStatus().isUnauthorized();
        as(Role.ANALYST).get().uri("/indicators/NO_SUCH_INDICATOR/lineage?period=2022-09").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("UNKNOWN_INDICATOR")
                .jsonPath("$.errors[0].parameter").isEqualTo("code");
        as(Role.ANALYST).get().uri("/indicators/DEPOSIT_BALANCE/lineage?period=2022-13").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].parameter").isEqualTo("period");
        as(Role.ANALYST).get().uri("/indicators/DEPOSIT_BALANCE/lineage?period=2022-09&region=999999").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].parameter").isEqualTo("region");
    }

    @Test
    @Order(6)
    void showsOnlyTheNewVersionOfACorrectedReport() {
        JsonNode before = reading(lineage(Role.ANALYST, "DEPOSIT_BALANCE", "2022-09", null), "PERIOD");
        JsonNode bank = before.get("reports").get(0);
        String code = bank.get("institutionCode").asString();
        int version = bank.get("version").asInt();
        JsonNode report = json(as(Role.ADMIN).get().uri("/reports/{code}/2022-09", code).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        // the bank's first DEPOSIT_BALANCE line grows by 1000.25 yuan
        List<Map<String, Object>> lines = new ArrayList<>();
        boolean changed = false;
        for (JsonNode line : report.get("lines")) {
            BigDecimal value = line.get("value").decimalValue();
            if (!changed && "DEPOSIT_BALANCE".equals(line.get("item").asString())) {
                value = value.add(new BigDecimal("1000.25"));
                changed = true;
            }
            lines.add(Map.of("item", line.get("item").asString(), "region", line.get("region").asString(), "value", value));
        }
        assertThat(changed).isTrue();
        as(Role.ADMIN).put().uri("/reports/{code}/2022-09", code).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("lines", lines)).exchange().expectStatus().isCreated();

        JsonNode after = lineage(Role.ANALYST, "DEPOSIT_BALANCE", "2022-09", null);
        JsonNode period = reading(after, "PERIOD");
        BigDecimal corrected = DEPOSITS_2022_09.add(new BigDecimal("1000.25"));
        assertThat(cents(sumOfLines(period))).isEqualTo(corrected);
        assertThat(cents(period.get("total").decimalValue())).isEqualTo(corrected);
        assertThat(cents(after.get("value").decimalValue())).isEqualTo(corrected);
        List<Integer> versions = new ArrayList<>();
        for (JsonNode listed : period.get("reports")) {
            if (code.equals(listed.get("institutionCode").asString())) {
                versions.add(listed.get("version").asInt());
            }
        }
        assertThat(versions).containsExactly(version + 1);
    }

    private JsonNode lineage(Role role, String code, String period, String region) {
        String body = as(role).get().uri(builder -> {
                    builder.path("/indicators/{code}/lineage").queryParam("period", period);
                    if (region != null) {
                        builder.queryParam("region", region);
                    }
                    return builder.build(code);
                }).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return json(body);
    }

    private static JsonNode json(String body) {
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

    private static JsonNode input(JsonNode lineage, String code) {
        for (JsonNode input : lineage.get("inputs")) {
            if (code.equals(input.get("code").asString())) {
                return input;
            }
        }
        throw new AssertionError("no input " + code + " in " + lineage);
    }

    private static BigDecimal sumOfLines(JsonNode reading) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode report : reading.get("reports")) {
            for (JsonNode line : report.get("lines")) {
                sum = sum.add(line.get("value").decimalValue());
            }
        }
        return sum;
    }

    /** The seed's lines of an item in a region at a period, summed from the demo file the service loads. */
    private static BigDecimal seedSum(String item, String period, String region) throws Exception {
        try (InputStream demo = LineageIT.class.getResourceAsStream("/demo/credit-demo.json")) {
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode report : JSON.readTree(demo).get("reports")) {
                if (!period.equals(report.get("period").asString())) {
                    continue;
                }
                for (JsonNode line : report.get("lines")) {
                    if (item.equals(line.get("item").asString()) && region.equals(line.get("region").asString())) {
                        sum = sum.add(line.get("value").decimalValue());
                    }
                }
            }
            return sum;
        }
    }

    private static BigDecimal cents(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    private WebTestClient as(Role role) {
        return web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestIdentity.token(role)).build();
    }
}
