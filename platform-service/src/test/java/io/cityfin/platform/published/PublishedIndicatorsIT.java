package io.cityfin.platform.published;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
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

import io.cityfin.common.identity.Role;
import io.cityfin.common.test.TestIdentity;
import io.cityfin.common.test.WithOwnPostgres;
import io.cityfin.common.uscc.Uscc;
import io.cityfin.platform.financing.TestPlatforms;
import io.cityfin.platform.registry.Platform;
import io.cityfin.reporting.record.RecordService;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.cityfin.reporting.test.IndicatorETagChecks;

/**
 * PLATFORM_DIRECT_FINANCING_YTD read through a stand-in gateway with platform-service's own key: filled while it
 * answers; null with {@code inputsUnavailable} (and PLATFORM_FINANCING_YTD too, never a partial sum) while it is away,
 * the breaker opening after repeated failures, PLATFORM_NON_MARKET_FINANCING_YTD unaffected; filled again once it is
 * back, without a restart (the breaker's wait shortened to 1 s here).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"cityfin.demo-data=false",
        "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=1s"})
@AutoConfigureWebTestClient(timeout = "30s")
@WithOwnPostgres
class PublishedIndicatorsIT {

    private static final String KEY = "cfk_platform_service_test_key";
    private static final StubGateway GATEWAY = new StubGateway(KEY);
    private static final String PLATFORM = "91361000PF0000008R";

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry properties) {
        properties.add("cityfin.published.gateway-url", GATEWAY::url);
        properties.add("cityfin.published.api-key", () -> KEY);
    }

    @AfterAll
    static void stopGateway() {
        GATEWAY.stop();
    }

    @Autowired
    WebTestClient web;

    @Autowired
    RecordService<Platform> platforms;

    @Autowired
    CircuitBreakerRegistry breakers;

    @Autowired
    MeterRegistry meters;

    @Test
    void fillsTheCapitalMarketFigureWhileTheGatewayAnswersNullsItWhileAwayAndFillsItAgainWhenBack() {
        new TestPlatforms(platforms).register(PLATFORM, Platform.COUNTY, "361002", TestPlatforms.active("2015-01-01"));
        web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestIdentity.token(Role.ADMIN)).build()
                .post().uri("/platform-financing").contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue("{\"platform\": \"" + PLATFORM + "\", \"instrument\": \"BANK_LOAN\", \"amount\": 500000000.00, \"issuedOn\": \"2022-03-15\"}")
                .exchange().expectStatus().isCreated();

        // answering: capital market's 2,300,000,000.00 (1,000,000,000.00 a year earlier) + own 500,000,000.00
        Map<String, Map<String, Object>> answered = sheet();
        assertThat(decimal(answered, "PLATFORM_DIRECT_FINANCING_YTD", "value")).isEqualByComparingTo("2300000000.00");
        assertThat(decimal(answered, "PLATFORM_DIRECT_FINANCING_YTD", "previousYearValue")).isEqualByComparingTo("1000000000.00");
        assertThat(decimal(answered, "PLATFORM_DIRECT_FINANCING_YTD", "yoyPct")).isEqualByComparingTo("130.00");
        assertThat(answered.get("PLATFORM_DIRECT_FINANCING_YTD")).as("left out when every input answered").doesNotContainKey("inputsUnavailable");
        assertThat(decimal(answered, "PLATFORM_NON_MARKET_FINANCING_YTD", "value")).isEqualByComparingTo("500000000.00");
        assertThat(decimal(answered, "PLATFORM_FINANCING_YTD", "value")).isEqualByComparingTo("2800000000.00");
        assertThat(answered.get("PLATFORM_FINANCING_YTD")).doesNotContainKey("inputsUnavailable");
        assertThat(GATEWAY.lastAuthorization()).isEqualTo("Bearer " + KEY);
        assertThat(GATEWAY.lastQuery()).isEqualTo("period=2022-09");

        // away: null and named, never a partial sum; the breaker opens after repeated failures
        GATEWAY.stop();
        Map<String, Map<String, Object>> away = sheet();
        expectUnavailable(away);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            expectUnavailable(sheet());
            assertThat(breakers.circuitBreaker("published-capital-market").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        });

        // back: filled again without a restart once the breaker lets a call through
        GATEWAY.start();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Map<String, Map<String, Object>> back = sheet();
            assertThat(decimal(back, "PLATFORM_DIRECT_FINANCING_YTD", "value")).isEqualByComparingTo("2300000000.00");
            assertThat(decimal(back, "PLATFORM_FINANCING_YTD", "value")).isEqualByComparingTo("2800000000.00");
            assertThat(back.get("PLATFORM_FINANCING_YTD").get("inputsUnavailable")).isNull();
        });
    }

    @Test
    void tagsItsAnswerWithCapitalMarketsSheetAndAsksForThatSheetWithIfNoneMatch() {
        GATEWAY.start();
        String uri = "/indicators?period=2022-09";
        IndicatorETagChecks etags = new IndicatorETagChecks(web, meters);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(sheet().get("PLATFORM_DIRECT_FINANCING_YTD").get("inputsUnavailable")).isNull());

        // unchanged at capital market: its kept sheet is revalidated (304 there), platform answers 304 and 200 alike
        int revalidated = GATEWAY.notModified();
        etags.answers304WithoutComputing(uri, Role.ANALYST);
        assertThat(GATEWAY.notModified()).as("capital market asked with If-None-Match and answered 304").isGreaterThan(revalidated);
        assertThat(decimal(sheet(), "PLATFORM_DIRECT_FINANCING_YTD", "value")).as("from the kept sheet").isEqualByComparingTo("2300000000.00");

        // a change at capital market changes platform's tag, its own data unchanged
        etags.changesWith(uri, Role.ANALYST, GATEWAY::change);

        // a record of its own changes it too
        String second = "91361000PF0000009" + Uscc.checkCharacter("91361000PF0000009");
        new TestPlatforms(platforms).register(second, Platform.COUNTY, "361002", TestPlatforms.active("2015-01-01"));
        etags.changesWith(uri, Role.ANALYST, () -> web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestIdentity.token(Role.ADMIN))
                .build().post().uri("/platform-financing").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue("{\"platform\": \"" + second + "\", \"instrument\": \"BANK_LOAN\", \"amount\": 1.00, \"issuedOn\": \"2021-03-15\"}")
                .exchange().expectStatus().isCreated());
    }

    private static void expectUnavailable(Map<String, Map<String, Object>> sheet) {
        for (String code : List.of("PLATFORM_DIRECT_FINANCING_YTD", "PLATFORM_FINANCING_YTD")) {
            Map<String, Object> indicator = sheet.get(code);
            assertThat(indicator.get("inputsUnavailable")).as(code).isEqualTo(List.of("capital-market-service"));
            for (String field : List.of("value", "yearStartValue", "changeSinceYearStart", "growthSinceYearStartPct", "previousYearValue",
                    "yoyChange", "yoyPct", "target", "targetProgressPct", "onTrack")) {
                assertThat(indicator.get(field)).as(code + "." + field).isNull();
            }
        }
        assertThat(decimal(sheet, "PLATFORM_NON_MARKET_FINANCING_YTD", "value")).isEqualByComparingTo("500000000.00");
        assertThat(sheet.get("PLATFORM_NON_MARKET_FINANCING_YTD")).doesNotContainKey("inputsUnavailable");
        assertThat(sheet.get("PLATFORM_NON_MARKET_FINANCING_YTD")).containsKey("yearStartValue");
    }

    /** The 2022-09 city sheet as ANALYST, by code. */
    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> sheet() {
        Map<String, Object> body = web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestIdentity.token(Role.ANALYST)).build()
                .get().uri("/indicators?period=2022-09").exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
        assertThat(body).isNotNull();
        Map<String, Map<String, Object>> byCode = new java.util.HashMap<>();
        for (Object indicator : (List<Object>) body.get("indicators")) {
            Map<String, Object> fields = (Map<String, Object>) indicator;
            byCode.put((String) fields.get("code"), fields);
        }
        return byCode;
    }

    private static @Nullable BigDecimal decimal(Map<String, Map<String, Object>> sheet, String code, String field) {
        Object value = sheet.get(code).get(field);
        return value == null ? null : new BigDecimal(String.valueOf(value));
    }
}
