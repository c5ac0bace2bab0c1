package io.cityfin.risk.report;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.identity.Role;
import io.cityfin.common.test.TestIdentity;
import io.cityfin.common.test.WithOwnPostgres;

/**
 * risk-service with its demo reports loaded through its own use cases: at 2022-09 the indicators show the source's
 * guarantee, bridge-fund and private-lending figures (data-standard-2.md, "Demo data"), each derived figure computed
 * here by hand from the demo totals.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cityfin.demo-data=true", "management.server.port=0"})
@AutoConfigureWebTestClient(timeout = "30s")
@WithOwnPostgres
class RiskReportsDemoIT {

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
    void showsTheGuaranteeFiguresOfSeptember2022() {
        as(Role.PORTAL).get().uri("/indicators?period=2022-09").exchange()
                .expectStatus().isOk()
                .expectBody()
                // 在保余额92.17亿元 on net assets of 16.70亿元: 92.17 / 16.70 = 5.519… → 5.52 (放大倍数)
                .jsonPath("$.indicators[?(@.code == 'GUARANTEE_OUTSTANDING_BALANCE')].value").isEqualTo(9217000000.00)
                .jsonPath("$.indicators[?(@.code == 'GUARANTEE_NET_ASSETS')].value").isEqualTo(1670000000.00)
                .jsonPath("$.indicators[?(@.code == 'GUARANTEE_LEVERAGE_MULTIPLE')].value").isEqualTo(5.52)
                .jsonPath("$.indicators[?(@.code == 'GUARANTEE_LEVERAGE_MULTIPLE')].unit").isEqualTo("TIMES")
                // fee income 2,640万 on 60亿 of new guarantees: 0.264 / 60 × 100 = 0.44 (%)
                .jsonPath("$.indicators[?(@.code == 'GUARANTEE_AVG_FEE_RATE')].value").isEqualTo(0.44)
                .jsonPath("$.indicators[?(@.code == 'GUARANTEE_ENTERPRISES_SERVED_CUM')].value").isEqualTo(4274)
                .jsonPath("$.indicators[?(@.code == 'GUARANTEE_FEE_WAIVER_CUM')].value").isEqualTo(37581800.00)
                // six of the eight guarantee companies reported (the two that exit in 2022 did not)
                .jsonPath("$.indicators[?(@.code == 'GUARANTEE_NET_ASSETS')].reportingInstitutions").isEqualTo(6);
    }

    @Test
    void showsTheBridgeFundFiguresOfSeptember2022() {
        as(Role.PORTAL).get().uri("/indicators?period=2022-09").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.indicators[?(@.code == 'BRIDGE_FUND_SIZE')].value").isEqualTo(612000000.00)
                .jsonPath("$.indicators[?(@.code == 'BRIDGE_FUND_ENTERPRISES_CUM')].value").isEqualTo(2902)
                .jsonPath("$.indicators[?(@.code == 'BRIDGE_FUND_AMOUNT_CUM')].value").isEqualTo(26118000000.00)
                .jsonPath("$.indicators[?(@.code == 'BRIDGE_FUND_FEE_SAVING_CUM')].value").isEqualTo(120000000.00)
                // 261.18亿 / 6.12亿 = 42.676… → 42.68 (周转倍数)
                .jsonPath("$.indicators[?(@.code == 'BRIDGE_FUND_TURNOVER')].value").isEqualTo(42.68)
                // 261.18亿 / 2,902户 = 900万 exactly (户均, the source's C24 sign)
                .jsonPath("$.indicators[?(@.code == 'BRIDGE_FUND_AVG_PER_ENTERPRISE')].value").isEqualTo(9000000.00)
                .jsonPath("$.indicators[?(@.code == 'BRIDGE_FUND_SIZE')].expectedInstitutions").isEqualTo(3)
                .jsonPath("$.indicators[?(@.code == 'BRIDGE_FUND_SIZE')].complete").isEqualTo(true);
    }

    @Test
    void showsThePrivateLendingWindDownSinceTheYearStart() {
        as(Role.PORTAL).get().uri("/indicators?period=2022-09").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.indicators[?(@.code == 'PRIVATE_LENDING_OUTSTANDING')].value").isEqualTo(258140000.00)
                .jsonPath("$.indicators[?(@.code == 'PRIVATE_LENDING_OUTSTANDING')].yearStartValue").isEqualTo(489520000.00)
                .jsonPath("$.indicators[?(@.code == 'PRIVATE_LENDING_NEW_BUSINESS_YTD')].value").isEqualTo(0.00)
                // 4.8952亿 − 2.5814亿 = 2.3138亿
                .jsonPath("$.indicators[?(@.code == 'PRIVATE_LENDING_DECREASE_YTD')].value").isEqualTo(231380000.00)
                // 2.3138 / 4.8952 × 100 = 47.266… → 47.27 (%)
                .jsonPath("$.indicators[?(@.code == 'PRIVATE_LENDING_REDUCTION_PCT')].value").isEqualTo(47.27)
                .jsonPath("$.indicators[?(@.code == 'PRIVATE_LENDING_OUTSTANDING')].expectedInstitutions").isEqualTo(6)
                .jsonPath("$.indicators[?(@.code == 'PRIVATE_LENDING_OUTSTANDING')].complete").isEqualTo(true);
        // 临川区民间融资中心 holds 2.488亿 → 1.4928亿 of it
        as(Role.ANALYST).get().uri("/reports/91361002MAMJ00001G/2022-09").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.lines[?(@.item == 'PRIVATE_LENDING_OUTSTANDING')].value").isEqualTo(149280000)
                .jsonPath("$.status").isEqualTo("ACCEPTED");
    }

    private WebTestClient as(Role role) {
        return web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestIdentity.token(role)).build();
    }
}
