package io.cityfin.platform.financing;

import static io.cityfin.platform.financing.TestPlatforms.active;
import static io.cityfin.platform.financing.TestPlatforms.deregistered;
import static io.cityfin.platform.financing.TestPlatforms.merged;
import static io.cityfin.platform.financing.TestPlatforms.shell;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.identity.Role;
import io.cityfin.common.test.TestIdentity;
import io.cityfin.common.test.WithOwnPostgres;
import io.cityfin.common.uscc.Uscc;
import io.cityfin.platform.registry.Platform;
import io.cityfin.reporting.record.RecordService;

/**
 * Platform financing on real PostgreSQL, on a database of its own: every refusal with its pointer and nothing stored,
 * versions, a platform's own key writing only its own financing, the list's filters, and
 * PLATFORM_NON_MARKET_FINANCING_YTD at D in the platform's region. No API key for the gateway is configured here, so
 * the figures drawn from capital market are null and say so. Each test that reads figures does so in a year of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cityfin.demo-data=false")
@AutoConfigureWebTestClient(timeout = "30s")
@WithOwnPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformFinancingIT {

    static final String CITY_PLATFORM = "91361000PF00000014";
    static final String LINCHUAN = "91361002PF0000101N";
    static final String NANCHENG = "91361000PF00000027";
    static final String DEREGISTERED = "91361000PF0000003A";
    static final String MERGED = "91361000PF0000004D";
    static final String LATE = "91361000PF0000005G";
    static final String WITHDRAWN = "91361000PF0000006K";
    static final String UNREGISTERED = "91361000PF0000009W";
    /** The year every refused financing would be dated in (and 2099): nothing may ever be listed in it. */
    static final String REFUSAL_YEAR = "2019";
    private static final AtomicInteger PLATFORMS = new AtomicInteger();

    @Autowired
    WebTestClient web;

    @Autowired
    RecordService<Platform> platforms;

    @BeforeAll
    void registerPlatforms() {
        TestPlatforms registry = new TestPlatforms(platforms);
        registry.register(CITY_PLATFORM, Platform.CITY, "361000", active("2016-05-01"));
        registry.register(LINCHUAN, Platform.COUNTY, "361002", active("2015-01-01"));
        registry.register(NANCHENG, Platform.COUNTY, "361021", active("2015-01-01"));
        registry.register(DEREGISTERED, Platform.COUNTY, "361022", active("2015-01-01"), shell("2017-01-01"), deregistered("2018-06-30"));
        registry.register(MERGED, Platform.COUNTY, "361023", active("2015-01-01"), merged("2018-03-01", LINCHUAN));
        registry.register(LATE, Platform.COUNTY, "361024", active("2020-01-01"));
        registry.withdraw(WITHDRAWN, Platform.COUNTY, "361025", active("2015-01-01"));
    }

    @Test
    void createsVersionOneKeepsEveryVersionAndStoresAChangeOnlyOntoTheVersionItNames() {
        String id = created(financing(LINCHUAN, "TRUST", "ZXXT-2022-001", "300000000.00", "2022-04-12", "2025-04-12", "6.2"));
        String uri = "/platform-financing/" + id;

        admin().get().uri(uri).exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody()
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.status").isEqualTo("ACTIVE")
                .jsonPath("$.platform").isEqualTo(LINCHUAN)
                .jsonPath("$.instrument").isEqualTo("TRUST")
                .jsonPath("$.amount").value(money("300000000"))
                .jsonPath("$.couponPct").value(money("6.2"))
                .jsonPath("$.maturityOn").isEqualTo("2025-04-12")
                .jsonPath("$.recordedFor").isEmpty()
                .jsonPath("$.contentHash").value(hash -> assertThat(hash.toString()).hasSize(64));
        put(admin(), uri, financing(LINCHUAN, "TRUST", "ZXXT-2022-001", "350000000.00", "2022-04-12", "2025-04-12", "6.2"), "\"1\"")
                .expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");
        put(admin(), uri, financing(LINCHUAN, "TRUST", "ZXXT-2022-001", "1", "2022-04-12", "2025-04-12", "6.2"), "\"1\"")
                .expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("VERSION_MISMATCH");
        as(Role.ANALYST).get().uri(uri + "/versions").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].amount").value(money("300000000"))
                .jsonPath("$[1].amount").value(money("350000000"));
    }

    Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("AMOUNT_NOT_POSITIVE", "/amount", financing(LINCHUAN, "BANK_LOAN", null, "0", "2019-05-01", null, null)),
                Arguments.of("AMOUNT_NOT_POSITIVE", "/amount", financing(LINCHUAN, "BANK_LOAN", null, "-5", "2019-05-01", null, null)),
                Arguments.of("TOO_MANY_DECIMALS", "/amount", financing(LINCHUAN, "BANK_LOAN", null, "1.005", "2019-05-01", null, null)),
                Arguments.of("UNKNOWN_INSTRUMENT", "/instrument", financing(LINCHUAN, "LOAN", null, "1", "2019-05-01", null, null)),
                Arguments.of("MARKET_INSTRUMENT_BELONGS_TO_CAPITAL_MARKET", "/instrument",
                        financing(LINCHUAN, "MTN", "102280123.IB", "1", "2019-05-01", null, null)),
                Arguments.of("MARKET_INSTRUMENT_BELONGS_TO_CAPITAL_MARKET", "/instrument",
                        financing(LINCHUAN, "ENTERPRISE_BOND", null, "1", "2019-05-01", null, null)),
                Arguments.of("MATURITY_BEFORE_ISSUE", "/maturityOn", financing(LINCHUAN, "BANK_LOAN", null, "1", "2019-05-01", "2019-04-30", null)),
                Arguments.of("DATE_IN_FUTURE", "/issuedOn", financing(LINCHUAN, "BANK_LOAN", null, "1", "2099-05-01", null, null)),
                Arguments.of("INVALID_DATE", "/issuedOn", financing(LINCHUAN, "BANK_LOAN", null, "1", "2019-02-30", null, null)),
                Arguments.of("INVALID_DATE", "/maturityOn", financing(LINCHUAN, "BANK_LOAN", null, "1", "2019-05-01", "2019-13-01", null)),
                Arguments.of("COUPON_OUT_OF_RANGE", "/couponPct", financing(LINCHUAN, "BANK_LOAN", null, "1", "2019-05-01", null, "100.01")),
                Arguments.of("COUPON_OUT_OF_RANGE", "/couponPct", financing(LINCHUAN, "BANK_LOAN", null, "1", "2019-05-01", null, "-0.5")),
                Arguments.of("TOO_MANY_DECIMALS", "/couponPct", financing(LINCHUAN, "BANK_LOAN", null, "1", "2019-05-01", null, "4.12345")),
                Arguments.of("INVALID_USCC", "/platform", financing("91361002PF0000101M", "BANK_LOAN", null, "1", "2019-05-01", null, null)),
                Arguments.of("UNKNOWN_PLATFORM", "/platform", financing(UNREGISTERED, "BANK_LOAN", null, "1", "2019-05-01", null, null)),
                Arguments.of("UNKNOWN_PLATFORM", "/platform", financing(WITHDRAWN, "BANK_LOAN", null, "1", "2019-05-01", null, null)),
                Arguments.of("PLATFORM_INACTIVE_AT_ISSUE", "/platform", financing(DEREGISTERED, "BANK_LOAN", null, "1", "2019-05-01", null, null)),
                Arguments.of("PLATFORM_INACTIVE_AT_ISSUE", "/platform", financing(MERGED, "BANK_LOAN", null, "1", "2019-05-01", null, null)),
                Arguments.of("PLATFORM_INACTIVE_AT_ISSUE", "/platform", financing(LATE, "BANK_LOAN", null, "1", "2019-05-01", null, null)),
                Arguments.of("MISSING_VALUE", "/platform", financing(null, "BANK_LOAN", null, "1", "2019-05-01", null, null)),
                Arguments.of("MISSING_VALUE", "/instrument", financing(LINCHUAN, null, null, "1", "2019-05-01", null, null)),
                Arguments.of("MISSING_VALUE", "/amount", financing(LINCHUAN, "BANK_LOAN", null, null, "2019-05-01", null, null)),
                Arguments.of("MISSING_VALUE", "/issuedOn", financing(LINCHUAN, "BANK_LOAN", null, "1", null, null, null)),
                Arguments.of("UNKNOWN_STATUS", "/status", financing(LINCHUAN, "BANK_LOAN", null, "1", "2019-05-01", null, null)
                        .replace("}", ", \"status\": \"DELETED\"}")));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("refusals")
    void refusesAFinancingThatBreaksARuleWithItsPointerAndStoresNothing(String code, String pointer, String body) {
        post(admin(), key(), body)
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].code").isEqualTo(code)
                .jsonPath("$.errors[0].pointer").isEqualTo(pointer);

        for (String year : List.of(REFUSAL_YEAR, "2099")) {
            admin().get().uri("/platform-financing?year=" + year).exchange().expectStatus().isOk()
                    .expectHeader().valueEquals("X-Total-Count", "0").expectBody().jsonPath("$.length()").isEqualTo(0);
        }
    }

    @Test
    void acceptsAShellPlatformsFinancingAndOneFromTheDayItsHistoryStarts() {
        created(financing(LATE, "FINANCIAL_LEASING", null, "5", "2020-01-01", null, null));
        new TestPlatforms(platforms).register("91361000PF0000007N", Platform.COUNTY, "361026", active("2015-01-01"), shell("2020-01-01"));
        created(financing("91361000PF0000007N", "OTHER_NON_STANDARD", null, "6", "2020-02-01", null, "0"));
    }

    @Test
    void refusesASecondFinancingWithASecurityCodeAlreadyOnAnother() {
        String code = "XT-" + UUID.randomUUID();
        created(financing(NANCHENG, "TRUST", code, "100", "2020-05-01", null, null));

        post(admin(), key(), financing(NANCHENG, "TRUST", code, "200", "2020-06-01", null, null))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("SECURITY_CODE_TAKEN")
                .jsonPath("$.errors[0].pointer").isEqualTo("/securityCode");
        admin().get().uri("/platform-financing?instrument=TRUST&year=2020&platform=" + NANCHENG).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Total-Count", "1");
    }

    @Test
    void letsAPlatformsOwnKeyWriteAndReadOnlyItsOwnFinancing() {
        WebTestClient linchuan = web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestIdentity.submitterToken(LINCHUAN)).build();
        String nanchengs = created(financing(NANCHENG, "BANK_LOAN", null, "20", "2022-03-02", null, null));

        AtomicReference<String> mine = new AtomicReference<>();
        post(linchuan, key(), financing(LINCHUAN, "BANK_LOAN", null, "10", "2022-03-01", "2024-03-01", "4.35"))
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.recordedFor").isEqualTo(LINCHUAN).jsonPath("$.id").value(String.class, mine::set);
        post(linchuan, key(), financing(NANCHENG, "BANK_LOAN", null, "11", "2022-03-03", null, null))
                .expectStatus().isForbidden();
        linchuan.get().uri("/platform-financing/{id}", nanchengs).exchange().expectStatus().isForbidden();
        put(linchuan, "/platform-financing/" + nanchengs, financing(LINCHUAN, "BANK_LOAN", null, "20", "2022-03-02", null, null), null)
                .expectStatus().isForbidden();
        put(linchuan, "/platform-financing/" + mine.get(), financing(NANCHENG, "BANK_LOAN", null, "10", "2022-03-01", null, null), null)
                .expectStatus().isForbidden();
        put(linchuan, "/platform-financing/" + mine.get(), financing(LINCHUAN, "BANK_LOAN", null, "12", "2022-03-01", "2024-03-01", "4.35"), null)
                .expectStatus().isCreated();

        linchuan.get().uri("/platform-financing?year=2022&instrument=BANK_LOAN").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Total-Count", "1")
                .expectBody().jsonPath("$[0].id").isEqualTo(mine.get()).jsonPath("$[0].version").isEqualTo(2);
        admin().get().uri("/platform-financing/{id}", nanchengs).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1).jsonPath("$.amount").value(money("20"));
        as(Role.PORTAL).get().uri("/platform-financing").exchange().expectStatus().isForbidden();
    }

    @Test
    void listsByTheRegionOfThePlatformAsTheRegistryHoldsItAndRefusesUnknownFilters() {
        created(financing(LINCHUAN, "FINANCIAL_LEASING", null, "1", "2023-01-05", null, null));
        created(financing(NANCHENG, "FINANCIAL_LEASING", null, "2", "2023-01-06", null, null));
        created(financing(CITY_PLATFORM, "FINANCIAL_LEASING", null, "3", "2023-01-07", null, null));

        as(Role.ANALYST).get().uri("/platform-financing?year=2023&region=361002").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Total-Count", "1").expectBody().jsonPath("$[0].platform").isEqualTo(LINCHUAN);
        as(Role.ANALYST).get().uri("/platform-financing?year=2023&region=361000").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Total-Count", "3")
                .expectBody().jsonPath("$[0].platform").isEqualTo(LINCHUAN).jsonPath("$[2].platform").isEqualTo(CITY_PLATFORM);
        as(Role.ANALYST).get().uri("/platform-financing?year=2023&region=361030").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Total-Count", "0");
        as(Role.ANALYST).get().uri("/platform-financing?instrument=MTN").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].parameter").isEqualTo("instrument")
                .jsonPath("$.errors[0].code").isEqualTo("UNKNOWN_INSTRUMENT");
        as(Role.ANALYST).get().uri("/platform-financing?region=360100").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].parameter").isEqualTo("region");
        as(Role.ANALYST).get().uri("/platform-financing?platform=91361002PF0000101M").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].parameter").isEqualTo("platform")
                .jsonPath("$.errors[0].code").isEqualTo("INVALID_USCC");
    }

    @Test
    void sumsTheYearsFinancingToDInThePlatformsRegionAndNullsWhatCapitalMarketShouldGive() {
        // 2021: Linchuan 100,000,000.00 (March), the city platform 50,000,000.50 (June), Nancheng 7.00 in October (after
        // D = 2021-09-30) and 1,000.00 withdrawn in February
        created(financing(LINCHUAN, "BANK_LOAN", null, "100000000.00", "2021-03-01", null, null));
        created(financing(CITY_PLATFORM, "TRUST", null, "50000000.50", "2021-06-30", null, null));
        created(financing(NANCHENG, "BANK_LOAN", null, "7.00", "2021-10-01", null, null));
        String withdrawn = created(financing(NANCHENG, "BANK_LOAN", null, "1000.00", "2021-02-01", null, null));
        put(admin(), "/platform-financing/" + withdrawn,
                financing(NANCHENG, "BANK_LOAN", null, "1000.00", "2021-02-01", null, null).replace("}", ", \"status\": \"WITHDRAWN\"}"), null)
                .expectStatus().isCreated();

        sheet("2021-09", null)
                .jsonPath(of("PLATFORM_NON_MARKET_FINANCING_YTD", "value")).value(money("150000000.50"))
                .jsonPath(of("PLATFORM_NON_MARKET_FINANCING_YTD", "inputsUnavailable")).value(nothing())
                .jsonPath(of("PLATFORM_DIRECT_FINANCING_YTD", "value")).value(nothing())
                .jsonPath(of("PLATFORM_DIRECT_FINANCING_YTD", "inputsUnavailable[0]")).isEqualTo("capital-market-service")
                .jsonPath(of("PLATFORM_FINANCING_YTD", "value")).value(nothing())
                .jsonPath(of("PLATFORM_FINANCING_YTD", "inputsUnavailable[0]")).isEqualTo("capital-market-service");
        sheet("2021-09", "361002").jsonPath(of("PLATFORM_NON_MARKET_FINANCING_YTD", "value")).value(money("100000000"));
        sheet("2021-09", "361021").jsonPath(of("PLATFORM_NON_MARKET_FINANCING_YTD", "value")).value(money("0"));
        sheet("2021-12", "361021").jsonPath(of("PLATFORM_NON_MARKET_FINANCING_YTD", "value")).value(money("7"));
        sheet("2021-12", null).jsonPath(of("PLATFORM_NON_MARKET_FINANCING_YTD", "value")).value(money("150000007.50"));
    }

    @Test
    void withholdsFromThePublicACountyWithOnePlatformAndTheFewestCountyBesideIt() {
        // 2017, a year of this test's own: 临川区 one platform (100); 金溪县 three (10, 20, 30); 资溪县 four (1, 2, 3, 4)
        created(financing(LINCHUAN, "BANK_LOAN", null, "100", "2017-03-01", null, null));
        Stream.of("10", "20", "30").forEach(amount -> created(financing(newPlatform("361027"), "BANK_LOAN", null, amount, "2017-03-01", null, null)));
        Stream.of("1", "2", "3", "4").forEach(amount -> created(financing(newPlatform("361028"), "BANK_LOAN", null, amount, "2017-03-01", null, null)));

        sheet(Role.PORTAL, "2017-12", "361002")
                .jsonPath(of("PLATFORM_NON_MARKET_FINANCING_YTD", "suppressed")).isEqualTo(true)
                .jsonPath(of("PLATFORM_NON_MARKET_FINANCING_YTD", "value")).value(nothing())
                .jsonPath(of("PLATFORM_FINANCING_YTD", "suppressed")).isEqualTo(true);
        sheet("2017-12", "361002")
                .jsonPath(of("PLATFORM_NON_MARKET_FINANCING_YTD", "suppressed")).isEqualTo(false)
                .jsonPath(of("PLATFORM_NON_MARKET_FINANCING_YTD", "value")).value(money("100"));
        // the complement: 金溪县 (3 platforms, the fewest beside), so city − 资溪县 = 170 − 10 = 160 is 4 platforms' sum
        sheet(Role.PORTAL, "2017-12", "361027")
                .jsonPath(of("PLATFORM_NON_MARKET_FINANCING_YTD", "suppressed")).isEqualTo(true)
                .jsonPath(of("PLATFORM_NON_MARKET_FINANCING_YTD", "value")).value(nothing());
        sheet(Role.PORTAL, "2017-12", "361028")
                .jsonPath(of("PLATFORM_NON_MARKET_FINANCING_YTD", "suppressed")).isEqualTo(false)
                .jsonPath(of("PLATFORM_NON_MARKET_FINANCING_YTD", "value")).value(money("10"))
                .jsonPath(of("PLATFORM_FINANCING_YTD", "suppressed")).isEqualTo(false);
        sheet(Role.PORTAL, "2017-12", null)
                .jsonPath(of("PLATFORM_NON_MARKET_FINANCING_YTD", "value")).value(money("170"));
    }

    /** A county platform of {@code region}, active since 2015, under a fresh valid USCC. */
    private String newPlatform(String region) {
        String first17 = String.format("91361000PFD00%04d", PLATFORMS.incrementAndGet());
        String uscc = first17 + Uscc.checkCharacter(first17);
        new TestPlatforms(platforms).register(uscc, Platform.COUNTY, region, active("2015-01-01"));
        return uscc;
    }

    // --- calls

    private WebTestClient as(Role role) {
        return web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestIdentity.token(role)).build();
    }

    private WebTestClient admin() {
        return as(Role.ADMIN);
    }

    private WebTestClient.ResponseSpec post(WebTestClient client, String key, String body) {
        return client.post().uri("/platform-financing").contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", key)
                .bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec put(WebTestClient client, String uri, String body, @Nullable String ifMatch) {
        WebTestClient.RequestBodySpec request = client.put().uri(uri).contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request = request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.bodyValue(body).exchange();
    }

    private String created(String body) {
        AtomicReference<String> id = new AtomicReference<>();
        post(admin(), key(), body).expectStatus().isCreated().expectBody().jsonPath("$.id").value(String.class, id::set);
        return id.get();
    }

    private WebTestClient.BodyContentSpec sheet(String period, @Nullable String region) {
        return sheet(Role.ANALYST, period, region);
    }

    private WebTestClient.BodyContentSpec sheet(Role role, String period, @Nullable String region) {
        return as(role).get().uri("/indicators?period=" + period + (region == null ? "" : "&region=" + region))
                .exchange().expectStatus().isOk().expectBody();
    }

    static String of(String code, String field) {
        return "$.indicators[?(@.code == '" + code + "')]." + field;
    }

    static String key() {
        return UUID.randomUUID().toString();
    }

    /** A JSON body with the members in canonical order; null members are sent as null. */
    static String financing(@Nullable String platform, @Nullable String instrument, @Nullable String securityCode, @Nullable String amount,
                            @Nullable String issuedOn, @Nullable String maturityOn, @Nullable String couponPct) {
        return "{\"platform\": " + text(platform) + ", \"instrument\": " + text(instrument) + ", \"securityCode\": " + text(securityCode)
                + ", \"amount\": " + amount + ", \"issuedOn\": " + text(issuedOn) + ", \"maturityOn\": " + text(maturityOn)
                + ", \"couponPct\": " + couponPct + "}";
    }

    private static String text(@Nullable String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    /** An amount equal to {@code expected}, whether JSON gave it as an integer or a fraction (a filter answers a list). */
    static Consumer<Object> money(String expected) {
        return actual -> {
            Object value = actual instanceof List<?> list ? list.get(0) : actual;
            assertThat(new BigDecimal(String.valueOf(value))).isEqualByComparingTo(expected);
        };
    }

    /** JSON null or absent (a filter answers a list holding null, or none when the member is left out). */
    static Consumer<Object> nothing() {
        return actual -> {
            if (actual instanceof List<?> list) {
                assertThat(list).hasSizeLessThanOrEqualTo(1);
                list.forEach(element -> assertThat(element).isNull());
            } else {
                assertThat(actual).isNull();
            }
        };
    }
}
