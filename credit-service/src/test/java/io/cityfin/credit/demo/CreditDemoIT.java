package io.cityfin.credit.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.identity.Caller;
import io.cityfin.common.identity.CallerAuthentication;
import io.cityfin.common.identity.Role;
import io.cityfin.common.test.TestIdentity;
import io.cityfin.common.test.WithOwnPostgres;
import io.cityfin.reporting.demo.DemoRecords;
import io.cityfin.reporting.test.LatestFiguresCheck;
import reactor.core.publisher.Flux;

/**
 * credit-service with its demo data loaded through its own use cases: the indicators show the source document's
 * balances, and the growth rates computed from them rather than the ones it printed (12.97% where it printed 9.12%);
 * the four figures it printed wrong are published figures, loaded once.
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

    @Autowired
    ObjectProvider<DemoRecords> loaders;

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

    @Test
    void publishesTheFourFiguresTheDocumentPrintedWrongOnce() {
        List<Map<String, Object>> figures = as(Role.PORTAL).get().uri("/published-figures?period=2022-09&region=361000").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Total-Count", "4")
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult().getResponseBody();
        assertThat(figures).isNotNull().allSatisfy(figure -> {
            assertThat(figure).containsEntry("document", "2022年金融工作总结").containsEntry("status", "ACTIVE").containsEntry("version", 1);
            assertThat(new BigDecimal(figure.get("rounding").toString())).isEqualByComparingTo("0.01");
        });
        // 比年初增长9.12% (computed 363.44 / 2802.43 = 12.97%); 14.13% (338.42 / 2587.65 = 13.08%); 不良贷款率为1.32%
        // (38.45 / 2926.07 = 1.31%), 较年初减少了0.03个百分点 (1.3140 − 1.3500 = −0.04): each more than 0.005 from the computed one
        assertThat(figures).extracting(figure -> figure.get("indicator") + "." + figure.get("field") + " " + figure.get("printed"),
                        figure -> new BigDecimal(figure.get("value").toString()).stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("DEPOSIT_BALANCE.growthSinceYearStartPct 9.12%", "9.12"),
                        org.assertj.core.groups.Tuple.tuple("LOAN_BALANCE.growthSinceYearStartPct 14.13%", "14.13"),
                        org.assertj.core.groups.Tuple.tuple("NPL_RATIO.value 1.32%", "1.32"),
                        org.assertj.core.groups.Tuple.tuple("NPL_RATIO.changeSinceYearStart 较年初减少了0.03个百分点", "-0.03"));
        as(Role.ANALYST).get().uri("/indicators?period=2022-09").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.indicators[?(@.code == 'NPL_RATIO')].changeSinceYearStart").isEqualTo(-0.04);

        Long again = Flux.fromStream(loaders.orderedStream()).concatMap(loader -> loader.load(new ClassPathResource("demo/credit-demo.json")))
                .reduce(0L, Long::sum)
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(
                        new CallerAuthentication(new Caller("demo-data", Set.of(Role.ADMIN), null), "demo")))
                .block(Duration.ofSeconds(60));
        assertThat(again).isZero();
        as(Role.SUBMITTER).get().uri("/published-figures?period=2022-09&status=ALL").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Total-Count", "4");
    }

    private WebTestClient as(Role role) {
        return web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestIdentity.token(role)).build();
    }
}
