package io.cityfin.credit.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.identity.Role;
import io.cityfin.common.region.Region;
import io.cityfin.common.test.TestIdentity;
import io.cityfin.common.test.WithOwnPostgres;

/**
 * Issue #14's three ways around disclosure control, tried by a PORTAL caller through HTTP on a dataset where each
 * would reveal a bank's figure (2022-09 asked: its year start is 2021-12, a year earlier 2021-09):
 * <ol>
 *   <li>临川区 loans: banks A, B, C at 2022-09, only A and B at 2021-12, whose sum yearStartValue would show (A learns B's);</li>
 *   <li>东乡区: loans from 5 banks, NPL from D1 alone, which NPL_RATIO × loans / 100 would give;</li>
 *   <li>deposits: 南城县 has E1 alone (withheld), so the city minus the visible counties would give E1's figure.</li>
 * </ol>
 * Further banks make each city figure rest on more than 2 banks: N1–N4 (南丰县 loans at 2021-12), C1–C3 (崇仁县 loans and
 * NPL at 2022-09), L1–L3 (黎川县 deposits), Y1–Y4 (宜黄县 deposits).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cityfin.demo-data=false")
@AutoConfigureWebTestClient(timeout = "30s")
@WithOwnPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisclosureControlIT {

    private static final String LOANS = "LOAN_BALANCE";
    private static final String NPL = "NPL_BALANCE";
    private static final String DEPOSITS = "DEPOSIT_BALANCE";

    /** Each bank's deposits at 2022-09 and 2021-12 (attack 3), to check a derived figure against every single one. */
    private static final Map<String, List<BigDecimal>> DEPOSITS_BY_BANK = Map.of(
            "E1", amounts("1234.56", "1000"), "L1", amounts("100", "90"), "L2", amounts("200", "180"), "L3", amounts("300", "270"),
            "Y1", amounts("10", "9"), "Y2", amounts("20", "18"), "Y3", amounts("30", "27"), "Y4", amounts("40", "36"));

    @Autowired
    WebTestClient web;

    @BeforeAll
    void reportTheDataset() {
        // attack 1: 临川区 (361002) loans
        report("A", "2022-09", line(LOANS, "361002", "1000"));
        report("A", "2021-12", line(LOANS, "361002", "900"));
        report("B", "2022-09", line(LOANS, "361002", "2000"));
        report("B", "2021-12", line(LOANS, "361002", "1800"));
        report("C", "2022-09", line(LOANS, "361002", "3000"));
        for (int n = 1; n <= 4; n++) { // 南丰县 (361023): 4000, 5000, 6000, 7000 at 2021-12
            report("N" + n, "2021-12", line(LOANS, "361023", String.valueOf(3000 + 1000 * n)));
        }
        // attack 2: 东乡区 (361003), loans 500, 600, 700, 800, 900; NPL 37 from D1 alone
        report("D1", "2022-09", line(LOANS, "361003", "500"), line(NPL, "361003", "37"));
        for (int n = 2; n <= 5; n++) {
            report("D" + n, "2022-09", line(LOANS, "361003", String.valueOf(400 + 100 * n)));
        }
        // 崇仁县 (361024): loans 400, 500, 600, NPL 10, 20, 30
        for (int n = 1; n <= 3; n++) {
            report("C" + n, "2022-09", line(LOANS, "361024", String.valueOf(300 + 100 * n)), line(NPL, "361024", String.valueOf(10 * n)));
        }
        // attack 3: deposits in 南城县 (361021), 黎川县 (361022), 宜黄县 (361026)
        DEPOSITS_BY_BANK.forEach((bank, values) -> {
            String region = switch (bank.charAt(0)) {
                case 'E' -> "361021";
                case 'L' -> "361022";
                default -> "361026";
            };
            report(bank, "2022-09", line(DEPOSITS, region, values.get(0).toPlainString()));
            report(bank, "2021-12", line(DEPOSITS, region, values.get(1).toPlainString()));
        });
    }

    @Test
    void withholdsAStockWhoseYearStartRestsOnTwoBanksThoughThreeReportNow() {
        Map<String, Map<String, Object>> linchuan = indicators(Role.PORTAL, Region.LINCHUAN);

        assertWithheld(linchuan.get(LOANS));
        assertThat(linchuan.get(LOANS).get("reportingInstitutions")).isEqualTo(3);
        assertWithheld(linchuan.get("LOAN_INCREASE_YTD"));
        assertWithheld(linchuan.get("DEPOSIT_LOAN_TOTAL"));
        // 南丰县's loans at 2021-12 are the complement: the city's year start, 900 + 1800 + 4000 + 5000 + 6000 + 7000
        // = 24700, minus the visible counties (none) covers six banks, not B's 1800
        assertWithheld(indicators(Role.PORTAL, Region.NANFENG).get(LOANS));
        assertThat(amount(indicators(Role.PORTAL, Region.CITY).get(LOANS), "yearStartValue")).isEqualByComparingTo("24700");
    }

    @Test
    void withholdsARatioWhoseNumeratorComesFromOneBankAndTheNumeratorItself() {
        Map<String, Map<String, Object>> dongxiang = indicators(Role.PORTAL, Region.DONGXIANG);

        assertWithheld(dongxiang.get("NPL_RATIO"));
        assertWithheld(dongxiang.get(NPL));
        // the loans rest on five banks at every period shown: 500 + 600 + 700 + 800 + 900
        assertThat(dongxiang.get(LOANS).get("suppressed")).isEqualTo(false);
        assertThat(amount(dongxiang.get(LOANS), "value")).isEqualByComparingTo("3500");
        // 崇仁县's NPL is the complement: the city's 37 + 10 + 20 + 30 = 97 minus the visible counties (none) covers 4 banks
        assertWithheld(indicators(Role.PORTAL, Region.CHONGREN).get("NPL_RATIO"));
        assertThat(amount(indicators(Role.PORTAL, Region.CITY).get(NPL), "value")).isEqualByComparingTo("97");
    }

    @Test
    void leavesTheCityMinusTheVisibleCountiesCoveringAtLeastThreeBanks() {
        Map<String, Object> city = indicators(Role.PORTAL, Region.CITY).get(DEPOSITS);
        assertThat(city.get("suppressed")).isEqualTo(false);
        List<Region> withheld = new ArrayList<>();
        for (String field : List.of("value", "yearStartValue", "changeSinceYearStart")) {
            BigDecimal derived = amount(city, field);
            for (Region county : Region.counties()) {
                Map<String, Object> deposits = indicators(Role.PORTAL, county).get(DEPOSITS);
                if (Boolean.TRUE.equals(deposits.get("suppressed"))) {
                    withheld.add(county);
                } else if (deposits.get(field) != null) {
                    derived = derived.subtract(amount(deposits, field));
                }
            }
            int index = field.equals("yearStartValue") ? 1 : 0;
            if (!field.equals("changeSinceYearStart")) {
                BigDecimal attempt = derived;
                assertThat(DEPOSITS_BY_BANK.values()).as(field).noneMatch(bank -> bank.get(index).compareTo(attempt) == 0);
            }
            // the city (1934.56 | 1630 | 304.56) minus 宜黄县 (100 | 90 | 10) is E1 + L1 + L2 + L3
            BigDecimal expected = switch (field) {
                case "value" -> new BigDecimal("1834.56"); // 1234.56 + 100 + 200 + 300
                case "yearStartValue" -> new BigDecimal("1540"); // 1000 + 90 + 180 + 270
                default -> new BigDecimal("294.56"); // 1834.56 − 1540
            };
            assertThat(derived).as(field).isEqualByComparingTo(expected);
        }
        // 南城县 (one bank) and 黎川县 (three, the fewest of the others) are withheld: four banks behind the difference
        assertThat(Set.copyOf(withheld)).containsExactlyInAnyOrder(Region.NANCHENG, Region.LICHUAN);
    }

    @Test
    void showsTheAnalystEveryCounty() {
        Map<String, Map<String, Object>> linchuan = indicators(Role.ANALYST, Region.LINCHUAN);
        assertThat(linchuan.get(LOANS).get("suppressed")).isEqualTo(false);
        assertThat(amount(linchuan.get(LOANS), "value")).isEqualByComparingTo("6000");
        assertThat(amount(linchuan.get(LOANS), "yearStartValue")).isEqualByComparingTo("2700");
        // 37 / 3500 × 100 = 1.057… → 1.06
        assertThat(amount(indicators(Role.ANALYST, Region.DONGXIANG).get("NPL_RATIO"), "value")).isEqualByComparingTo("1.06");
        assertThat(amount(indicators(Role.ANALYST, Region.NANCHENG).get(DEPOSITS), "value")).isEqualByComparingTo("1234.56");
        assertThat(amount(indicators(Role.ANALYST, Region.LICHUAN).get(DEPOSITS), "value")).isEqualByComparingTo("600");
        assertThat(amount(indicators(Role.ANALYST, Region.NANFENG).get(LOANS), "yearStartValue")).isEqualByComparingTo("22000");
    }

    private static void assertWithheld(Map<String, Object> indicator) {
        assertThat(indicator.get("suppressed")).as(indicator.get("code") + " suppressed").isEqualTo(true);
        for (String field : List.of("value", "yearStartValue", "changeSinceYearStart", "growthSinceYearStartPct", "previousYearValue",
                "yoyChange", "yoyPct", "target", "targetProgressPct", "onTrack")) {
            assertThat(indicator.get(field)).as(indicator.get("code") + " " + field).isNull();
        }
    }

    private Map<String, Map<String, Object>> indicators(Role role, Region region) {
        String query = region.isCity() ? "/indicators?period=2022-09" : "/indicators?period=2022-09&region=" + region.code();
        Map<String, Object> sheet = as(role, null).get().uri(query).exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        assertThat(sheet).isNotNull();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> indicators = (List<Map<String, Object>>) sheet.get("indicators");
        Map<String, Map<String, Object>> byCode = new java.util.HashMap<>();
        indicators.forEach(indicator -> byCode.put((String) indicator.get("code"), indicator));
        return byCode;
    }

    private static BigDecimal amount(Map<String, Object> indicator, String field) {
        Object value = indicator.get(field);
        assertThat(value).as(indicator.get("code") + " " + field).isNotNull();
        return new BigDecimal(value.toString());
    }

    private void report(String bank, String period, String... lines) {
        String code = code(bank);
        if (as(Role.ADMIN, null).get().uri("/institutions/{code}", code).exchange().returnResult(String.class).getStatus().value() == 404) {
            as(Role.ADMIN, null).put().uri("/institutions/{code}", code).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"name\": \"披露测试银行" + bank + "\", \"type\": \"STATE_OWNED_BANK\", \"region\": \"361002\", "
                            + "\"activeFrom\": \"2015-01-01\"}")
                    .exchange().expectStatus().isCreated();
        }
        as(Role.SUBMITTER, code).put().uri("/reports/{code}/{period}", code, period).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"lines\": [" + String.join(", ", lines) + "]}")
                .exchange().expectStatus().isCreated();
    }

    private static String code(String bank) {
        return "91361000DISC" + String.format("%6s", bank).replace(' ', '0');
    }

    private static String line(String item, String region, String value) {
        return "{\"item\": \"" + item + "\", \"region\": \"" + region + "\", \"value\": " + value + "}";
    }

    private WebTestClient as(Role role, String institution) {
        return web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestIdentity.token(role, institution)).build();
    }

    private static List<BigDecimal> amounts(String september, String december) {
        return List.of(new BigDecimal(september), new BigDecimal(december));
    }
}
