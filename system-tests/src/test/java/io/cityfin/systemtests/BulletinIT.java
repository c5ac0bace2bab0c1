package io.cityfin.systemtests;

import static io.cityfin.systemtests.RunningPlatform.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.cityfin.common.test.PopplerChecks;

/**
 * The monthly bulletin on the packaged platform with demo data: the 2022-09 bulletin's deposit sentence exactly as the
 * source document's figures give it, the published 9.12% it corrects to 12.97%, its 保险 section stepping back to 1–8月
 * (insurance's 2022-09 lacks 新华人寿's report, as the document stops insurance's premiums at 8月末) while 金融运行 stays
 * at 9月末, the PDF read back by poppler-utils, and an issued bulletin kept byte for byte through an ADMIN's correction
 * of a bank's report while the live one marks the revised deposit figure.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BulletinIT {

    private static final int PORT_BASE = 18130;
    private static final String DEPOSIT_SENTENCE = "9月末，全市各项存款余额3165.87亿元，较年初增加363.44亿元，增长12.97%";
    private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path data;

    private static RunningPlatform platform;
    private static WebTestClient gateway;

    @BeforeAll
    static void startThePlatform() {
        // Freshly started apps on a shared 2-core machine (C1 only) can take more than the portal's 2 s fan-out timeout
        // for their first answers; the bulletin waits for each its own source-timeout (10 s by default), so the product's
        // defaults are what this test reads through. The apps of several concurrent runs may take more than 180 s to be ready.
        platform = RunningPlatform.start(data, PORT_BASE, Map.of("CITYFIN_START_TIMEOUT_SECONDS", "480"));
        // a bulletin asks the consolidated endpoint for the month, earlier months and each county: more than 15 s cold
        gateway = platform.gateway().mutate().responseTimeout(Duration.ofSeconds(120)).build();
        Awaitility.await("every source answers the consolidated indicators of 2022-09").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    String answer = gateway.get().uri("/api/v1/indicators?period=2022-09").exchange()
                            .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
                    JsonNode sources = JSON.readTree(answer).get("sources");
                    return sources.size() == 5 && java.util.stream.StreamSupport.stream(sources.spliterator(), false)
                            .allMatch(source -> "OK".equals(source.get("status").asString()));
                });
    }

    @AfterAll
    static void stopThePlatform() {
        if (platform != null) {
            platform.stop();
        }
    }

    @Test
    @Order(1)
    void writesTheSeptemberBulletinWithItsDepositSentenceAndTheFigureItCorrects() {
        String html = html(gateway, "/api/v1/bulletins/2022-09");

        assertThat(text(html)).contains("抚州市2022年9月金融运行通报", DEPOSIT_SENTENCE)
                .contains("《2022年金融工作总结》刊载各项存款较年初增长9.12%，据数据应为12.97%");
        assertThat(html).contains("<article class=\"bulletin\">", "class=\"bulletin-corrections\"")
                .contains("href=\"/#lineage?service=credit&amp;code=DEPOSIT_BALANCE&amp;period=2022-09&amp;region=361000\"")
                .doesNotContain("<script");
    }

    @Test
    @Order(2)
    void writesTheInsuranceSectionFromAugustWhoseReportsAreAllInAndSaysSoWhileCreditStaysAtSeptember() {
        String html = html(gateway, "/api/v1/bulletins/2022-09");
        String credit = section(html, "一、金融运行");
        String insurance = section(html, "二、保险");
        // 8月末，全市累计实现保费收入47.51亿元……其中，财险实现保费收入20.75亿元，同比增长22.66%……人身险实现保费收入26.77亿元，
        // 同比增长2.16% (seed 56-61): the total of the printed parts is 47.52 (C7), what the data gives
        BigDecimal premiumTotal = new BigDecimal("20.75").add(new BigDecimal("26.77"));

        assertThat(text(credit)).contains(DEPOSIT_SENTENCE).doesNotContain("尚未报齐", "8月末", "1-8月");
        assertThat(text(insurance))
                .contains("9月数据尚未报齐，本节为8月末（累计数为1-8月）数据。")
                .contains("1-8月，全市累计")
                .contains("财产险保费收入20.75亿元，同比增长22.66%", "人身险保费收入26.77亿元，同比增长2.16%")
                .contains("保费收入" + premiumTotal.toPlainString() + "亿元，同比增长10.20%")
                .doesNotContain("9月末", "1-9月");
        assertThat(insurance).contains("href=\"/#lineage?service=insurance&amp;code=PREMIUM_TOTAL_YTD&amp;period=2022-08&amp;region=361000\"")
                .doesNotContain("period=2022-09");
        assertThat(credit).contains("href=\"/#lineage?service=credit&amp;code=DEPOSIT_BALANCE&amp;period=2022-09&amp;region=361000\"");
        // why: insurance's 2022-09 is incomplete, 新华人寿 has not reported it
        JsonNode submissions = JSON.readTree(gateway.get().uri("/api/v1/insurance/submissions?period=2022-09").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        List<String> missing = new ArrayList<>();
        submissions.get("institutions").forEach(row -> {
            if (!"SUBMITTED".equals(row.get("status").asString())) {
                missing.add(row.get("institutionName").asString());
            }
        });
        assertThat(missing).containsExactly("新华人寿保险股份有限公司抚州中心支公司");
    }

    @Test
    @Order(3)
    void writesThePdfWithAnEmbeddedCjkFontThatPopplerReadsAndRenders() throws Exception {
        byte[] pdf = bytes(gateway, "/api/v1/bulletins/2022-09", MediaType.APPLICATION_PDF);

        PopplerChecks.assertEmbedsReadsAndRenders(pdf, Path.of("target", "bulletin-pdf"), "bulletin-2022-09.pdf", "WenQuanYi",
                DEPOSIT_SENTENCE);
    }

    @Test
    @Order(4)
    void keepsTheIssuedBulletinAsSentThroughABanksCorrectionWhileTheLiveOneMarksIt() throws Exception {
        Map<String, Object> issued = json(gateway.post().uri("/api/v1/bulletins/2022-09/issue").exchange().expectStatus().isCreated());
        byte[] html = bytes(gateway, "/api/v1/bulletins/2022-09/issued", MediaType.TEXT_HTML);
        byte[] pdf = bytes(gateway, "/api/v1/bulletins/2022-09/issued", MediaType.APPLICATION_PDF);

        correctOneBanksDeposits(new BigDecimal("100000000")); // +1亿: 3165.87亿 becomes 3166.87亿

        assertThat(issued).containsEntry("period", "2022-09").containsEntry("region", "361000");
        assertThat((Integer) issued.get("number")).isPositive();
        assertThat(text(new String(html, StandardCharsets.UTF_8))).contains(DEPOSIT_SENTENCE);
        assertThat(bytes(gateway, "/api/v1/bulletins/2022-09/issued", MediaType.TEXT_HTML)).isEqualTo(html);
        assertThat(bytes(gateway, "/api/v1/bulletins/2022-09/issued", MediaType.APPLICATION_PDF)).isEqualTo(pdf);
        assertThat(html(gateway, "/api/v1/bulletins/2022-09"))
                .contains("3166.87</a>亿元<span class=\"revised\">（通报数3165.87亿元，修订为3166.87亿元）</span>");
    }

    /** An ADMIN puts a new version of the first submitted bank's 2022-09 report with one deposit line raised. */
    private static void correctOneBanksDeposits(BigDecimal by) {
        JsonNode submissions = JSON.readTree(gateway.get().uri("/api/v1/credit/submissions?period=2022-09").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        for (JsonNode row : submissions.get("institutions")) {
            if (!"SUBMITTED".equals(row.get("status").asString())) {
                continue;
            }
            String report = "/api/v1/credit/reports/" + row.get("institutionCode").asString() + "/2022-09";
            JsonNode lines = JSON.readTree(gateway.get().uri(report).exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody()).get("lines");
            List<String> corrected = new ArrayList<>();
            boolean raised = false;
            for (JsonNode line : lines) {
                BigDecimal value = line.get("value").decimalValue();
                if (!raised && "DEPOSIT_BALANCE".equals(line.get("item").asString())) {
                    value = value.add(by);
                    raised = true;
                }
                corrected.add("{\"item\":\"" + line.get("item").asString() + "\",\"region\":\"" + line.get("region").asString()
                        + "\",\"value\":" + value.toPlainString() + "}");
            }
            if (raised) {
                gateway.put().uri(report).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"lines\":[" + String.join(",", corrected) + "]}")
                        .exchange().expectStatus().isCreated();
                return;
            }
        }
        throw new AssertionError("no bank reported deposits for 2022-09");
    }

    private static String html(WebTestClient client, String path) {
        return new String(bytes(client, path, MediaType.TEXT_HTML), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(WebTestClient client, String path, MediaType type) {
        return client.get().uri(path).accept(type).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(type)
                .expectBody().returnResult().getResponseBodyContent();
    }

    /** The HTML of the bulletin's section with this heading, from the heading to the section's end. */
    private static String section(String html, String heading) {
        int start = html.indexOf("<h2>" + heading + "</h2>");
        assertThat(start).as("a section headed " + heading).isNotNegative();
        return html.substring(start, html.indexOf("</section>", start));
    }

    /** What a reader sees: tags dropped, entities read. */
    private static String text(String html) {
        return html.replaceAll("<style>[^<]*</style>", "").replaceAll("<[^>]+>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

}
