package io.cityfin.credit.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.identity.Role;
import io.cityfin.common.test.TestIdentity;
import io.cityfin.common.test.WithOwnPostgres;
import io.cityfin.reporting.test.LatestFiguresCheck;

/**
 * credit-service with its demo data loaded through its own use cases: the indicators show the source document's
 * balances, and the growth rates computed from them rather than the ones it printed (12.97% where it printed 9.12%).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cityfin.demo-data=true", "management.server.port=0"})
@AutoConfigureWebTestClient(timeout = "30s")
@WithOwnPostgres
class CreditDemoIT {

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    @LocalManagementPort
    int managementPort;

    @BeforeEach
    void waitForTheDemoData() {
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
        Awaitility.await("the demo data loaded (readiness UP)").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> management.get().uri("/actuator/health/readiness").exchange().returnResult(String.class).getStatus().value() == 200);
    }

    @Test
    void showsTheDocumentsBalancesAndTheGrowthTheyGive() {
        as(Role.PORTAL).get().uri("/indicators?period=2022-09").exchange()
                .expectStatus().isOk()
                .expectBody()
                // 各项存款余额3165.87亿元; (3165.87 − 2802.43) / 2802.43 × 100 = 12.97 (the document printed 9.12)
                .jsonPath("$.indicators[?(@.code == 'DEPOSIT_BALANCE')].value").isEqualTo(316587000000.00)
                .jsonPath("$.indicators[?(@.code == 'DEPOSIT_BALANCE')].yearStartValue").isEqualTo(280243000000.00)
                .jsonPath("$.indicators[?(@.code == 'DEPOSIT_BALANCE')].growthSinceYearStartPct").isEqualTo(12.97)
                // 各项贷款余额2926.07亿元; (2926.07 − 2587.65) / 2587.65 × 100 = 13.08 (printed 14.13)
                .jsonPath("$.indicators[?(@.code == 'LOAN_BALANCE')].value").isEqualTo(292607000000.00)
                .jsonPath("$.indicators[?(@.code == 'LOAN_BALANCE')].growthSinceYearStartPct").isEqualTo(13.08)
                // 本外币存贷款余额6091.94亿元
                .jsonPath("$.indicators[?(@.code == 'DEPOSIT_LOAN_TOTAL')].value").isEqualTo(609194000000.00)
                // 工业贷款余额271.11亿元, (271.11 − 220.18) / 220.18 × 100 = 23.13
                .jsonPath("$.indicators[?(@.code == 'INDUSTRIAL_LOAN_BALANCE')].growthSinceYearStartPct").isEqualTo(23.13)
                // 38.45 / 2926.07 × 100 = 1.31 (printed 1.32)
                .jsonPath("$.indicators[?(@.code == 'NPL_RATIO')].value").isEqualTo(1.31)
                // 新发放普惠型小微企业贷款平均利率5.32%
                .jsonPath("$.indicators[?(@.code == 'INCLUSIVE_SME_NEW_LOAN_AVG_RATE')].value").isEqualTo(5.32)
                .jsonPath("$.indicators[?(@.code == 'DEPOSIT_BALANCE')].complete").isEqualTo(true)
                .jsonPath("$.indicators[?(@.code == 'DEPOSIT_BALANCE')].expectedInstitutions").isEqualTo(31)
                .jsonPath("$.indicators[?(@.code == 'INCLUSIVE_SME_NEW_LOAN_RATE')]").isEmpty();
    }

    @Test
    void showsACountysFiguresToThePortalWhereEnoughBanksContribute() {
        as(Role.PORTAL).get().uri("/indicators?period=2022-09&region=361027").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.region").isEqualTo("361027")
                .jsonPath("$.indicators[?(@.code == 'LOAN_BALANCE')].suppressed").isEqualTo(false)
                .jsonPath("$.indicators[?(@.code == 'LOAN_BALANCE')].target").value(target -> assertThat((List<?>) target).containsOnlyNulls());
    }

    @Test
    void readsTheTargetsOfThePlan() {
        as(Role.PORTAL).get().uri("/targets/2023").exchange()
                .expectStatus().isOk()
                .expectBody()
                // 新增贷款350亿元
                .jsonPath("$.targets[?(@.indicator == 'LOAN_INCREASE_YTD')].value").isEqualTo(35000000000L)
                .jsonPath("$.targets[?(@.indicator == 'LOAN_INCREASE_YTD')].kind").isEqualTo("FLOW");
    }

    @Test
    void keepsTheLatestFiguresOfTheDemoDataEqualToItsLatestVersions() {
        assertThat(LatestFiguresCheck.differences(database)).containsOnly(
                entry("latest_line", 0L), entry("latest_sum", 0L), entry("latest_coverage", 0L));
        assertThat(database.sql("SELECT count(*) AS n FROM latest_line").map(row -> row.get("n", Long.class)).one()
                .block(Duration.ofSeconds(30))).isPositive();
    }

    private WebTestClient as(Role role) {
        return web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestIdentity.token(role)).build();
    }
}
