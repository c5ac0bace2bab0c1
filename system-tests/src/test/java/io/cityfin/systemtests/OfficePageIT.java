package io.cityfin.systemtests;

import static io.cityfin.systemtests.RunningPlatform.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The office page in a real browser (Debian's chromium through Selenium) on the packaged platform with demo data,
 * ports 18120–18125: a key typed once, the overview's deposits for 2022-09 with the published figure beside them, the
 * counties chart, a PORTAL key's suppressed county, a change of period, the bulletin, the lineage of deposits (reports)
 * and of fund investments (records, each with its fund), the insurer missing from 2022-09
 * in the completeness view, every view at 1366×768 and 390×844 with no horizontal scrolling and a screenshot in
 * {@code target/screenshots/}, no console error anywhere, and last an issued bulletin that a bank's correction leaves
 * as it was while the live one marks the revised figure.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OfficePageIT {

    private static final int PORT_BASE = 18120;

    private static final String PERIOD = "2022-09";

    /** The views and the route each is shown at. */
    private static final Map<String, String> VIEWS = new LinkedHashMap<>();

    static {
        VIEWS.put("overview", "overview");
        VIEWS.put("trends", "trends?code=DEPOSIT_BALANCE");
        VIEWS.put("counties", "counties?code=LOAN_BALANCE");
        VIEWS.put("completeness", "completeness");
        VIEWS.put("review", "review");
        VIEWS.put("corrections", "corrections");
        VIEWS.put("bulletin", "bulletin");
        VIEWS.put("lineage", "lineage?service=credit&code=DEPOSIT_BALANCE&period=2022-09&region=361000");
    }

    private static final List<String> COUNTIES = List.of("361002", "361003", "361021", "361022", "361023", "361024",
            "361025", "361026", "361027", "361028", "361030", "361090");

    /** The deposit sentence of the 2022-09 city bulletin, as the issue gives it. */
    private static final String DEPOSIT_SENTENCE = "9月末，全市各项存款余额3165.87亿元，较年初增加363.44亿元，增长12.97%";

    private static final JsonMapper EXACT = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** Kept when a test fails: the apps' logs are in {@code logs/}. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path data;

    private static RunningPlatform platform;

    private static WebTestClient admin;

    private static OfficeBrowser browser;

    @BeforeAll
    static void startThePlatformAndTheBrowser() {
        // a generous start: this test runs beside other builds on a shared machine
        platform = RunningPlatform.start(data, PORT_BASE, Map.of("CITYFIN_START_TIMEOUT_SECONDS", "600"));
        admin = platform.gateway();
        browser = new OfficeBrowser(platform.gatewayUrl());
    }

    @AfterAll
    static void stopThem() {
        if (browser != null) {
            browser.close();
        }
        if (platform != null) {
            platform.stop();
        }
    }

    @AfterEach
    void noConsoleErrors() {
        assertThat(browser.consoleErrors()).as("console errors").isEmpty();
    }

    @Test
    @Order(1)
    void theKeyIsTypedOnceAndKeptInTheTabsSessionStorageOnly() {
        browser.viewport(1366, 768);
        browser.open("overview");
        browser.waitForState("key");
        assertThat(browser.find("#key-panel").isDisplayed()).isTrue();
        assertThat(browser.find("#view").isDisplayed()).isFalse();

        signIn(platform.adminKey());

        assertThat(browser.script("return sessionStorage.getItem('cityfin.apiKey')")).isEqualTo(platform.adminKey());
        assertThat(browser.script("return localStorage.length")).isEqualTo(0L);
        assertThat(browser.driver().getCurrentUrl()).doesNotContain(platform.adminKey());
        // a reload keeps the key for the tab: no second prompt
        browser.driver().navigate().refresh();
        browser.waitUntilReady();
        assertThat(browser.find("#key-panel").isDisplayed()).isFalse();
        assertThat(browser.findAll(".card")).hasSize(5);
    }

    @Test
    @Order(2)
    void theOverviewOf2022_09ShowsDepositsWithThePublishedGrowthBeside() {
        browser.go("overview");

        WebElement deposits = browser.find(".card[data-service='credit-service'] .ind[data-code='DEPOSIT_BALANCE']");
        // 3165.87亿 at 2022-09 against 2802.43亿 at 2021-12 (data-standard.md): +363.44亿, 363.44 / 2802.43 = 12.97%
        assertThat(deposits.findElement(org.openqa.selenium.By.cssSelector(".value")).getText()).isEqualTo("3165.87亿元");
        assertThat(deposits.getText()).contains("+363.44亿元").contains("+12.97%");
        // the 2022 summary printed 9.12% (reporting.yaml's rule for published figures): it differs by more than 0.005
        assertThat(deposits.findElement(org.openqa.selenium.By.cssSelector(".published[data-field='growthSinceYearStartPct']")).getText())
            .isEqualTo("刊载 9.12%");
        assertThat(browser.findAll(".card .status")).extracting(e -> e.getAttribute("data-status"))
            .containsOnly("OK").hasSize(5);
        assertThat(browser.find(".elapsed").getText()).contains("74.79%");
    }

    @Test
    @Order(3)
    void theCountiesChartHasOneBarPerCountyThatReports() {
        List<String> reporting = new ArrayList<>();
        for (String county : COUNTIES) {
            Map<String, Object> loans = indicator(admin, "credit", county, "LOAN_BALANCE");
            if (loans != null && loans.get("value") != null) {
                reporting.add(county);
            }
        }
        assertThat(reporting).isNotEmpty();

        browser.go("counties?code=LOAN_BALANCE");

        assertThat(barCount()).isEqualTo(reporting.size());
        assertThat(browser.findAll("#county-list li[data-state='reported']")).extracting(e -> e.getAttribute("data-region"))
            .containsExactlyInAnyOrderElementsOf(reporting);
        assertThat(browser.find("#county-chart").getAttribute("data-bars")).isEqualTo(Integer.toString(reporting.size()));
    }

    @Test
    @Order(4)
    void aPortalKeySeesTheCountyTheDemoDataSuppressesAsSuppressed() {
        String portalKey = (String) json(admin.post().uri("/api/v1/admin/api-keys").contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"label\": \"OfficePageIT portal\", \"roles\": [\"PORTAL\"]}")
            .exchange().expectStatus().isCreated()).get("key");
        WebTestClient portal = platform.withKey(portalKey);
        // the first county figure disclosure control withholds from PORTAL (an ADMIN sees its value), services in order
        String code = null;
        String county = null;
        for (String segment : List.of("credit", "insurance", "capital-market", "platform", "risk")) {
            for (String region : COUNTIES) {
                if (county != null) {
                    break;
                }
                for (Map<String, Object> figure : indicators(portal, segment, region)) {
                    if (county == null && Boolean.TRUE.equals(figure.get("suppressed"))) {
                        Map<String, Object> staff = indicator(admin, segment, region, (String) figure.get("code"));
                        if (staff != null && staff.get("value") != null) {
                            code = (String) figure.get("code");
                            county = region;
                        }
                    }
                }
            }
        }
        assertThat(county).as("a county the demo data suppresses for PORTAL").isNotNull();

        browser.signOut();
        signIn(portalKey);
        browser.go("counties?code=" + code);

        WebElement suppressed = browser.find("#county-list li[data-region='" + county + "']");
        assertThat(suppressed.getAttribute("data-state")).isEqualTo("suppressed");
        assertThat(suppressed.getText()).contains("不予披露（少于3家机构）");
        assertThat(browser.findAll("#county-list li[data-state='reported']")).extracting(e -> e.getAttribute("data-region"))
            .doesNotContain(county);
        browser.screenshot("counties-portal-1366x768");

        browser.signOut();
        signIn(platform.adminKey());
    }

    @Test
    @Order(5)
    void changingThePeriodChangesTheFigures() {
        browser.go("overview");
        String before = browser.find(".ind[data-code='DEPOSIT_BALANCE'] .value").getText();

        browser.andWait(() -> new Select(browser.find("#period-year")).selectByValue("2021"));
        browser.andWait(() -> new Select(browser.find("#period-month")).selectByValue("12"));

        // deposits at 2021-12: 2802.43亿 (data-standard.md, demo data)
        assertThat(before).isEqualTo("3165.87亿元");
        assertThat(browser.find(".ind[data-code='DEPOSIT_BALANCE'] .value").getText()).isEqualTo("2802.43亿元");
        assertThat(browser.find(".view-head h2").getText()).contains("2021-12");

        browser.andWait(() -> new Select(browser.find("#period-year")).selectByValue("2022"));
        browser.andWait(() -> new Select(browser.find("#period-month")).selectByValue("09"));
        assertThat(browser.find(".ind[data-code='DEPOSIT_BALANCE'] .value").getText()).isEqualTo("3165.87亿元");
    }

    @Test
    @Order(6)
    void theLanguageSwitchesToEnglishAndBack() {
        browser.go("overview");
        browser.andWait(() -> browser.find("#lang-toggle").click());
        assertThat(browser.find("#nav-overview").getText()).isEqualTo("Overview");
        assertThat(browser.script("return sessionStorage.getItem('cityfin.lang')")).isEqualTo("en");
        browser.andWait(() -> browser.find("#lang-toggle").click());
        assertThat(browser.find("#nav-overview").getText()).isEqualTo("总览");
    }

    @Test
    @Order(7)
    void theBulletinsDepositSentenceReadsAsTheOfficeWritesIt() {
        browser.go("bulletin");

        assertThat(browser.findAll("#view-error")).isEmpty();
        assertThat(browser.compactText("#bulletin-live article.bulletin")).contains(DEPOSIT_SENTENCE);
        // the page imports the article only: no style or script element of the bulletin's reaches the page
        assertThat(browser.script("return document.querySelectorAll('#view style, #view script, #view [style]').length")).isEqualTo(0L);
        assertThat(browser.findAll("#bulletin-live a.fig")).isNotEmpty()
            .allSatisfy(link -> assertThat(link.getAttribute("href")).contains("/#lineage?"));
    }

    @Test
    @Order(13)
    void theBulletinListsEveryIssueAndOpensTheFirstOneAsIssuedWithItsPdf() throws Exception {
        browser.viewport(1366, 768);
        browser.go("bulletin");
        for (int i = 0; i < 2 && issuesOf2022_09().size() < 2; i++) {
            browser.andWait(() -> browser.find("#bulletin-issue").click());
        }
        JsonNode issues = issuesOf2022_09();
        List<String> numbers = new ArrayList<>();
        issues.forEach(issue -> numbers.add(Integer.toString(issue.get("number").asInt())));
        assertThat(numbers).as("issues, newest first").hasSizeGreaterThanOrEqualTo(2).endsWith("1");

        // every issue listed, newest first, each with a link to its HTML and a button for its PDF
        List<WebElement> rows = browser.findAll("#bulletin-issues tbody tr");
        assertThat(rows).extracting(row -> row.getAttribute("data-number")).containsExactlyElementsOf(numbers);
        for (int i = 0; i < rows.size(); i++) {
            WebElement row = rows.get(i);
            assertThat(row.getText()).contains("第 " + numbers.get(i) + " 期").contains(issues.get(i).get("issuedBy").asString());
            assertThat(row.findElement(org.openqa.selenium.By.cssSelector("a.issue-html")).getAttribute("href"))
                .endsWith("#bulletin?issue=" + numbers.get(i));
            assertThat(row.findElements(org.openqa.selenium.By.cssSelector("button.issue-pdf"))).hasSize(1);
        }
        // the latest is shown until another is asked for
        assertThat(browser.find("#bulletin-issued").getAttribute("data-number")).isEqualTo(numbers.get(0));
        assertThat(browser.compactText("#bulletin-issued article.bulletin")).contains("第" + numbers.get(0) + "期");

        browser.andWait(() -> browser.find("#bulletin-issues tr[data-number='1'] a.issue-html").click());

        assertThat(browser.driver().getCurrentUrl()).endsWith("#bulletin?issue=1");
        assertThat(browser.find("#bulletin-issued").getAttribute("data-number")).isEqualTo("1");
        assertThat(browser.find("#bulletin-issues tr.shown").getAttribute("data-number")).isEqualTo("1");
        byte[] firstHtml = admin.get().uri("/api/v1/bulletins/" + PERIOD + "/issues/1").accept(MediaType.TEXT_HTML).exchange()
            .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(browser.compactText("#bulletin-issued article.bulletin")).contains("第1期")
            .isEqualTo(articleText(new String(firstHtml, java.nio.charset.StandardCharsets.UTF_8)));

        // its PDF, fetched with the key and saved from a Blob: the bytes issued, by the list's SHA-256
        browser.script("window.cityfinBlobs = []; window.cityfinCreate = URL.createObjectURL;"
            + " URL.createObjectURL = (blob) => { window.cityfinBlobs.push(blob); return window.cityfinCreate.call(URL, blob); };");
        browser.find("#bulletin-issues tr[data-number='1'] button.issue-pdf").click();
        browser.waitUntil("return window.cityfinBlobs.length > 0");
        Object saved = browser.asyncScript("const done = arguments[arguments.length - 1]; const blob = window.cityfinBlobs[0];"
            + " URL.createObjectURL = window.cityfinCreate;"
            + " blob.arrayBuffer().then((bytes) => crypto.subtle.digest('SHA-256', bytes)).then((hash) =>"
            + " done(blob.type + ' ' + Array.from(new Uint8Array(hash)).map((b) => b.toString(16).padStart(2, '0')).join('')),"
            + " (error) => done(String(error)));");
        assertThat((String) saved).isEqualToIgnoringCase("application/pdf " + issues.get(numbers.size() - 1).get("sha256Pdf").asString());
        assertThat(browser.findAll("#view-error")).isEmpty();
        browser.screenshot("bulletin-issues-1366x768");

        browser.viewport(390, 844);
        browser.go("bulletin?issue=1");
        assertThat((Boolean) browser.script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
            .as("the issues at phone width scroll sideways").isTrue();
        assertThat(browser.find("#bulletin-issues").isDisplayed()).isTrue();
        browser.screenshot("bulletin-issues-390x844");
        browser.viewport(1366, 768);
    }

    @Test
    @Order(14)
    void theRegionsAreTheGatewaysListAskedOncePerPageLoad() throws Exception {
        JsonNode regions = EXACT.readTree(admin.get().uri("/api/v1/regions").exchange().expectStatus().isOk()
            .expectBody(String.class).returnResult().getResponseBody());
        List<String> codes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        regions.forEach(region -> {
            codes.add(region.get("code").asString());
            names.add(region.get("nameZh").asString());
        });
        assertThat(codes.get(0)).isEqualTo("361000");
        assertThat(codes.subList(1, codes.size())).containsExactlyElementsOf(COUNTIES);

        browser.open("overview");
        browser.waitUntilReady();
        browser.go("counties?code=LOAN_BALANCE");
        browser.go("lineage?service=credit&code=DEPOSIT_BALANCE&period=2022-09&region=361000");

        List<WebElement> options = browser.findAll("#lineage-form select[name='region'] option");
        assertThat(options).extracting(option -> option.getAttribute("value")).containsExactlyElementsOf(codes);
        assertThat(options).extracting(WebElement::getText).containsExactlyElementsOf(names);
        assertThat(browser.script("return performance.getEntriesByType('resource')"
            + ".filter((entry) => new URL(entry.name).pathname === '/api/v1/regions').length")).isEqualTo(1L);
    }

    /** The 2022-09 city bulletin's issues as the API lists them, newest first. */
    private static JsonNode issuesOf2022_09() {
        return EXACT.readTree(admin.get().uri("/api/v1/bulletins/" + PERIOD + "/issues").exchange().expectStatus().isOk()
            .expectBody(String.class).returnResult().getResponseBody());
    }

    /** The text of a bulletin's article as the page shows it: tags dropped, entities read, whitespace removed. */
    private static String articleText(String html) {
        String article = html.substring(html.indexOf("<article"), html.lastIndexOf("</article>"));
        String text = article.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
            .replace("&#39;", "'").replace("&amp;", "&");
        return text.replaceAll("(?U)\\s+", "");
    }

    @Test
    @Order(8)
    void theLineageOfDepositsListsTheReportsBehindIt() {
        browser.go("lineage?service=credit&code=DEPOSIT_BALANCE&period=2022-09&region=361000");

        assertThat(browser.findAll("#view-error")).isEmpty();
        assertThat(browser.find(".lineage-node .lineage-value").getText()).contains("3165.87亿元");
        assertThat(browser.findAll(".lineage-node table tbody tr")).isNotEmpty();
    }

    @Test
    @Order(9)
    void theLineageOfFundInvestmentsListsEachInvestmentWithTheFundItWasReadWith() {
        browser.go("lineage?service=capital-market&code=PRIVATE_FUND_INVESTMENT_YTD&period=2022-09&region=361000");

        assertThat(browser.findAll("#view-error")).as(errorText()).isEmpty();
        List<WebElement> investments = browser.findAll(".lineage-node table tbody tr");
        assertThat(investments).isNotEmpty().allSatisfy(row -> assertThat(row.getText()).contains("fund-investments"));
        assertThat(browser.findAll(".lineage-node table tbody tr ul.joined li")).hasSameSizeAs(investments)
                .allSatisfy(fund -> assertThat(fund.getText()).startsWith("private-funds · "));
    }

    @Test
    @Order(10)
    void theCompletenessViewListsTheInsurerThatHasNotReported2022_09() {
        browser.go("completeness");

        assertThat(browser.findAll("#view-error")).as(errorText()).isEmpty();
        assertThat(browser.find(".view-head h2").getText()).contains(PERIOD);
        // the demo's insurance 2022-09 lacks 新华人寿's report (the source document stops insurance's premiums at 8月末)
        List<WebElement> missing = browser.findAll(".card[data-service='insurance-service'] ul.missing li");
        assertThat(missing).hasSize(1);
        assertThat(missing.get(0).getText()).contains("新华人寿保险股份有限公司抚州中心支公司", "91361000DEMOINSLI04");
        assertThat(browser.find(".card[data-service='insurance-service'] .counts").getText())
            .contains("应报 17").contains("已报 16").contains("未报 1");
        assertThat(browser.findAll(".card[data-service='credit-service'] ul.missing li")).as("every demo bank reported 2022-09").isEmpty();
    }

    @Test
    @Order(11)
    void everyViewAtBothSizesFitsTheWidthShowsItsCardsAndChartsAndIsKept() {
        for (int[] size : new int[][] {{1366, 768}, {390, 844}}) {
            browser.viewport(size[0], size[1]);
            for (Map.Entry<String, String> view : VIEWS.entrySet()) {
                browser.go(view.getValue());
                String name = view.getKey() + "-" + size[0] + "x" + size[1];

                assertThat(browser.findAll("#view-error")).as(name + ": " + errorText()).isEmpty();
                assertThat((Boolean) browser.script("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
                    .as(name + " scrolls sideways").isTrue();
                for (WebElement card : browser.findAll(".card")) {
                    assertThat(card.isDisplayed()).as(name + " card").isTrue();
                    assertThat(card.getRect().getWidth()).as(name + " card width").isPositive().isLessThanOrEqualTo(size[0]);
                }
                for (WebElement chart : browser.findAll(".chart")) {
                    assertThat(chart.isDisplayed()).as(name + " chart").isTrue();
                    assertThat(chart.getRect().getHeight()).as(name + " chart height").isGreaterThan(100);
                    assertThat(chart.findElements(org.openqa.selenium.By.tagName("canvas"))).as(name + " chart canvas").isNotEmpty();
                }
                if (view.getKey().equals("overview") || view.getKey().equals("completeness")) {
                    assertThat(browser.findAll(".card")).as(name).isNotEmpty();
                }
                if (view.getKey().equals("trends") || view.getKey().equals("counties")) {
                    assertThat(browser.findAll(".chart")).as(name).hasSize(1);
                }
                browser.screenshot(name);
            }
        }
        browser.viewport(1366, 768);
    }

    @Test
    @Order(12)
    void anIssuedBulletinIsUnchangedByACorrectionWhileTheLiveOneMarksTheRevisedFigure() throws Exception {
        browser.go("bulletin");
        browser.andWait(() -> browser.find("#bulletin-issue").click());
        String issued = browser.compactText("#bulletin-issued article.bulletin");
        assertThat(issued).contains(DEPOSIT_SENTENCE);

        // a bank corrects its 2022-09 report: its first deposit line up by 10亿 (1,000,000,000 yuan)
        Map<String, Object> submissions = json(admin.get().uri("/api/v1/credit/submissions?period=" + PERIOD).exchange().expectStatus().isOk());
        String bank = null;
        JsonNode report = null;
        for (Object row : (List<?>) submissions.get("institutions")) {
            Map<?, ?> submission = (Map<?, ?>) row;
            if (bank == null && "SUBMITTED".equals(submission.get("status"))) {
                JsonNode candidate = EXACT.readTree(admin.get().uri("/api/v1/credit/reports/" + submission.get("institutionCode") + "/" + PERIOD)
                    .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
                for (JsonNode line : candidate.get("lines")) {
                    if ("DEPOSIT_BALANCE".equals(line.get("item").asString())) {
                        bank = (String) submission.get("institutionCode");
                        report = candidate;
                    }
                }
            }
        }
        assertThat(bank).as("a bank with a deposit line in 2022-09").isNotNull();
        StringBuilder lines = new StringBuilder();
        boolean raised = false;
        for (JsonNode line : report.get("lines")) {
            BigDecimal value = line.get("value").decimalValue();
            if (!raised && "DEPOSIT_BALANCE".equals(line.get("item").asString())) {
                value = value.add(new BigDecimal("1000000000"));
                raised = true;
            }
            lines.append(lines.isEmpty() ? "" : ", ").append("{\"item\": \"").append(line.get("item").asString())
                .append("\", \"region\": \"").append(line.get("region").asString())
                .append("\", \"value\": ").append(value.toPlainString()).append('}');
        }
        admin.put().uri("/api/v1/credit/reports/" + bank + "/" + PERIOD).contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"lines\": [" + lines + "]}")
            .exchange().expectStatus().isCreated();

        browser.go("overview");
        // 3165.87亿 + 10亿
        assertThat(browser.find(".ind[data-code='DEPOSIT_BALANCE'] .value").getText()).isEqualTo("3175.87亿元");
        browser.go("bulletin");

        assertThat(browser.compactText("#bulletin-issued article.bulletin")).isEqualTo(issued);
        List<String> revised = browser.findAll("#bulletin-live .revised").stream().map(WebElement::getText).toList();
        assertThat(revised).anySatisfy(text -> assertThat(text).contains("通报数").contains("3165.87").contains("修订为").contains("3175.87"));
        browser.screenshot("bulletin-revised-1366x768");
    }

    private static void signIn(String key) {
        browser.waitForState("key");
        assertThat(browser.find("#key-panel").isDisplayed()).isTrue();
        browser.find("#key-input").sendKeys(key);
        browser.andWait(() -> browser.find("#key-submit").click());
        assertThat(browser.find("#key-panel").isDisplayed()).isFalse();
    }

    private static long barCount() {
        return (Long) browser.script("return echarts.getInstanceByDom(document.getElementById('county-chart')).getOption().series[0].data.length");
    }

    private static String errorText() {
        List<WebElement> errors = browser.findAll("#view-error");
        return errors.isEmpty() ? "" : errors.get(0).getText();
    }

    /** One indicator of a service for a region in 2022-09 as key's caller sees it; null when the service has no such code. */
    private static Map<String, Object> indicator(WebTestClient key, String segment, String region, String code) {
        return indicators(key, segment, region).stream().filter(figure -> code.equals(figure.get("code"))).findFirst().orElse(null);
    }

    /** A service's indicators for a region in 2022-09 as key's caller sees them. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> indicators(WebTestClient key, String segment, String region) {
        Map<String, Object> set = json(key.get().uri("/api/v1/" + segment + "/indicators?period=" + PERIOD + "&region=" + region)
            .exchange().expectStatus().isOk());
        return ((List<?>) set.get("indicators")).stream().map(indicator -> (Map<String, Object>) indicator).toList();
    }
}
