package io.cityfin.systemtests;

import static io.cityfin.systemtests.RunningPlatform.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
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

import io.cityfin.systemtests.monitoring.InfraQueries;
import io.cityfin.systemtests.monitoring.Scrape;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #6 on the running platform: the submission counters and completeness gauges of credit-service after
 * submissions through the gateway, the gateway's fan-out series, one trace id from the gateway into the service's
 * JSON log, and every metric that infra/ (alert rules, dashboards) names is one the six apps expose. Ports 18090–18095
 * (management 19090–19095), so PlatformIT's are left alone; JSON logs; completeness gauges refreshed every second;
 * the local run's Prometheus ({@code ./cityfin start --prometheus}; Debian's prometheus package, which .ci/run installs).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsIT {

    private static final int PORT_BASE = 18090;
    private static final String SUBMITTED = "cityfin_reports_submitted_total";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path data;

    private static RunningPlatform platform;
    private static WebTestClient gateway;
    private static int prometheusPort;

    @BeforeAll
    static void startThePlatform() {
        prometheusPort = RunningPlatform.freePort();
        platform = RunningPlatform.start(data, PORT_BASE, Map.of(
                "LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs",
                "CITYFIN_REPORTING_COMPLETENESS_REFRESH", "1s",
                "CITYFIN_PROMETHEUS", "true",
                "CITYFIN_PROMETHEUS_PORT", Integer.toString(prometheusPort)));
        gateway = platform.gateway();
        for (String bank : List.of("91361000OPSBANK001", "91361000OPSBANK002")) {
            gateway.put().uri("/api/v1/credit/institutions/" + bank).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "运维测试银行 " + bank, "type", "CITY_COMMERCIAL_BANK", "region", "361002",
                        "activeFrom", "2020-01-01"))
                .exchange().expectStatus().is2xxSuccessful();
        }
    }

    @AfterAll
    static void stopThePlatform() {
        if (platform != null) {
            platform.stop();
        }
    }

    @Test
    @Order(1)
    void aReportThroughTheGatewayCarriesTheCallersTraceIdIntoTheServicesJsonLog() throws IOException {
        reportCarriesTheTraceIdIntoTheServicesLog("2022-03", "01");
    }

    /** Sampling (CITYFIN_TRACE_SAMPLING, 0.1 by default) decides which traces are recorded, not which log lines carry ids. */
    @Test
    @Order(1)
    void anUnsampledTraceStillCarriesItsIdsIntoTheServicesJsonLog() throws IOException {
        reportCarriesTheTraceIdIntoTheServicesLog("2022-02", "00");
    }

    private void reportCarriesTheTraceIdIntoTheServicesLog(String period, String flags) throws IOException {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String parentSpan = HexFormat.of().formatHex(randomBytes(8));

        gateway.put().uri("/api/v1/credit/reports/91361000OPSBANK001/" + period)
            .header("traceparent", "00-" + traceId + "-" + parentSpan + "-" + flags)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(report("1000.00"))
            .exchange().expectStatus().isCreated();

        Supplier<JsonNode> line = () -> logLines("credit-service").stream()
                .filter(json -> traceId.equals(json.path("traceId").asString()))
                .filter(json -> json.path("message").asString().startsWith("Report 91361000OPSBANK001 " + period))
                .findFirst().orElse(null);
        within(Duration.ofSeconds(10), () -> line.get() != null);
        assertThat(line.get()).as("a credit-service log line with trace id " + traceId + " (flags " + flags + ")").isNotNull();
        assertThat(line.get().path("message").asString()).contains("version 1 created");
        assertThat(line.get().path("spanId").asString()).as("the service's own span, a child of the gateway's")
            .matches("[0-9a-f]{16}").isNotEqualTo(parentSpan);
        assertThat(line.get().path("service").path("name").asString()).isEqualTo("credit-service");
    }

    @Test
    @Order(2)
    void creditServiceCountsSubmissionsByOutcomeRefusalsByRuleAndLinesWritten() {
        Scrape before = scrape("credit-service");

        gateway.put().uri("/api/v1/credit/reports/91361000OPSBANK002/2022-04").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(report("2000.00")).exchange().expectStatus().isCreated();
        gateway.put().uri("/api/v1/credit/reports/91361000OPSBANK002/2022-04").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(report("2000.0")).exchange().expectStatus().isOk();
        Map<String, Object> refusal = json(gateway.put().uri("/api/v1/credit/reports/91361000OPSBANK002/2022-05")
            .contentType(MediaType.APPLICATION_JSON).bodyValue(report("-1.00")).exchange().expectStatus().isEqualTo(422));
        @SuppressWarnings("unchecked")
        String rule = (String) ((List<Map<String, Object>>) refusal.get("errors")).get(0).get("code");

        Scrape after = scrape("credit-service");
        Map<String, String> month = Map.of("period_type", "month", "application", "credit-service");
        assertThat(increase(before, after, SUBMITTED, with(month, "outcome", "created"))).isEqualByComparingTo("1");
        assertThat(increase(before, after, SUBMITTED, with(month, "outcome", "unchanged"))).isEqualByComparingTo("1");
        assertThat(increase(before, after, SUBMITTED, with(month, "outcome", "refused"))).isEqualByComparingTo("1");
        assertThat(increase(before, after, "cityfin_reports_refusals_total", Map.of("rule", rule))).isEqualByComparingTo("1");
        assertThat(increase(before, after, "cityfin_reports_lines_written_total", Map.of())).isEqualByComparingTo("1");
    }

    @Test
    @Order(3)
    void completenessGaugesShowTheSubmissionsListOfThisMonthAndTheLast() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String current = String.format("%d-%02d", today.getYear(), today.getMonthValue());
        LocalDate lastMonth = today.minusMonths(1);
        String previous = String.format("%d-%02d", lastMonth.getYear(), lastMonth.getMonthValue());
        Map<String, Object> listed = submissions(current);
        assertThat((Integer) listed.get("expected")).as("the demo banks and this test's two").isGreaterThan(2);

        gateway.put().uri("/api/v1/credit/reports/91361000OPSBANK001/" + current).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(report("3000.00")).exchange().expectStatus().isCreated();

        Map<String, Object> now = submissions(current);
        assertThat(now.get("submitted")).isEqualTo((Integer) listed.get("submitted") + 1);
        for (Map.Entry<String, Map<String, Object>> month : Map.of("current", now, "previous", submissions(previous)).entrySet()) {
            Map<String, String> period = Map.of("period", month.getKey(), "application", "credit-service");
            int expected = (Integer) month.getValue().get("expected");
            int submitted = (Integer) month.getValue().get("submitted");
            within(Duration.ofSeconds(10), () -> {
                Scrape scrape = scrape("credit-service");
                return scrape.sum("cityfin_reports_expected", period).intValue() == expected
                        && scrape.sum("cityfin_reports_received", period).intValue() == submitted;
            });
            Scrape scrape = scrape("credit-service");
            assertThat(scrape.sum("cityfin_reports_expected", period)).as("expected, " + month.getKey())
                .isEqualByComparingTo(BigDecimal.valueOf(expected));
            assertThat(scrape.sum("cityfin_reports_received", period)).as("received, " + month.getKey())
                .isEqualByComparingTo(BigDecimal.valueOf(submitted));
        }
    }

    @Test
    @Order(4)
    void theGatewayTimesEachSourceOfTheConsolidatedIndicators() {
        // a source's first computation after the start may outlast the fan-out's 2 s on a busy machine (then it is
        // timed as a timeout, not ok): ask until every source has answered in time once
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
            gateway.get().uri("/api/v1/indicators?period=2022-09").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.sources[?(@.status != 'OK')]").isEmpty());

        Scrape scrape = scrape("gateway");
        for (String source : List.of("credit-service", "insurance-service", "capital-market-service", "platform-service",
                "risk-service")) {
            assertThat(scrape.sum("cityfin_fanout_seconds_count", Map.of("source", source, "outcome", "ok")))
                .as(source).isGreaterThanOrEqualTo(BigDecimal.ONE);
            assertThat(scrape.contains("cityfin_fanout_seconds_bucket", Map.of("source", source, "le", "+Inf"))).isTrue();
        }
    }

    @Test
    @Order(5)
    void everyMetricTheAlertRulesAndDashboardsNameIsOneTheAppsExpose() throws IOException {
        // traffic that makes the lazily registered series appear: a call without a key, a refused report, a fan-out
        RunningPlatform.client(platform.gatewayUrl()).get().uri("/api/v1/indicators?period=2022-09").exchange()
            .expectStatus().isUnauthorized();
        gateway.put().uri("/api/v1/credit/reports/91361000OPSBANK002/2022-06").contentType(MediaType.APPLICATION_JSON)
            .bodyValue(report("-2.00")).exchange().expectStatus().isEqualTo(422);
        gateway.get().uri("/api/v1/indicators?period=2022-09").exchange().expectStatus().isOk();
        gateway.get().uri("/api/v1/credit/indicators?period=2022-09&region=361002").exchange().expectStatus().isOk();

        Set<String> exposed = new HashSet<>();
        for (String app : RunningPlatform.APPS) {
            exposed.addAll(scrape(app).names());
        }
        Path infra = Path.of(System.getProperty("cityfin.root", "..")).toAbsolutePath().normalize().resolve("infra");
        List<InfraQueries.Query> queries = InfraQueries.in(infra);

        assertThat(InfraQueries.unknownMetrics(queries, exposed)).as("metrics named in infra/ that no app exposes").isEmpty();

        // the same check on a dashboard with one name misspelt fails
        Path broken = data.resolve("broken-infra");
        Files.createDirectories(broken.resolve("prometheus/rules"));
        Files.createDirectories(broken.resolve("grafana/dashboards"));
        Files.writeString(broken.resolve("grafana/dashboards/gateway.json"),
                Files.readString(infra.resolve("grafana/dashboards/gateway.json")).replace("cityfin_fanout_seconds_bucket",
                        "cityfin_fan_out_seconds_bucket"));
        assertThat(InfraQueries.unknownMetrics(InfraQueries.in(broken), exposed))
            .containsExactly("gateway.json panel 'Fan-out p95 per source': cityfin_fan_out_seconds_bucket");
    }

    @Test
    @Order(6)
    void theLocalRunsPrometheusScrapesAllSixAppsAndTakesEveryDashboardQuery() {
        WebTestClient prometheus = RunningPlatform.client("http://127.0.0.1:" + prometheusPort);
        Supplier<List<String>> healthyJobs = () -> {
            try {
                JsonNode targets = JSON.readTree(prometheus.get().uri("/api/v1/targets?state=active").exchange()
                    .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
                return targets.path("data").path("activeTargets").valueStream()
                    .filter(target -> "up".equals(target.path("health").asString()))
                    .map(target -> target.path("labels").path("job").asString()).sorted().toList();
            } catch (AssertionError | RuntimeException notYet) {
                return List.of();
            }
        };
        within(Duration.ofSeconds(45), () -> healthyJobs.get().size() == RunningPlatform.APPS.length);
        assertThat(healthyJobs.get()).containsExactlyInAnyOrder(RunningPlatform.APPS);

        Path infra = Path.of(System.getProperty("cityfin.root", "..")).toAbsolutePath().normalize().resolve("infra");
        for (InfraQueries.Query query : InfraQueries.in(infra)) {
            String expression = query.expression().replace("$__rate_interval", "1m").replaceAll("\\$[a-z_]+", ".*");
            JsonNode answer = JSON.readTree(prometheus.get()
                .uri(uri -> uri.path("/api/v1/query").queryParam("query", "{q}").build(expression)).exchange()
                .expectBody(String.class).returnResult().getResponseBody());
            assertThat(answer.path("status").asString()).as(query.where() + ": " + answer.path("error").asString())
                .isEqualTo("success");
        }
        within(Duration.ofSeconds(30), () -> !JSON.readTree(prometheus.get()
            .uri(uri -> uri.path("/api/v1/query").queryParam("query", "cityfin_reports_expected").build()).exchange()
            .expectBody(String.class).returnResult().getResponseBody()).path("data").path("result").isEmpty());
        JsonNode expected = JSON.readTree(prometheus.get()
            .uri(uri -> uri.path("/api/v1/query").queryParam("query", "{q}").build("cityfin_reports_expected{period=\"current\"}"))
            .exchange().expectBody(String.class).returnResult().getResponseBody());
        assertThat(expected.path("data").path("result").valueStream().map(series -> series.path("metric").path("job").asString()))
            .as("the three services that take reports publish completeness").contains("credit-service", "insurance-service");
    }

    private static Map<String, Object> report(String deposits) {
        return Map.of("lines", List.of(Map.of("item", "DEPOSIT_BALANCE", "region", "361002", "value", new BigDecimal(deposits))));
    }

    private static Map<String, Object> submissions(String period) {
        return json(gateway.get().uri("/api/v1/credit/submissions?period=" + period).exchange().expectStatus().isOk());
    }

    private static Scrape scrape(String app) {
        byte[] body = RunningPlatform.client(platform.managementUrl(app)).get().uri("/actuator/prometheus").exchange()
            .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return Scrape.parse(new String(body, StandardCharsets.UTF_8));
    }

    private static BigDecimal increase(Scrape before, Scrape after, String name, Map<String, String> labels) {
        return after.sum(name, labels).subtract(before.sum(name, labels));
    }

    private static Map<String, String> with(Map<String, String> labels, String name, String value) {
        Map<String, String> all = new java.util.HashMap<>(labels);
        all.put(name, value);
        return all;
    }

    private static List<JsonNode> logLines(String app) {
        try {
            return Files.readAllLines(platform.log(app), StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("{"))
                .map(JSON::readTree)
                .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Asks {@code condition} every 200 ms until it holds or {@code limit} has passed; the caller then asserts. */
    private static void within(Duration limit, java.util.function.BooleanSupplier condition) {
        try {
            Awaitility.await().atMost(limit).pollInterval(Duration.ofMillis(200)).until(condition::getAsBoolean);
        } catch (ConditionTimeoutException notYet) {
            // the caller's assertion says what is missing
        }
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
