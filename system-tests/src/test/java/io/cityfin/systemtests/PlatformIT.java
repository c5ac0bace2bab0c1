package io.cityfin.systemtests;

import static io.cityfin.systemtests.RunningPlatform.client;
import static io.cityfin.systemtests.RunningPlatform.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.launcher.Launcher;

/**
 * The packaged platform as {@code ./cityfin} runs it: the launcher starts an embedded PostgreSQL in a temporary
 * folder and the six exec jars on ports 18080–18085 (management 19080–19085), so a developer's own run on 8080
 * is left alone. Every check goes over HTTP to the running apps; the last one stops a service.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformIT {

    private static final int PORT_BASE = 18080;

    private static final String GATEWAY = "http://127.0.0.1:" + PORT_BASE;

    /** The five services, in the order the consolidated endpoint lists them, with their gateway prefixes. */
    private static final Map<String, String> PREFIXES = new LinkedHashMap<>();

    static {
        PREFIXES.put("credit-service", "credit");
        PREFIXES.put("insurance-service", "insurance");
        PREFIXES.put("capital-market-service", "capital-market");
        PREFIXES.put("platform-service", "platform");
        PREFIXES.put("risk-service", "risk");
    }

    /** Each app's public port, gateway first (architecture.md, "Ports on one machine", moved by PORT_BASE). */
    private static final Map<String, Integer> PORTS = new LinkedHashMap<>();

    static {
        PORTS.put("gateway", PORT_BASE);
        int next = PORT_BASE + 1;
        for (String service : PREFIXES.keySet()) {
            PORTS.put(service, next++);
        }
    }

    /** Kept when a test fails: the apps' logs are in {@code logs/}. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path data;

    private static RunningPlatform platform;

    private static final java.util.concurrent.atomic.AtomicInteger REFUSING_BANKS = new java.util.concurrent.atomic.AtomicInteger();

    private static Launcher launcher;

    /** The bootstrap ADMIN key this run hands the gateway, as an operator would through CITYFIN_ADMIN_API_KEY. */
    private static String adminKey;

    /** Calls through the gateway as the bootstrap ADMIN. */
    private static WebTestClient gateway;

    /** Calls through the gateway without any credentials. */
    private static final WebTestClient anonymous = client(GATEWAY);

    @BeforeAll
    static void startThePlatform() {
        // risk-service tries its UNAVAILABLE alert rules again every 5 s here, not every minute, and
        platform = RunningPlatform.start(data, PORT_BASE, Map.of("CITYFIN_JAVA_OPTS",
                RunningPlatform.APP_JAVA_OPTIONS + " -Dcityfin.alerts.retry-every=5s"
                        // the gateway asks a source about its kept answer again after 5 s, not 60 s, when nothing was written
                        + " -Dcityfin.gateway.indicator-cache.revalidate-after=5s"));
        launcher = platform.launcher();
        adminKey = platform.adminKey();
        gateway = platform.gateway();
    }

    @AfterAll
    static void stopThePlatform() {
        if (platform != null) {
            platform.stop();
        }
    }

    @Test
    @Order(1)
    void gatewayRoutesTheCreditIndicatorsOfAMonth() {
        gateway.get().uri("/api/v1/credit/indicators?period=2022-09").exchange()
            .expectStatus().isOk()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
            .expectBody()
            .jsonPath("$.period").isEqualTo("2022-09")
            .jsonPath("$.region").isEqualTo("361000")
            .jsonPath("$.yearElapsedPct").isEqualTo(74.79)
            .jsonPath("$.indicators").isArray();
    }

    @Test
    @Order(2)
    void consolidatedIndicatorsListEveryServiceAsOk() {
        Map<String, Object> body = json(gateway.get().uri("/api/v1/indicators?period=2022-09").exchange()
            .expectStatus().isOk());

        assertThat(body).containsEntry("period", "2022-09").containsEntry("region", "361000");
        assertThat(sources(body)).extracting(source -> source.get("service"), source -> source.get("status"))
            .containsExactly(tuple("credit-service", "OK"), tuple("insurance-service", "OK"),
                    tuple("capital-market-service", "OK"), tuple("platform-service", "OK"), tuple("risk-service", "OK"));
        assertThat(sources(body)).allSatisfy(source -> assertThat(source)
            .containsEntry("detail", null)
            .containsEntry("servedFromCacheAt", null));
    }

    @Test
    @Order(3)
    void unknownPathUnderAServiceIsAProblem404() {
        gateway.get().uri("/api/v1/credit/no-such-thing").exchange()
            .expectStatus().isNotFound()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.status").isEqualTo(404);
    }

    static Stream<Arguments> badPeriods() {
        List<String> paths = Stream.concat(PREFIXES.values().stream().map(prefix -> "/api/v1/" + prefix + "/indicators"),
                Stream.of("/api/v1/indicators")).toList();
        Map<String, String> periods = Map.of("2022-13", "INVALID_PERIOD", "2022-09-D4", "INVALID_PERIOD",
                "2099-01", "PERIOD_IN_FUTURE", "1900-06", "INVALID_PERIOD", "1901-12", "INVALID_PERIOD");
        return paths.stream().flatMap(path -> periods.entrySet().stream()
            .map(period -> Arguments.of(path, period.getKey(), period.getValue())));
    }

    @ParameterizedTest(name = "{0}?period={1} -> 400 {2}")
    @MethodSource("badPeriods")
    @Order(4)
    void badPeriodIsAProblem400NamingTheParameter(String path, String period, String code) {
        gateway.get().uri(path + "?period=" + period).exchange()
            .expectStatus().isBadRequest()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status").isEqualTo(400)
            .jsonPath("$.errors[0].parameter").isEqualTo("period")
            .jsonPath("$.errors[0].code").isEqualTo(code);
    }

    @Test
    @Order(5)
    void everyAppIsReadyAndExposesPrometheusMetricsOnItsManagementPort() {
        // one request through the gateway to each service, so every app has served HTTP at least once
        PREFIXES.forEach((service, prefix) -> gateway.get().uri("/api/v1/" + prefix + "/openapi/indicators.yaml").exchange()
            .expectStatus().isOk());

        PORTS.forEach((app, port) -> {
            WebTestClient management = client("http://127.0.0.1:" + (port + 1000));
            management.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(text -> assertThat(text).as(app)
                    .contains("http_server_requests_seconds")
                    .contains("jvm_memory_used_bytes"));
            WebTestClient.BodyContentSpec readiness = management.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP");
            if (PREFIXES.containsKey(app)) {
                readiness.jsonPath("$.components.r2dbc.status").isEqualTo("UP");
            }
        });
    }

    @Test
    @Order(6)
    void everyServicePublishesItsContractsThroughTheGatewayWithoutCredentials() {
        PREFIXES.forEach((service, prefix) -> {
            for (String document : List.of(service + ".yaml", "indicators.yaml")) {
                anonymous.get().uri("/api/v1/" + prefix + "/openapi/" + document).exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).value(yaml -> assertThat(yaml).as(prefix + "/openapi/" + document)
                        .startsWith("openapi: 3"));
            }
        });
    }

    @Test
    @Order(6)
    void refusesCallersWithoutAKeyAtTheGatewayAndWithoutATokenAtEachService() {
        anonymous.get().uri("/api/v1/indicators?period=2022-09").exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        PREFIXES.keySet().forEach(service -> client("http://127.0.0.1:" + PORTS.get(service))
            .get().uri("/indicators?period=2022-09").header(HttpHeaders.AUTHORIZATION, "Bearer " + adminKey).exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    @Order(6)
    void aKeyIssuedByTheAdminReachesEveryServiceWithTheGatewaysToken() {
        Map<String, Object> issued = json(gateway.post().uri("/api/v1/admin/api-keys").contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"label\": \"PlatformIT bank\", \"roles\": [\"SUBMITTER\"], \"institutionCode\": \"91361000PLATFORM1X\"}")
            .exchange()
            .expectStatus().isCreated());
        WebTestClient bank = platform.withKey((String) issued.get("key"));

        PREFIXES.values().forEach(prefix -> bank.get().uri("/api/v1/" + prefix + "/indicators?period=2022-09").exchange()
            .expectStatus().isOk());
        bank.get().uri("/api/v1/admin/api-keys").exchange().expectStatus().isForbidden();
    }

    @Test
    @Order(2)
    void theConsolidatedIndicatorsShowTheDemoFiguresComputedNotCopied() {
        gateway.get().uri("/api/v1/indicators?period=2022-09").exchange()
            .expectStatus().isOk()
            .expectBody()
            // 各项存款余额3165.87亿元, 2802.43亿元 at the year start: growth 12.97% (the document printed 9.12%)
            .jsonPath("$.indicators[?(@.code == 'DEPOSIT_BALANCE')].value").isEqualTo(316587000000.00)
            .jsonPath("$.indicators[?(@.code == 'DEPOSIT_BALANCE')].growthSinceYearStartPct").isEqualTo(12.97)
            .jsonPath("$.indicators[?(@.code == 'DEPOSIT_BALANCE')].source").isEqualTo("credit-service")
            // 各项贷款余额2926.07亿元, 2587.65亿元 at the year start: 13.08% (printed 14.13%)
            .jsonPath("$.indicators[?(@.code == 'LOAN_BALANCE')].value").isEqualTo(292607000000.00)
            .jsonPath("$.indicators[?(@.code == 'LOAN_BALANCE')].growthSinceYearStartPct").isEqualTo(13.08)
            .jsonPath("$.indicators[?(@.code == 'DEPOSIT_LOAN_TOTAL')].value").isEqualTo(609194000000.00)
            // 工业贷款余额271.11亿元, 220.18亿元 at the year start: 23.13%
            .jsonPath("$.indicators[?(@.code == 'INDUSTRIAL_LOAN_BALANCE')].growthSinceYearStartPct").isEqualTo(23.13)
            // 38.45亿 / 2926.07亿: 1.31% (printed 1.32%)
            .jsonPath("$.indicators[?(@.code == 'NPL_RATIO')].value").isEqualTo(1.31);
    }

    @Test
    @Order(2)
    void theInsuranceIndicatorsShowTheDemoPremiumsAndTheirGrowth() {
        gateway.get().uri("/api/v1/indicators?period=2022-08").exchange()
            .expectStatus().isOk()
            .expectBody()
            // 财险实现保费收入20.75亿元，同比增长22.66%; 人身险26.77亿元，同比增长2.16%
            .jsonPath("$.indicators[?(@.code == 'PREMIUM_PC_YTD')].value").isEqualTo(2075000000.00)
            .jsonPath("$.indicators[?(@.code == 'PREMIUM_PC_YTD')].yoyPct").isEqualTo(22.66)
            .jsonPath("$.indicators[?(@.code == 'PREMIUM_LIFE_YTD')].yoyPct").isEqualTo(2.16)
            // 20.75 + 26.77 = 47.52亿 from the parts, where the document printed 47.51亿
            .jsonPath("$.indicators[?(@.code == 'PREMIUM_TOTAL_YTD')].value").isEqualTo(4752000000.00)
            .jsonPath("$.indicators[?(@.code == 'PREMIUM_TOTAL_YTD')].source").isEqualTo("insurance-service");
        gateway.get().uri("/api/v1/insurance/indicators?period=2022-09").exchange()
            .expectStatus().isOk()
            .expectBody()
            // 1-9月农业保险为全市农户提供保险保障208.76亿元
            .jsonPath("$.indicators[?(@.code == 'AGRI_SUM_INSURED_YTD')].value").isEqualTo(20876000000.00)
            // 新增险资入抚资金1.31亿元
            .jsonPath("$.indicators[?(@.code == 'INSURANCE_FUNDS_INVESTED_YTD')].value").isEqualTo(131000000.00);
    }

    @Test
    @Order(2)
    void theCapitalMarketIndicatorsShowTheDemoRecordsEvaluatedAtThePeriodsLastDay() {
        gateway.get().uri("/api/v1/indicators?period=2022-09").exchange()
            .expectStatus().isOk()
            .expectBody()
            // IPO上市企业3家, “新三板”挂牌企业6家, 江西联合股权交易中心挂牌展示企业574家 (seeds 17-19)
            .jsonPath("$.indicators[?(@.code == 'LISTED_COMPANY_COUNT')].value").isEqualTo(3)
            .jsonPath("$.indicators[?(@.code == 'LISTED_COMPANY_COUNT')].source").isEqualTo("capital-market-service")
            .jsonPath("$.indicators[?(@.code == 'NEEQ_LISTED_COUNT')].value").isEqualTo(6)
            .jsonPath("$.indicators[?(@.code == 'REGIONAL_EQUITY_LISTED_COUNT')].value").isEqualTo(574)
            // 今年新增完成股改企业4家, 20家集中股改签约企业, 重点拟上市企业20家（挂图作战） (seeds 20, 21; target 17)
            .jsonPath("$.indicators[?(@.code == 'SHAREHOLDING_REFORM_NEW_YTD')].value").isEqualTo(4)
            .jsonPath("$.indicators[?(@.code == 'SHAREHOLDING_REFORM_SIGNED_COUNT')].value").isEqualTo(20)
            .jsonPath("$.indicators[?(@.code == 'KEY_IPO_CANDIDATE_COUNT')].value").isEqualTo(20)
            .jsonPath("$.indicators[?(@.code == 'OVERDUE_MILESTONES')].value").isEqualTo(0)
            // 直接融资规模72.36亿元 = 33.05 + 22 + 1 + 16.31 (seeds 31-35); 22 + 1 of it by platforms
            .jsonPath("$.indicators[?(@.code == 'DIRECT_FINANCING_YTD')].value").isEqualTo(7236000000.00)
            .jsonPath("$.indicators[?(@.code == 'DF_EXCHANGE_MARKET_YTD')].value").isEqualTo(3305000000.00)
            .jsonPath("$.indicators[?(@.code == 'DF_INTERBANK_BOND_YTD')].value").isEqualTo(2200000000.00)
            .jsonPath("$.indicators[?(@.code == 'DF_ENTERPRISE_BOND_YTD')].value").isEqualTo(100000000.00)
            .jsonPath("$.indicators[?(@.code == 'DF_OTHER_YTD')].value").isEqualTo(1631000000.00)
            .jsonPath("$.indicators[?(@.code == 'DF_PLATFORM_YTD')].value").isEqualTo(2300000000.00)
            // 已在中基协备案的基金8支, 今年以来对外投资8158.81万元 (seeds 36, 37); 全市证券机构主体10家 (seed 105)
            .jsonPath("$.indicators[?(@.code == 'PRIVATE_FUND_AMAC_COUNT')].value").isEqualTo(8)
            .jsonPath("$.indicators[?(@.code == 'PRIVATE_FUND_INVESTMENT_YTD')].value").isEqualTo(81588100.00)
            .jsonPath("$.indicators[?(@.code == 'SECURITIES_INSTITUTION_COUNT')].value").isEqualTo(10);
        // 施美药业's tutoring filing, planned for 2022-12-31 and not reached, is overdue in 2023; the 2023 targets
        gateway.get().uri("/api/v1/capital-market/indicators?period=2023-03").exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.indicators[?(@.code == 'OVERDUE_MILESTONES')].value").isEqualTo(1)
            .jsonPath("$.indicators[?(@.code == 'DIRECT_FINANCING_YTD')].target").isEqualTo(15000000000.00)
            .jsonPath("$.indicators[?(@.code == 'NEW_LISTINGS_YTD')].target").isEqualTo(2);
    }

    @Test
    @Order(2)
    void thePlatformIndicatorsShowTheDemoRegistryRatingsAndThePlatformsMarketIssuesReadFromCapitalMarket() {
        gateway.get().uri("/api/v1/indicators?period=2022-09").exchange()
            .expectStatus().isOk()
            .expectBody()
            // 政府融资平台一级公司25家, 市本级2家, 县（区）23家 (seeds 22-24)
            .jsonPath("$.indicators[?(@.code == 'PLATFORM_L1_COUNT')].value").isEqualTo(25)
            .jsonPath("$.indicators[?(@.code == 'PLATFORM_L1_COUNT')].source").isEqualTo("platform-service")
            .jsonPath("$.indicators[?(@.code == 'PLATFORM_L1_CITY_COUNT')].value").isEqualTo(2)
            .jsonPath("$.indicators[?(@.code == 'PLATFORM_L1_COUNTY_COUNT')].value").isEqualTo(23)
            // 信用评级AA以上（含AA）8家: AA+ 1家, AA 7家 (seeds 28-30); no AAA
            .jsonPath("$.indicators[?(@.code == 'PLATFORM_RATED_AA_PLUS_COUNT')].value").isEqualTo(1)
            .jsonPath("$.indicators[?(@.code == 'PLATFORM_RATED_AA_COUNT')].value").isEqualTo(7)
            .jsonPath("$.indicators[?(@.code == 'PLATFORM_RATED_AA_OR_ABOVE_COUNT')].value").isEqualTo(8)
            .jsonPath("$.indicators[?(@.code == 'PLATFORM_RATED_AAA_COUNT')].value").isEqualTo(0)
            // 清理空壳平台公司5家, 已完成注销5家, 完成率100% (seeds 25-27)
            .jsonPath("$.indicators[?(@.code == 'SHELL_PLATFORM_TARGET_COUNT')].value").isEqualTo(5)
            .jsonPath("$.indicators[?(@.code == 'SHELL_PLATFORM_DEREGISTERED_COUNT')].value").isEqualTo(5)
            .jsonPath("$.indicators[?(@.code == 'SHELL_PLATFORM_CLEANUP_RATE')].value").isEqualTo(100.00)
            .jsonPath("$.indicators[?(@.code == 'SHELL_PLATFORM_COUNT')].value").isEqualTo(0)
            // capital market's DF_PLATFORM_YTD (22 + 1 亿 of platform issues), read by platform-service through the
            // gateway with its own key; no non-market financing in the demo, so the platforms' total is the same
            .jsonPath("$.indicators[?(@.code == 'PLATFORM_DIRECT_FINANCING_YTD')].value").isEqualTo(2300000000.00)
            .jsonPath("$.indicators[?(@.code == 'PLATFORM_DIRECT_FINANCING_YTD')].inputsUnavailable").doesNotExist()
            .jsonPath("$.indicators[?(@.code == 'PLATFORM_NON_MARKET_FINANCING_YTD')].value").isEqualTo(0.00)
            .jsonPath("$.indicators[?(@.code == 'PLATFORM_FINANCING_YTD')].value").isEqualTo(2300000000.00);
        // 力争市本级新增1家AAA平台, 县域新增2家AA平台: the 2023 targets
        gateway.get().uri("/api/v1/platform/indicators?period=2023-03").exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.indicators[?(@.code == 'PLATFORM_NEW_AAA_CITY_YTD')].target").isEqualTo(1)
            .jsonPath("$.indicators[?(@.code == 'PLATFORM_NEW_AA_COUNTY_YTD')].target").isEqualTo(2);
    }

    @Test
    @Order(2)
    void theRiskIndicatorsShowTheDemoReportsRegistryAndRecordsWithTheirComputedFigures() {
        gateway.get().uri("/api/v1/indicators?period=2022-09").exchange()
            .expectStatus().isOk()
            .expectBody()
            // 担保行业在保余额92.17亿元, 放大倍数5.52 (on the 16.70亿 of net assets it implies: C23), 平均担保费率0.44%,
            // 累计帮扶企业4274户, 累计减免担保费用3758.18万元 (seeds 45-49)
            .jsonPath("$.indicators[?(@.code == 'GUARANTEE_OUTSTANDING_BALANCE')].value").isEqualTo(9217000000.00)
            .jsonPath("$.indicators[?(@.code == 'GUARANTEE_OUTSTANDING_BALANCE')].source").isEqualTo("risk-service")
            .jsonPath("$.indicators[?(@.code == 'GUARANTEE_NET_ASSETS')].value").isEqualTo(1670000000.00)
            .jsonPath("$.indicators[?(@.code == 'GUARANTEE_LEVERAGE_MULTIPLE')].value").isEqualTo(5.52)
            .jsonPath("$.indicators[?(@.code == 'GUARANTEE_AVG_FEE_RATE')].value").isEqualTo(0.44)
            .jsonPath("$.indicators[?(@.code == 'GUARANTEE_ENTERPRISES_SERVED_CUM')].value").isEqualTo(4274)
            .jsonPath("$.indicators[?(@.code == 'GUARANTEE_FEE_WAIVER_CUM')].value").isEqualTo(37581800.00)
            // the six guarantee companies that stay report; the two persuaded to exit no longer count
            .jsonPath("$.indicators[?(@.code == 'GUARANTEE_OUTSTANDING_BALANCE')].expectedInstitutions").isEqualTo(6)
            .jsonPath("$.indicators[?(@.code == 'GUARANTEE_OUTSTANDING_BALANCE')].complete").isEqualTo(true)
            // 倒贷基金6.12亿元, 累计帮扶企业2902户, 261.18亿元: 900万元 per enterprise exactly (C24), 42.68 times
            .jsonPath("$.indicators[?(@.code == 'BRIDGE_FUND_SIZE')].value").isEqualTo(612000000.00)
            .jsonPath("$.indicators[?(@.code == 'BRIDGE_FUND_ENTERPRISES_CUM')].value").isEqualTo(2902)
            .jsonPath("$.indicators[?(@.code == 'BRIDGE_FUND_AMOUNT_CUM')].value").isEqualTo(26118000000.00)
            .jsonPath("$.indicators[?(@.code == 'BRIDGE_FUND_AVG_PER_ENTERPRISE')].value").isEqualTo(9000000.00)
            .jsonPath("$.indicators[?(@.code == 'BRIDGE_FUND_TURNOVER')].value").isEqualTo(42.68)
            // 民间融资机构业务存量规模25814万元, 较年初48952万元下降23138万元, 压降47.27%; 累计兑付本金9952万元, 40%
            .jsonPath("$.indicators[?(@.code == 'PRIVATE_LENDING_OUTSTANDING')].value").isEqualTo(258140000.00)
            .jsonPath("$.indicators[?(@.code == 'PRIVATE_LENDING_DECREASE_YTD')].value").isEqualTo(231380000.00)
            .jsonPath("$.indicators[?(@.code == 'PRIVATE_LENDING_REDUCTION_PCT')].value").isEqualTo(47.27)
            .jsonPath("$.indicators[?(@.code == 'PRIVATE_LENDING_REPAID_CUM')].value").isEqualTo(99520000.00)
            .jsonPath("$.indicators[?(@.code == 'PRIVATE_LENDING_REPAID_PCT')].value").isEqualTo(40.00)
            // 6家小额贷款公司退出通知, 取消试点资格6家, 劝退2家, 监管意见函2家, 现场检查6家 (seeds 120, 131-134)
            .jsonPath("$.indicators[?(@.code == 'MICROLOAN_CO_EXIT_NOTICE_YTD')].value").isEqualTo(6)
            .jsonPath("$.indicators[?(@.code == 'MICROLOAN_CO_PILOT_REVOKED_YTD')].value").isEqualTo(6)
            .jsonPath("$.indicators[?(@.code == 'GUARANTEE_CO_PERSUADED_EXIT_YTD')].value").isEqualTo(2)
            .jsonPath("$.indicators[?(@.code == 'GUARANTEE_CO_SUPERVISORY_LETTER_YTD')].value").isEqualTo(2)
            .jsonPath("$.indicators[?(@.code == 'ON_SITE_INSPECTION_YTD')].value").isEqualTo(6)
            .jsonPath("$.indicators[?(@.code == 'PRIVATE_LENDING_INSTITUTION_COUNT')].value").isEqualTo(6)
            .jsonPath("$.indicators[?(@.code == 'LOCAL_ORG_SMALL_LOAN_COUNT')].value").isEqualTo(0)
            // 线索11条, 公安已立案4条, 涉案约896人、约33423万元; 直存 3家, 挽回损失127万元; 剩余陈案2件 (seeds 112-118)
            .jsonPath("$.indicators[?(@.code == 'LENDING_CHAOS_LEADS_YTD')].value").isEqualTo(11)
            .jsonPath("$.indicators[?(@.code == 'LENDING_CHAOS_LEADS_FILED_YTD')].value").isEqualTo(4)
            .jsonPath("$.indicators[?(@.code == 'LENDING_CASE_PERSONS_INVOLVED_YTD')].value").isEqualTo(896)
            .jsonPath("$.indicators[?(@.code == 'LENDING_CASE_AMOUNT_INVOLVED_YTD')].value").isEqualTo(334230000.00)
            .jsonPath("$.indicators[?(@.code == 'AIF_DISPOSED_WITHOUT_CASE_YTD')].value").isEqualTo(3)
            .jsonPath("$.indicators[?(@.code == 'AIF_LOSS_RECOVERED_YTD')].value").isEqualTo(1270000.00)
            .jsonPath("$.indicators[?(@.code == 'LEGACY_IFR_CASES_REMAINING')].value").isEqualTo(2)
            // “七进”宣传活动249场 in six settings, not seven (C22); 覆盖11万余人, 宣传品16万余份, 短信38万余条 (seeds 107-111)
            .jsonPath("$.indicators[?(@.code == 'AIF_PUBLICITY_EVENTS_YTD')].value").isEqualTo(249)
            .jsonPath("$.indicators[?(@.code == 'AIF_PUBLICITY_SETTINGS_YTD')].value").isEqualTo(6)
            .jsonPath("$.indicators[?(@.code == 'AIF_PUBLICITY_REACH_PERSONS_YTD')].value").isEqualTo(112000)
            .jsonPath("$.indicators[?(@.code == 'AIF_MATERIALS_DISTRIBUTED_YTD')].value").isEqualTo(163000)
            .jsonPath("$.indicators[?(@.code == 'AIF_SMS_SENT_YTD')].value").isEqualTo(385000);
        // 完成2件以上陈案处置: the 2023 target
        gateway.get().uri("/api/v1/risk/indicators?period=2023-03").exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.indicators[?(@.code == 'LEGACY_IFR_CASES_CLOSED_YTD')].target").isEqualTo(2);
    }

    @Test
    @Order(2)
    void everyIndicatorCodeOfTheConsolidatedAnswerIsUnique() {
        Map<String, Object> body = json(gateway.get().uri("/api/v1/indicators?period=2022-09").exchange()
            .expectStatus().isOk());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> indicators = (List<Map<String, Object>>) body.get("indicators");

        assertThat(indicators).extracting(indicator -> (String) indicator.get("source")).as("every service contributes")
            .containsAll(PREFIXES.keySet());
        assertThat(indicators).extracting(indicator -> (String) indicator.get("code")).doesNotHaveDuplicates();
        // risk's: its 12 submitted items and the 37 codes of data-standard-2.md, "Risk indicators"
        assertThat(indicators).filteredOn(indicator -> "risk-service".equals(indicator.get("source"))).hasSize(12 + 37);
        // risk reads credit's NPL figures for its alerts and does not republish them
        assertThat(indicators).filteredOn(indicator -> "NPL_RATIO".equals(indicator.get("code")))
            .singleElement().satisfies(indicator -> assertThat(indicator).containsEntry("source", "credit-service"));
    }

    @Test
    @Order(2)
    void theDemoAlertsAreEvaluatedForSeptember2022OnceCreditAnswersAndNoNplAlertIsOpen() {
        // the demo evaluates every rule for 2022-09 after it loads; the NPL rules wait for credit through the gateway
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
            assertThat(outcomes("2022-09")).containsEntry("NPL_RATIO_HIGH", "OK").containsEntry("NPL_RATIO_RISE", "OK")
                .containsEntry("REPORT_MISSING", "OK").containsEntry("IFR_LEAD_SCALE", "OK").hasSize(9));
        // every region below 2.00% and its rise below 0.30 pp: no NPL alert
        gateway.get().uri("/api/v1/risk/alerts?period=2022-09&rule=NPL_RATIO_HIGH").exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
        gateway.get().uri("/api/v1/risk/alerts?period=2022-09&rule=NPL_RATIO_RISE").exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
        // the four filed lending cases, open at 2022-09: 1.56亿 (RED), 9850万 and 5273万 (ORANGE), 2700万 (YELLOW);
        // the two legacy cases are below 1000万 and 100 persons
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> gateway.get().uri("/api/v1/risk/indicators?period=2022-09")
            .exchange().expectStatus().isOk().expectBody()
            .jsonPath("$.indicators[?(@.code == 'ALERTS_OPEN_RED_COUNT')].value").isEqualTo(1)
            .jsonPath("$.indicators[?(@.code == 'ALERTS_OPEN_ORANGE_COUNT')].value").isEqualTo(2)
            .jsonPath("$.indicators[?(@.code == 'ALERTS_OPEN_YELLOW_COUNT')].value").isEqualTo(1));
    }

    @Test
    @Order(6)
    void aBankSubmitsCorrectsAndReadsItsHistoryThroughTheGatewayWhileAnotherBankIsKeptOut() {
        String bankA = "91361000SYSTEST01A";
        String bankB = "91361000SYSTEST02B";
        for (String bank : List.of(bankA, bankB)) {
            gateway.put().uri("/api/v1/credit/institutions/" + bank).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"系统测试银行\", \"type\": \"CITY_COMMERCIAL_BANK\", \"region\": \"361002\", \"activeFrom\": \"2015-01-01\"}")
                .exchange().expectStatus().isCreated();
        }
        WebTestClient a = platform.withKey(submitterKey(bankA));
        WebTestClient b = platform.withKey(submitterKey(bankB));
        String report = "/api/v1/credit/reports/" + bankA + "/2022-09";

        a.put().uri(report).contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"lines\": [{\"item\": \"DEPOSIT_BALANCE\", \"region\": \"361002\", \"value\": 1000.50}, {\"item\": \"LOAN_BALANCE\", \"region\": \"361002\", \"value\": 800}]}")
            .exchange().expectStatus().isCreated().expectBody().jsonPath("$.version").isEqualTo(1);
        a.put().uri(report).contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"lines\": [{\"item\": \"DEPOSIT_BALANCE\", \"region\": \"361002\", \"value\": 1000.50}, {\"item\": \"LOAN_BALANCE\", \"region\": \"361002\", \"value\": 900}]}")
            .exchange().expectStatus().isCreated().expectBody().jsonPath("$.version").isEqualTo(2);
        a.put().uri(report).contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"lines\": [{\"item\": \"LOAN_BALANCE\", \"region\": \"361002\", \"value\": 900.00}, {\"item\": \"DEPOSIT_BALANCE\", \"region\": \"361002\", \"value\": 1000.5}]}")
            .exchange().expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2);
        a.get().uri(report + "/versions").exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(2);

        b.get().uri(report).exchange().expectStatus().isForbidden();
        b.get().uri(report + "/versions").exchange().expectStatus().isForbidden();
        b.get().uri(report + "/versions/1").exchange().expectStatus().isForbidden();
        b.put().uri(report).contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"lines\": [{\"item\": \"DEPOSIT_BALANCE\", \"region\": \"361002\", \"value\": 1}]}")
            .exchange().expectStatus().isForbidden();
        b.post().uri(report + "/withdraw").exchange().expectStatus().isForbidden();
        b.get().uri("/api/v1/credit/submissions?period=2022-09").exchange()
            .expectStatus().isOk().expectBody()
            .jsonPath("$.institutions.length()").isEqualTo(1)
            .jsonPath("$.institutions[0].institutionCode").isEqualTo(bankB);
        gateway.get().uri(report).exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2);

        // a deposit balance up by more than 30% since 2022-09: stored with a warning an analyst reviews, not the bank
        String october = "/api/v1/credit/reports/" + bankA + "/2022-10";
        a.put().uri(october).contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"lines\": [{\"item\": \"DEPOSIT_BALANCE\", \"region\": \"361002\", \"value\": 2000}, {\"item\": \"LOAN_BALANCE\", \"region\": \"361002\", \"value\": 900}]}")
            .exchange().expectStatus().isCreated().expectBody()
            .jsonPath("$.status").isEqualTo("ACCEPTED_WITH_WARNINGS")
            .jsonPath("$.warnings[0].code").isEqualTo("MOVED_OVER_30_PCT")
            .jsonPath("$.warnings[0].pointer").isEqualTo("/lines/0");
        WebTestClient analyst = platform.withKey((String) json(gateway.post().uri("/api/v1/admin/api-keys")
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"label\": \"analyst\", \"roles\": [\"ANALYST\"]}")
            .exchange().expectStatus().isCreated()).get("key"));
        List<Map<String, Object>> open = jsonList(analyst.get()
            .uri("/api/v1/credit/warnings?period=2022-10&reviewed=false").exchange().expectStatus().isOk());
        Map<String, Object> warning = open.stream().filter(w -> bankA.equals(w.get("institutionCode"))).findFirst().orElseThrow();
        assertThat(warning).containsEntry("code", "MOVED_OVER_30_PCT").containsEntry("version", 1);

        a.post().uri("/api/v1/credit/warnings/" + warning.get("id") + "/review").exchange().expectStatus().isForbidden();
        analyst.post().uri("/api/v1/credit/warnings/" + warning.get("id") + "/review").exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.reviewedAt").isNotEmpty();
        assertThat(jsonList(analyst.get().uri("/api/v1/credit/warnings?period=2022-10&reviewed=true").exchange()
            .expectStatus().isOk())).extracting(w -> w.get("id")).contains(warning.get("id"));
    }

    private static List<Map<String, Object>> jsonList(WebTestClient.ResponseSpec response) {
        return response.expectBody(new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() {
        }).returnResult().getResponseBody();
    }

    /** Every refusal rule of data-standard.md for credit, sent as a bank's real key sends it: code, pointer, body. */
    static Stream<Arguments> creditRefusals() {
        return Stream.of(
                Arguments.of("EMPTY_REPORT", "/lines", "2022-09", "[]"),
                Arguments.of("UNKNOWN_ITEM", "/lines/0/item", "2022-09", "[" + line("NO_SUCH_ITEM", "361002", "1") + "]"),
                Arguments.of("UNKNOWN_REGION", "/lines/0/region", "2022-09", "[" + line("DEPOSIT_BALANCE", "360100", "1") + "]"),
                Arguments.of("CITY_REGION_ON_LINE", "/lines/0/region", "2022-09", "[" + line("DEPOSIT_BALANCE", "361000", "1") + "]"),
                Arguments.of("MISSING_VALUE", "/lines/0/value", "2022-09", "[" + line("DEPOSIT_BALANCE", "361002", "null") + "]"),
                Arguments.of("NEGATIVE_VALUE", "/lines/0/value", "2022-09", "[" + line("DEPOSIT_BALANCE", "361002", "-1") + "]"),
                Arguments.of("TOO_MANY_DECIMALS", "/lines/0/value", "2022-09", "[" + line("DEPOSIT_BALANCE", "361002", "1.001") + "]"),
                Arguments.of("NOT_WHOLE_NUMBER", "/lines/0/value", "2022-09",
                        "[" + line("INCLUSIVE_SME_BORROWERS", "361002", "10.5") + "]"),
                Arguments.of("DUPLICATE_LINE", "/lines/1", "2022-09",
                        "[" + line("DEPOSIT_BALANCE", "361002", "1") + ", " + line("DEPOSIT_BALANCE", "361002", "2") + "]"),
                Arguments.of("ITEM_NOT_ALLOWED_FOR_PERIOD", "/lines/0/item", "2022-09-D2",
                        "[" + line("GREEN_LOAN_BALANCE", "361002", "1") + "]"),
                Arguments.of("PART_EXCEEDS_TOTAL", "/lines/1/value", "2022-09",
                        "[" + line("LOAN_BALANCE", "361002", "100") + ", " + line("INDUSTRIAL_LOAN_BALANCE", "361002", "101") + "]"),
                Arguments.of("RATE_OUT_OF_RANGE", "/lines/1/value", "2022-09",
                        "[" + line("INCLUSIVE_SME_NEW_LOAN_AMOUNT_YTD", "361002", "100") + ", "
                                + line("INCLUSIVE_SME_NEW_LOAN_RATE", "361002", "100.5") + "]"),
                Arguments.of("RATE_WITHOUT_AMOUNT", "/lines/1/item", "2022-09",
                        "[" + line("INCLUSIVE_SME_NEW_LOAN_AMOUNT_YTD", "361002", "100") + ", "
                                + line("INCLUSIVE_SME_NEW_LOAN_RATE", "361003", "5.3") + "]"));
    }

    private static String line(String item, String region, String value) {
        return "{\"item\": \"" + item + "\", \"region\": \"" + region + "\", \"value\": " + value + "}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("creditRefusals")
    @Order(6)
    void everyRefusalRuleAnswersABanksOwnKeyWith422AtItsPointerAndStoresNothing(String code, String pointer, String period,
            String lines) {
        String bank = "91361000REFUSE" + String.format("%04d", REFUSING_BANKS.incrementAndGet());
        gateway.put().uri("/api/v1/credit/institutions/" + bank).contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"name\": \"拒收测试银行\", \"type\": \"VILLAGE_BANK\", \"region\": \"361002\", \"activeFrom\": \"2015-01-01\"}")
            .exchange().expectStatus().isCreated();
        WebTestClient bankKey = platform.withKey(submitterKey(bank));
        String report = "/api/v1/credit/reports/" + bank + "/" + period;

        bankKey.put().uri(report).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"lines\": " + lines + "}")
            .exchange()
            .expectStatus().isEqualTo(422)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[0].code").isEqualTo(code)
            .jsonPath("$.errors[0].pointer").isEqualTo(pointer);

        bankKey.get().uri(report).exchange().expectStatus().isNotFound();
        bankKey.get().uri(report + "/versions").exchange().expectStatus().isNotFound(); // no version at all
    }

    @Test
    @Order(6)
    void aReportOfAnInactiveOrUnknownBankIsRefusedThroughTheGatewayToo() {
        String closed = "91361000CLOSEDSYS1";
        gateway.put().uri("/api/v1/credit/institutions/" + closed).contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"name\": \"已撤销银行\", \"type\": \"VILLAGE_BANK\", \"region\": \"361002\", \"activeFrom\": \"2015-01-01\", \"activeTo\": \"2022-06-30\"}")
            .exchange().expectStatus().isCreated();
        String body = "{\"lines\": [" + line("DEPOSIT_BALANCE", "361002", "1") + "]}";

        platform.withKey(submitterKey(closed)).put().uri("/api/v1/credit/reports/" + closed + "/2022-09")
            .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
            .expectStatus().isEqualTo(422)
            .expectBody()
            .jsonPath("$.errors[0].code").isEqualTo("INSTITUTION_INACTIVE")
            .jsonPath("$.errors[0].parameter").isEqualTo("institutionCode");
        gateway.put().uri("/api/v1/credit/reports/91361000NOSUCHBNK/2022-09").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body).exchange()
            .expectStatus().isNotFound()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        gateway.get().uri("/api/v1/credit/reports/" + closed + "/2022-09").exchange().expectStatus().isNotFound();
    }

    private String submitterKey(String institution) {
        return (String) json(gateway.post().uri("/api/v1/admin/api-keys").contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"label\": \"" + institution + "\", \"roles\": [\"SUBMITTER\"], \"institutionCode\": \"" + institution + "\"}")
            .exchange().expectStatus().isCreated()).get("key");
    }

    @Test
    @Order(7)
    void aStoppedServicesLastGoodFiguresAreServedCachedWhileTheOthersStillAnswer() throws Exception {
        Map<String, Object> before = json(gateway.get().uri("/api/v1/indicators?period=2022-09").exchange().expectStatus().isOk());
        ProcessHandle insurance = launcher.process("insurance-service").orElseThrow();
        insurance.destroy(); // SIGTERM, as ./cityfin stop sends it
        insurance.onExit().get(30, TimeUnit.SECONDS);

        // the gateway asks a source again at most every 5 s in this run (revalidate-after), and then finds it down
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            long started = System.nanoTime();
            Map<String, Object> body = json(gateway.get().uri("/api/v1/indicators?period=2022-09").exchange().expectStatus().isOk());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered within 3 s").isLessThan(Duration.ofSeconds(3));
            assertThat(sources(body)).extracting(source -> source.get("service"), source -> source.get("status"))
                .containsExactly(tuple("credit-service", "OK"), tuple("insurance-service", "CACHED"),
                        tuple("capital-market-service", "OK"), tuple("platform-service", "OK"), tuple("risk-service", "OK"));
            assertThat(sources(body).get(1).get("detail")).as("why insurance-service is not asked").isNotNull();
            assertThat(sources(body).get(1).get("servedFromCacheAt")).isNotNull();
            assertThat(indicator(body, "PREMIUM_TOTAL_YTD")).as("its last good figures").isEqualTo(indicator(before, "PREMIUM_TOTAL_YTD"));
        });
        // a query no one asked before: nothing kept, so UNAVAILABLE
        Map<String, Object> never = json(gateway.get().uri("/api/v1/indicators?period=2021-11&region=361021").exchange().expectStatus().isOk());
        assertThat(sources(never).get(1)).containsEntry("status", "UNAVAILABLE").containsEntry("servedFromCacheAt", null);
        gateway.get().uri("/api/v1/insurance/indicators?period=2022-09").exchange()
            .expectStatus().isEqualTo(503)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status").isEqualTo(503)
            .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("insurance-service"));
    }

    @Test
    @Order(8)
    void whileCapitalMarketIsStoppedThePlatformsImportedFiguresAreNullAndTheyReturnWhenItIsBack() {
        launcher.stop("capital-market-service");

        Map<String, Object> away = json(gateway.get().uri("/api/v1/platform/indicators?period=2022-09").exchange()
            .expectStatus().isOk());
        assertThat(indicator(away, "PLATFORM_DIRECT_FINANCING_YTD")).containsEntry("value", null)
            .containsEntry("inputsUnavailable", List.of("capital-market-service"));
        assertThat(indicator(away, "PLATFORM_FINANCING_YTD")).as("never a partial sum").containsEntry("value", null)
            .containsEntry("inputsUnavailable", List.of("capital-market-service"));
        assertThat(indicator(away, "PLATFORM_L1_COUNT")).as("the platforms' own figures").containsEntry("value", 25)
            .doesNotContainKey("inputsUnavailable");
        assertThat(indicator(away, "PLATFORM_NON_MARKET_FINANCING_YTD")).containsEntry("value", 0.00);

        assertThat(launcher.start("capital-market-service")).as("capital-market-service started again").isZero();
        // platform-service is not restarted: its breaker lets a call through again and the figure returns
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, Object> back = json(gateway.get().uri("/api/v1/platform/indicators?period=2022-09").exchange()
                .expectStatus().isOk());
            assertThat(indicator(back, "PLATFORM_DIRECT_FINANCING_YTD").get("value")).isEqualTo(2300000000.00);
            assertThat(indicator(back, "PLATFORM_FINANCING_YTD").get("value")).isEqualTo(2300000000.00);
        });
    }

    @Test
    @Order(9)
    void whileCreditIsStoppedTheNplRulesAreUnavailableAndRunAgainWithoutARestartOnceItIsBack() {
        Map<String, Object> before = json(gateway.get().uri("/api/v1/indicators?period=2022-09").exchange().expectStatus().isOk());
        launcher.stop("credit-service");

        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            long started = System.nanoTime();
            Map<String, Object> body = json(gateway.get().uri("/api/v1/indicators?period=2022-09").exchange().expectStatus().isOk());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered within 3 s").isLessThan(Duration.ofSeconds(3));
            assertThat(sources(body).get(0)).containsEntry("service", "credit-service").containsEntry("status", "CACHED");
            assertThat(OffsetDateTime.parse((String) sources(body).get(0).get("servedFromCacheAt"))).isBefore(OffsetDateTime.now());
            assertThat(indicator(body, "LOAN_BALANCE")).as("credit's last good figures").isEqualTo(indicator(before, "LOAN_BALANCE"));
        });

        Map<String, String> away = new LinkedHashMap<>();
        gateway.post().uri("/api/v1/risk/alerts/evaluate?period=2022-09").exchange()
            .expectStatus().isOk()
            .expectBodyList(Map.class).value(list -> list.forEach(outcome -> away.put((String) outcome.get("rule"), (String) outcome.get("outcome"))));
        assertThat(away).containsEntry("NPL_RATIO_HIGH", "UNAVAILABLE").containsEntry("NPL_RATIO_RISE", "UNAVAILABLE")
            .as("the rules on risk's own data still run").containsEntry("IFR_LEAD_SCALE", "OK");
        assertThat(outcomes("2022-09")).containsEntry("NPL_RATIO_HIGH", "UNAVAILABLE").containsEntry("NPL_RATIO_RISE", "UNAVAILABLE");

        assertThat(launcher.start("credit-service")).as("credit-service started again").isZero();
        // risk-service is not restarted: its retry of UNAVAILABLE rules (every 5 s in this run) evaluates them again
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
            assertThat(outcomes("2022-09")).containsEntry("NPL_RATIO_HIGH", "OK").containsEntry("NPL_RATIO_RISE", "OK"));

        // credit answers again: OK, and a write through the gateway shows in the very next consolidated read
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
            assertThat(sources(json(gateway.get().uri("/api/v1/indicators?period=2022-09").exchange().expectStatus().isOk())).get(0))
                .containsEntry("status", "OK").containsEntry("servedFromCacheAt", null));
        BigDecimal loans = new BigDecimal(indicator(before, "LOAN_BALANCE").get("value").toString());
        gateway.put().uri("/api/v1/credit/reports/91361000SYSTEST01A/2022-09").contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"lines\": [{\"item\": \"DEPOSIT_BALANCE\", \"region\": \"361002\", \"value\": 1000.50}, {\"item\": \"LOAN_BALANCE\", \"region\": \"361002\", \"value\": 1900}]}")
            .exchange().expectStatus().isCreated();
        Map<String, Object> after = json(gateway.get().uri("/api/v1/indicators?period=2022-09").exchange().expectStatus().isOk());
        assertThat(new BigDecimal(indicator(after, "LOAN_BALANCE").get("value").toString()))
            .as("the bank's loans up by 1,000 yuan, read at once").isEqualByComparingTo(loans.add(new BigDecimal("1000")));
    }

    /** Each alert rule's outcome of its last evaluation for {@code period}, by rule code. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> outcomes(String period) {
        Map<String, String> outcomes = new LinkedHashMap<>();
        gateway.get().uri("/api/v1/risk/alert-rules").exchange()
            .expectStatus().isOk()
            .expectBodyList(Map.class).value(rules -> rules.forEach(rule -> ((List<Map<String, Object>>) rule.get("evaluations")).stream()
                .filter(evaluation -> period.equals(evaluation.get("period")))
                .forEach(evaluation -> outcomes.put((String) rule.get("code"), (String) evaluation.get("outcome")))));
        return outcomes;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> indicator(Map<String, Object> body, String code) {
        return ((List<Map<String, Object>>) body.get("indicators")).stream().filter(indicator -> code.equals(indicator.get("code")))
            .findFirst().orElseThrow(() -> new AssertionError("no indicator " + code + " in " + body.get("indicators")));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> sources(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("sources");
    }
}
