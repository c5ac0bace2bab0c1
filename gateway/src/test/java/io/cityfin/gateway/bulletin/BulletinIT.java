package io.cityfin.gateway.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.test.PopplerChecks;
import io.cityfin.common.test.TestIdentity;
import io.cityfin.common.test.WithOwnPostgres;
import io.cityfin.gateway.StubService;

/**
 * The bulletin on a real port, in front of five stub services answering the source document's 2022 figures (insurance
 * complete up to August only), with PostgreSQL: roles, the HTML's sentences and classes, the PDF through poppler-utils,
 * issuing, the issued bytes kept while the live bulletin marks a revised figure, a source slower than the portal's
 * fan-out timeout waited for (the bulletin's own source-timeout), and the refusals. A database of its
 * own: the bulletin keeps consolidated answers for many months and counties, which GatewayIT expects no one to have kept.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "cityfin.gateway.fan-out-timeout=2s", "cityfin.gateway.bulletin.source-timeout=8s",
                // every read asks the stubs, so a change of their figures shows at once
                "cityfin.gateway.indicator-cache.revalidate-after=0s",
                "cityfin.gateway.keys.admin-api-key=" + BulletinIT.ADMIN_KEY})
@AutoConfigureWebTestClient(timeout = "60s")
@WithOwnPostgres
class BulletinIT {

    static final String ADMIN_KEY = "cfk_bulletin-it-bootstrap-admin-key-00000000000";
    static final String DEPOSIT_SENTENCE = "9月末，全市各项存款余额3165.87亿元，较年初增加363.44亿元，增长12.97%";
    static final Map<String, StubService> SERVICES = new LinkedHashMap<>();
    /** Credit's city deposit balance, in yuan: 3165.87亿 until a test revises it. */
    static final AtomicReference<String> DEPOSITS = new AtomicReference<>("316587000000.00");

    /** Insurance has not completed September: its section steps back to August. */
    static final BiFunction<String, String, String> INSURANCE = (period, region) -> "[" + indicator("PREMIUM_TOTAL_YTD", "保费收入", "CNY",
            "FLOW", period.equals("2022-09") ? "4000000000.00" : "4752000000.00", null, null, null,
            String.valueOf(!period.equals("2022-09")), "insurance-service") + "]";

    static {
        for (String name : List.of("credit-service", "insurance-service", "capital-market-service", "platform-service", "risk-service")) {
            SERVICES.put(name, new StubService(name));
        }
        SERVICES.get("credit-service").answerIndicators((period, region) -> "[" + String.join(",",
                indicator("DEPOSIT_BALANCE", "各项存款余额", "CNY", "STOCK", region.equals("361000") ? DEPOSITS.get() : "10000000000.00",
                        "280243000000.00", "36344000000.00", region.equals("361002") ? "15.20" : region.equals("361000") ? "12.97" : "10.00",
                        "true", "credit-service"),
                indicator("LOAN_BALANCE", "各项贷款余额", "CNY", "STOCK", "292607000000.00", "258765000000.00", "33842000000.00",
                        "13.08", "true", "credit-service")) + "]");
        SERVICES.get("insurance-service").answerIndicators(INSURANCE);
        SERVICES.get("capital-market-service").answerIndicators((period, region) -> "[" + indicator("DIRECT_FINANCING_YTD", "直接融资规模",
                "CNY", "FLOW", "7236000000.00", null, null, null, null, "capital-market-service") + "]");
        SERVICES.get("platform-service").answerIndicators((period, region) -> "[" + indicator("PLATFORM_L1_COUNT", "政府融资平台一级公司数",
                "COUNT", "STOCK", "25", null, null, null, null, "platform-service") + "]");
        SERVICES.get("risk-service").answerIndicators((period, region) -> "[" + indicator("GUARANTEE_OUTSTANDING_BALANCE", "融资担保在保余额",
                "CNY", "STOCK", "9217000000.00", null, null, null, "true", "risk-service") + "]");
        SERVICES.get("credit-service").publishFigures("""
                [{"id":"f1","version":1,"status":"ACTIVE","indicator":"DEPOSIT_BALANCE","field":"growthSinceYearStartPct",
                  "period":"2022-09","region":"361000","value":9.12,"rounding":0.01,"printed":"9.12%","document":"2022年金融工作总结"},
                 {"id":"f2","version":1,"status":"ACTIVE","indicator":"LOAN_BALANCE","field":"growthSinceYearStartPct",
                  "period":"2022-09","region":"361000","value":13.084,"rounding":0.01,"printed":"13.08%","document":"2022年金融工作总结"}]""");
    }

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        SERVICES.forEach((name, stub) -> registry.add("cityfin.gateway.services." + name, stub::url));
        registry.add("cityfin.identity.signing-key", TestIdentity::privateKey);
        registry.add("cityfin.identity.key-id", () -> TestIdentity.KEY_ID);
    }

    @AfterEach
    void restoreFigures() {
        DEPOSITS.set("316587000000.00");
    }

    @AfterAll
    static void stopStubs() {
        SERVICES.values().forEach(StubService::stop);
    }

    @Test
    void givesAnAnalystTheMonthsBulletinAsHtml() {
        String analyst = key("ANALYST");

        WebTestClient.ResponseSpec answer = web.get().uri("/api/v1/bulletins/2022-09").header(HttpHeaders.AUTHORIZATION, "Bearer " + analyst)
                .exchange();

        answer.expectStatus().isOk()
                .expectHeader().contentType("text/html;charset=UTF-8")
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
        String html = new String(answer.expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
        String text = BulletinFixtures.text(html);
        assertThat(text).contains("抚州市2022年9月金融运行通报", DEPOSIT_SENTENCE)
                .contains("《2022年金融工作总结》刊载各项存款较年初增长9.12%，据数据应为12.97%")
                .doesNotContain("刊载各项贷款") // 13.084 against 13.08: within half of 0.01
                .contains("各项存款增速高于全市（12.97%）的有临川区（15.20%），共1个县（区）")
                .contains("9月数据尚未报齐，本节为8月末（累计数为1-8月）数据。", "1-8月，全市累计保费收入47.52亿元")
                .contains("政府融资平台一级公司数25");
        assertThat(html).contains("<article class=\"bulletin\">", "class=\"bulletin-section\"", "class=\"bulletin-corrections\"",
                        "class=\"period-note\"")
                .contains("href=\"/#lineage?service=credit&amp;code=DEPOSIT_BALANCE&amp;period=2022-09&amp;region=361000\"")
                .doesNotContain("<script");
    }

    @Test
    void waitsForASourceSlowerThanTheFanOutTimeoutWhereThePortalsAnswerDoesNot() {
        String analyst = key("ANALYST");
        // slower than the fan-out's 2 s, within the bulletin's source-timeout (8 s here); a month no other test reads
        SERVICES.get("credit-service").slowDown(Duration.ofMillis(2500));
        try {
            Map<String, Object> portal = web.get().uri("/api/v1/indicators?period=2022-05").header(HttpHeaders.AUTHORIZATION, "Bearer " + analyst)
                    .exchange().expectStatus().isOk()
                    .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
            assertThat(sourceStatus(portal, "credit-service")).isEqualTo("UNAVAILABLE");

            String text = BulletinFixtures.text(new String(web.get().uri("/api/v1/bulletins/2022-05")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + analyst).exchange().expectStatus().isOk()
                    .expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8));

            assertThat(text).contains("5月末，全市各项存款余额3165.87亿元").doesNotContain("暂不可用", "未能取得最新答复");
        } finally {
            SERVICES.get("credit-service").slowDown(Duration.ZERO);
        }
    }

    @Test
    void doesNotStepBackPastAMonthASourceGivesNoFiguresFor() {
        String analyst = key("ANALYST");
        // insurance: April incomplete, March failing (a 5xx), February complete; months no other test reads
        SERVICES.get("insurance-service").answerIndicators((period, region) -> {
            if (period.equals("2022-03")) {
                throw new IllegalStateException("insurance fails for 2022-03");
            }
            return "[" + indicator("PREMIUM_TOTAL_YTD", "保费收入", "CNY", "FLOW", "1200000000.00", null, null, null,
                    String.valueOf(!period.equals("2022-04")), "insurance-service") + "]";
        });
        try {
            String text = BulletinFixtures.text(new String(web.get().uri("/api/v1/bulletins/2022-04")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + analyst).exchange().expectStatus().isOk()
                    .expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8));

            // whether March was complete is unknown: April's figures, said incomplete, not February's
            assertThat(text).contains("4月数据尚未报齐，以下为已报送机构的数据。").doesNotContain("本节为2月末", "本节为3月末");
        } finally {
            SERVICES.get("insurance-service").answerIndicators(INSURANCE);
        }
    }

    @SuppressWarnings("unchecked")
    private static String sourceStatus(Map<String, Object> consolidated, String service) {
        return ((List<Map<String, Object>>) consolidated.get("sources")).stream().filter(source -> service.equals(source.get("service")))
                .map(source -> String.valueOf(source.get("status"))).findFirst().orElseThrow();
    }

    @Test
    void refusesEveryOtherRole() {
        String portal = key("PORTAL");
        String analyst = key("ANALYST");
        String submitter = issue("{\"label\": \"bank\", \"roles\": [\"SUBMITTER\"], \"institutionCode\": \"91361000BANKB0001X\"}");

        for (String refused : List.of(portal, submitter)) {
            for (String path : List.of("/api/v1/bulletins/2022-09", "/api/v1/bulletins/2022-09/issued", "/api/v1/bulletins/2022-09/issues",
                    "/api/v1/bulletins/2022-09/issues/1")) {
                web.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + refused).exchange()
                        .expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            }
        }
        for (String refused : List.of(portal, submitter, analyst)) {
            web.post().uri("/api/v1/bulletins/2022-09/issue").header(HttpHeaders.AUTHORIZATION, "Bearer " + refused).exchange()
                    .expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        web.get().uri("/api/v1/bulletins/2022-09").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void answersABadMonthRegionOrAcceptWithAProblem() {
        WebTestClient admin = admin();

        admin.get().uri("/api/v1/bulletins/2022-13").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].parameter").isEqualTo("period");
        admin.get().uri("/api/v1/bulletins/2022-Q3").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("PERIOD_NOT_MONTHLY");
        admin.get().uri("/api/v1/bulletins/2999-01").exchange().expectStatus().isBadRequest();
        admin.get().uri("/api/v1/bulletins/2022-09?region=999999").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].parameter").isEqualTo("region");
        admin.post().uri("/api/v1/bulletins/2022-09/issue?region=x").exchange().expectStatus().isBadRequest();
        admin.get().uri("/api/v1/bulletins/2022-09").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isEqualTo(406).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        admin.get().uri("/api/v1/bulletins/2022-09").header(HttpHeaders.ACCEPT, "application/problem+json").exchange()
                .expectStatus().isEqualTo(406);
        admin.get().uri("/api/v1/bulletins/2022-09").header(HttpHeaders.ACCEPT, "no/such;;type").exchange()
                .expectStatus().isEqualTo(406);
        admin.get().uri("/api/v1/bulletins/2021-03/issued?region=361030").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        admin.get().uri("/api/v1/bulletins/2021-03/issues?region=361030").exchange().expectStatus().isOk() // none: no 404
                .expectBody().json("[]");
        admin.get().uri("/api/v1/bulletins/2022-Q3/issues").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("PERIOD_NOT_MONTHLY");
    }

    @Test
    void keepsTheIssuedBulletinAsSentWhileTheLiveOneMarksTheRevisedFigure() throws Exception {
        WebTestClient admin = admin();

        Map<String, Object> first = issue(admin);
        Map<String, Object> issued = issue(admin);
        byte[] html = bytes(admin, "/api/v1/bulletins/2022-09/issued", MediaType.TEXT_HTML);
        byte[] pdf = bytes(admin, "/api/v1/bulletins/2022-09/issued", MediaType.APPLICATION_PDF);
        DEPOSITS.set("316687000000.00"); // a bank's corrected report: 3166.87亿

        assertThat(issued.get("number")).isEqualTo((Integer) first.get("number") + 1);
        assertThat(issued).containsEntry("period", "2022-09").containsEntry("region", "361000")
                .containsEntry("sha256Html", BulletinService.sha256(html)).containsEntry("sha256Pdf", BulletinService.sha256(pdf));
        assertThat(new String(html, StandardCharsets.UTF_8)).contains("第" + issued.get("number") + "期").doesNotContain("class=\"revised\"");
        assertThat(BulletinFixtures.text(new String(html, StandardCharsets.UTF_8))).contains(DEPOSIT_SENTENCE);
        assertThat(bytes(admin, "/api/v1/bulletins/2022-09/issued", MediaType.TEXT_HTML)).isEqualTo(html);
        assertThat(bytes(admin, "/api/v1/bulletins/2022-09/issued", MediaType.APPLICATION_PDF)).isEqualTo(pdf);
        assertThat(new String(bytes(admin, "/api/v1/bulletins/2022-09", MediaType.TEXT_HTML), StandardCharsets.UTF_8))
                .contains("3166.87</a>亿元<span class=\"revised\">（通报数3165.87亿元，修订为3166.87亿元）</span>");
        List<Map<String, Object>> issues = admin.get().uri("/api/v1/bulletins/2022-09/issues").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult().getResponseBody();
        assertThat(issues).extracting(listed -> listed.get("number")).startsWith(issued.get("number"), first.get("number"));
        assertThat(issues.get(0)).containsEntry("sha256Html", BulletinService.sha256(html)).containsEntry("sha256Pdf", BulletinService.sha256(pdf))
                .containsEntry("issuedAt", issued.get("issuedAt")).containsEntry("issuedBy", issued.get("issuedBy"));
        // every issue stays readable as sent, not only the latest
        assertThat(bytes(admin, "/api/v1/bulletins/2022-09/issues/" + issued.get("number"), MediaType.TEXT_HTML)).isEqualTo(html);
        byte[] firstHtml = bytes(admin, "/api/v1/bulletins/2022-09/issues/" + first.get("number"), MediaType.TEXT_HTML);
        assertThat(BulletinService.sha256(firstHtml)).isEqualTo(first.get("sha256Html"));
        assertThat(new String(firstHtml, StandardCharsets.UTF_8)).contains("第" + first.get("number") + "期");
        assertThat(BulletinService.sha256(bytes(admin, "/api/v1/bulletins/2022-09/issues/" + first.get("number"), MediaType.APPLICATION_PDF)))
                .isEqualTo(first.get("sha256Pdf"));
        for (String malformed : List.of("0", "abc", "-1", "1234567890")) {
            admin.get().uri("/api/v1/bulletins/2022-09/issues/" + malformed).exchange().expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].parameter").isEqualTo("number").jsonPath("$.errors[0].code").isEqualTo("INVALID_NUMBER");
        }
        admin.get().uri("/api/v1/bulletins/2022-09/issues/999999").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static Map<String, Object> issue(WebTestClient admin) {
        return admin.post().uri("/api/v1/bulletins/2022-09/issue").exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/api/v1/bulletins/2022-09/issued?region=361000")
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
    }

    @Test
    void writesThePdfWithAnEmbeddedCjkFontThatPopplerReadsAndRenders() throws Exception {
        byte[] pdf = bytes(admin(), "/api/v1/bulletins/2022-09", MediaType.APPLICATION_PDF);

        PopplerChecks.assertEmbedsReadsAndRenders(pdf, Path.of("target", "bulletin-pdf"), "bulletin-2022-09.pdf", "WenQuanYi",
                DEPOSIT_SENTENCE);
    }

    private byte[] bytes(WebTestClient client, String path, MediaType type) {
        return client.get().uri(path).accept(type).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(type)
                .expectBody().returnResult().getResponseBodyContent();
    }

    private WebTestClient admin() {
        return web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY).build();
    }

    private String key(String role) {
        return issue("{\"label\": \"bulletin " + role + "\", \"roles\": [\"" + role + "\"]}");
    }

    private String issue(String json) {
        Map<String, Object> issued = admin().post().uri("/api/v1/admin/api-keys").contentType(MediaType.APPLICATION_JSON).bodyValue(json)
                .exchange().expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        return (String) issued.get("key");
    }

    /** One indicator of the contract, every member present ({@code null} where not given). */
    private static String indicator(String code, String nameZh, String unit, String kind, String value, String yearStart, String change,
                                    String growth, String complete, String service) {
        boolean records = complete == null;
        return """
                {"code":"%s","nameZh":"%s","nameEn":"%s","unit":"%s","kind":"%s","value":%s,"yearStartValue":%s,
                 "changeSinceYearStart":%s,"growthSinceYearStartPct":%s,"previousYearValue":null,"yoyChange":null,
                 "yoyPct":%s,"target":null,"targetProgressPct":null,"onTrack":null,"reportingInstitutions":%s,
                 "expectedInstitutions":%s,"complete":%s,"suppressed":false,"source":"%s"}"""
                .formatted(code, nameZh, code, unit, kind, value, yearStart, change, growth, kind.equals("FLOW") && !records ? "10.20" : "null",
                        records ? "null" : "30", records ? "null" : "31", records ? "null" : complete, service);
    }
}
