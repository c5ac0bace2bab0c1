package io.cityfin.capitalmarket.fund;

import static io.cityfin.capitalmarket.financing.FinancingCalls.key;
import static io.cityfin.capitalmarket.financing.FinancingCalls.money;
import static io.cityfin.capitalmarket.financing.FinancingCalls.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.capitalmarket.financing.FinancingCalls;
import io.cityfin.common.identity.Role;
import io.cityfin.common.test.WithOwnPostgres;
import io.cityfin.reporting.test.IndicatorETagChecks;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Private funds and their investments on real PostgreSQL, on a database of their own: investments under their fund,
 * refusals with pointers and nothing stored, the AMAC code held by one fund under concurrent writes, versions and
 * ETags, staff-only access, and the fund indicators at D. Each test that reads a figure does so in regions of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cityfin.demo-data=false")
@AutoConfigureWebTestClient(timeout = "30s")
@WithOwnPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivateFundIT {

    private static final String INVESTEE = "91361000MA35GF2F4Y";
    /** The region refused funds would carry: nothing may ever be listed in it. */
    private static final String REFUSAL_REGION = "361026";
    private static final AtomicInteger CODES = new AtomicInteger();

    @Autowired
    WebTestClient web;

    @Autowired
    MeterRegistry meters;

    private FinancingCalls calls;

    @BeforeAll
    void client() {
        calls = new FinancingCalls(web);
    }

    @Test
    void createsAFundAndInvestmentsUnderItListedWithTheFund() {
        String fundId = calls.created("/private-funds", fund("361002", "2021-04-01", null, amacCode(), "2021-06-10"));

        calls.post(calls.admin(), "/private-funds/" + fundId + "/investments", key(), investment("361090", "12000000.00", "2022-05-20"))
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody()
                .jsonPath("$.fundId").isEqualTo(fundId)
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.investee.uscc").isEqualTo(INVESTEE)
                .jsonPath("$.amount").value(money("12000000"));
        calls.post(calls.admin(), "/private-funds/" + fundId + "/investments", key(), investment("OUTSIDE", "3000000", "2022-06-01"))
                .expectStatus().isCreated();

        calls.as(Role.ANALYST, null).get().uri("/private-funds/{id}/investments", fundId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(2).jsonPath("$[*].fundId").isEqualTo(List.of(fundId, fundId));
        calls.as(Role.ANALYST, null).get().uri("/private-funds/{id}", fundId).exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody().jsonPath("$.manager.amacNo").isEqualTo("P1071234").jsonPath("$.amacFiledOn").isEqualTo("2021-06-10");
    }

    @Test
    void answersAnUnknownFundWith404AndAMalformedIdWith400() {
        calls.post(calls.admin(), "/private-funds/" + UUID.randomUUID() + "/investments", key(), investment("361002", "1", "2022-01-01"))
                .expectStatus().isNotFound();
        calls.admin().get().uri("/private-funds/{id}/investments", UUID.randomUUID()).exchange().expectStatus().isNotFound();
        calls.admin().get().uri("/fund-investments/{id}", UUID.randomUUID()).exchange().expectStatus().isNotFound();
        calls.admin().get().uri("/private-funds/nope").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].parameter").isEqualTo("id");
    }

    Stream<Arguments> fundRefusals() {
        return Stream.of(
                Arguments.of("AMAC_FILING_INCOMPLETE", "/amacFiledOn", fund(REFUSAL_REGION, "2021-04-01", null, amacCode(), null)),
                Arguments.of("AMAC_FILING_INCOMPLETE", "/amacCode", fund(REFUSAL_REGION, "2021-04-01", null, null, "2021-06-10")),
                Arguments.of("INVALID_AMAC_CODE", "/amacCode", fund(REFUSAL_REGION, "2021-04-01", null, "SQX12", "2021-06-10")),
                Arguments.of("INVALID_AMAC_NO", "/manager/amacNo", fund(REFUSAL_REGION, "2021-04-01", null, null, null).replace("P1071234", "P107123")),
                Arguments.of("LIQUIDATED_BEFORE_ESTABLISHED", "/liquidatedOn", fund(REFUSAL_REGION, "2021-04-01", "2021-03-31", null, null)),
                Arguments.of("DATE_IN_FUTURE", "/establishedOn", fund(REFUSAL_REGION, "2099-04-01", null, null, null)),
                Arguments.of("INVALID_DATE", "/amacFiledOn", fund(REFUSAL_REGION, "2021-04-01", null, amacCode(), "2021-6-10")),
                Arguments.of("CITY_REGION_ON_RECORD", "/region", fund("361000", "2021-04-01", null, null, null)),
                Arguments.of("MISSING_VALUE", "/manager", fund(REFUSAL_REGION, "2021-04-01", null, null, null)
                        .replaceFirst("\"manager\": \\{[^}]*\\}, ", "")));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("fundRefusals")
    void refusesAFundThatBreaksARuleWithItsPointerAndStoresNothing(String code, String pointer, String body) {
        calls.post(calls.admin(), "/private-funds", key(), body)
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].code").isEqualTo(code)
                .jsonPath("$.errors[0].pointer").isEqualTo(pointer);

        calls.admin().get().uri("/private-funds?region=" + REFUSAL_REGION).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Total-Count", "0").expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    Stream<Arguments> investmentRefusals() {
        return Stream.of(
                Arguments.of("INVESTED_BEFORE_ESTABLISHED", "/investedOn", investment("361003", "1", "2021-03-31")),
                Arguments.of("INVESTED_AFTER_LIQUIDATION", "/investedOn", investment("361003", "1", "2022-07-01")),
                Arguments.of("DATE_IN_FUTURE", "/investedOn", investment("361003", "1", "2099-01-01")),
                Arguments.of("AMOUNT_NOT_POSITIVE", "/amount", investment("361003", "-5", "2022-01-01")),
                Arguments.of("TOO_MANY_DECIMALS", "/amount", investment("361003", "0.001", "2022-01-01")),
                Arguments.of("UNKNOWN_REGION", "/investeeRegion", investment("ABROAD", "1", "2022-01-01")),
                Arguments.of("INVALID_USCC", "/investee/uscc", investment("361003", "1", "2022-01-01").replace(INVESTEE, "91361000MA35GF2F4X")));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("investmentRefusals")
    void refusesAnInvestmentThatBreaksARuleOrFallsOutsideTheFundsLifeAndStoresNothing(String code, String pointer, String body) {
        String fundId = calls.created("/private-funds", fund("361003", "2021-04-01", "2022-06-30", null, null));

        calls.post(calls.admin(), "/private-funds/" + fundId + "/investments", key(), body)
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].code").isEqualTo(code)
                .jsonPath("$.errors[0].pointer").isEqualTo(pointer);

        calls.admin().get().uri("/private-funds/{id}/investments", fundId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void refusesAnAmacCodeAlreadyOnAnotherFundAndLetsExactlyOneOfTwoConcurrentFundsWithOneCodeIn() throws Exception {
        String taken = amacCode();
        calls.created("/private-funds", fund("361021", "2021-04-01", null, taken, "2021-06-10"));
        calls.post(calls.admin(), "/private-funds", key(), fund("361021", "2020-01-01", null, taken, "2020-02-10"))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("AMAC_CODE_TAKEN").jsonPath("$.errors[0].pointer").isEqualTo("/amacCode");

        String raced = amacCode();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            List<Future<EntityExchangeResult<String>>> posts = Stream.of("2021-01-01", "2021-02-01")
                    .map(established -> writers.submit(() -> calls.post(calls.admin(), "/private-funds", key(),
                            fund("361021", established, null, raced, "2021-06-10")).expectBody(String.class).returnResult()))
                    .toList();
            List<EntityExchangeResult<String>> answers = List.of(posts.get(0).get(), posts.get(1).get());

            assertThat(answers).extracting(answer -> answer.getStatus().value()).containsExactlyInAnyOrder(201, 422);
            assertThat(answers).filteredOn(answer -> answer.getStatus().value() == 422).singleElement()
                    .satisfies(answer -> assertThat(answer.getResponseBody()).contains("AMAC_CODE_TAKEN"));
        } finally {
            writers.shutdown();
        }
        calls.admin().get().uri("/private-funds?region=361021").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Total-Count", "2").expectBody().jsonPath("$.length()").isEqualTo(2);
    }

    @Test
    void answersARetryOfAnInvestmentWithTheFirstAnswerAndKeepsItsVersionsUnderIfMatch() {
        String fundId = calls.created("/private-funds", fund("361022", "2021-04-01", null, null, null));
        WebTestClient admin = calls.admin();
        String key = key();
        String body = investment("361022", "100", "2022-02-01");
        String first = calls.post(admin, "/private-funds/" + fundId + "/investments", key, body).expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody();
        String again = calls.post(admin, "/private-funds/" + fundId + "/investments", key, body).expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(again).isEqualTo(first);
        String id = first.replaceFirst("(?s).*\"id\":\"([^\"]+)\".*", "$1");

        calls.put(calls.admin(), "/fund-investments/" + id, investment("361022", "120", "2022-02-01"), "\"1\"").expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"").expectBody().jsonPath("$.fundId").isEqualTo(fundId);
        calls.put(calls.admin(), "/fund-investments/" + id, investment("361022", "130", "2022-02-01"), "\"1\"").expectStatus().isEqualTo(412);
        calls.put(calls.admin(), "/fund-investments/" + id, investment("361022", "120.00", "2022-02-01"), null).expectStatus().isOk();

        calls.admin().get().uri("/fund-investments/{id}/versions", id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(2).jsonPath("$[1].amount").value(money("120"));
        calls.admin().get().uri("/private-funds/{id}/investments", fundId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1);
    }

    @Test
    void keepsAFundsVersionsAndRefusesACorrectionThatLeavesAnInvestmentOutsideItsLifeUntouched() {
        String fundId = calls.created("/private-funds", fund("361023", "2021-04-01", null, null, null));

        calls.put(calls.admin(), "/private-funds/" + fundId, fund("361023", "2021-04-01", "2022-03-31", null, null), "\"1\"")
                .expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");
        calls.put(calls.admin(), "/private-funds/" + fundId, fund("361023", "2021-04-01", null, null, null), "\"1\"")
                .expectStatus().isEqualTo(412);

        calls.admin().get().uri("/private-funds/{id}/versions", fundId).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(2).jsonPath("$[1].liquidatedOn").isEqualTo("2022-03-31");
        calls.post(calls.admin(), "/private-funds/" + fundId + "/investments", key(), investment("361023", "1", "2022-04-01"))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].code").isEqualTo("INVESTED_AFTER_LIQUIDATION");
    }

    @Test
    void letsOnlyStaffWriteAndReadFunds() {
        WebTestClient submitter = calls.as(Role.SUBMITTER, "91361002MA3QT0001R");
        String fundId = calls.created("/private-funds", fund("361024", "2021-04-01", null, null, null));

        calls.post(submitter, "/private-funds", key(), fund("361024", "2021-04-01", null, null, null)).expectStatus().isForbidden();
        calls.post(submitter, "/private-funds/" + fundId + "/investments", key(), investment("361024", "1", "2022-01-01")).expectStatus().isForbidden();
        submitter.get().uri("/private-funds/{id}", fundId).exchange().expectStatus().isForbidden();
        submitter.get().uri("/private-funds/{id}/investments", fundId).exchange().expectStatus().isForbidden();
        submitter.get().uri("/private-funds").exchange().expectStatus().isForbidden();
        calls.post(calls.as(Role.ANALYST, null), "/private-funds/" + fundId + "/investments", key(), investment("361024", "1", "2022-01-01"))
                .expectStatus().isCreated();
    }

    @Test
    void countsFundsFiledAndNotLiquidatedAtTheLastDayOfThePeriod() {
        calls.created("/private-funds", fund("361025", "2021-04-01", "2022-03-15", amacCode(), "2021-06-10"));
        calls.created("/private-funds", fund("361025", "2021-01-01", null, null, null));

        calls.expect("2021-05", "361025", "PRIVATE_FUND_AMAC_COUNT", "0");
        calls.sheet("2021-06", "361025").jsonPath(of("PRIVATE_FUND_AMAC_COUNT", "value")).value(money("1"))
                .jsonPath(of("PRIVATE_FUND_AMAC_COUNT", "kind")).isEqualTo("STOCK");
        calls.expect("2022-02", "361025", "PRIVATE_FUND_AMAC_COUNT", "1");
        calls.expect("2022-03", "361025", "PRIVATE_FUND_AMAC_COUNT", "0");
    }

    @Test
    void sumsTheYearsInvestmentsOfFundsFiledByDInTheFundsRegionAndTheLocalOnesInTheInvesteesRegion() {
        String code = amacCode();
        String filedInJune = calls.created("/private-funds", fund("361027", "2020-01-01", null, code, "2021-06-10"));
        String unfiled = calls.created("/private-funds", fund("361027", "2020-01-01", null, null, null));
        String local = invest(filedInJune, investment("361028", "1000000.00", "2021-05-20"));
        invest(filedInJune, investment("OUTSIDE", "250000.00", "2021-07-01"));
        invest(unfiled, investment("361028", "7000000.00", "2021-05-20"));

        calls.sheet("2021-05", "361027").jsonPath(of("PRIVATE_FUND_INVESTMENT_YTD", "value")).value(money("0"));
        calls.sheet("2021-06", "361027").jsonPath(of("PRIVATE_FUND_INVESTMENT_YTD", "value")).value(money("1000000"))
                .jsonPath(of("PRIVATE_FUND_LOCAL_INVESTMENT_YTD", "value")).value(money("0"));
        calls.sheet("2021-07", "361027").jsonPath(of("PRIVATE_FUND_INVESTMENT_YTD", "value")).value(money("1250000"));
        calls.sheet("2021-07", "361028").jsonPath(of("PRIVATE_FUND_LOCAL_INVESTMENT_YTD", "value")).value(money("1000000"))
                .jsonPath(of("PRIVATE_FUND_INVESTMENT_YTD", "value")).value(money("0"));
        calls.expect("2022-01", "361027", "PRIVATE_FUND_INVESTMENT_YTD", "0");

        calls.put(calls.admin(), "/fund-investments/" + local, investment("361028", "1000000.00", "2020-12-20"), null).expectStatus().isCreated();

        calls.expect("2021-07", "361027", "PRIVATE_FUND_INVESTMENT_YTD", "250000");
        calls.expect("2020-12", "361027", "PRIVATE_FUND_INVESTMENT_YTD", "0");

        calls.put(calls.admin(), "/private-funds/" + filedInJune, withStatus(fund("361027", "2020-01-01", null, code, "2021-06-10"), "WITHDRAWN"), null)
                .expectStatus().isCreated();
        calls.expect("2021-07", "361027", "PRIVATE_FUND_INVESTMENT_YTD", "0");
    }

    @Test
    void withholdsFromThePublicACountyWhoseInvestmentsAreOneFundsAndTheFewestCountyBesideIt() {
        // 2019, a year of this test's own: 临川区 one fund (two investments, 100 + 50); 南城县 three (10, 20, 30);
        // 黎川县 four (1, 2, 3, 4); each investee in its fund's county
        String linchuan = filedFund("361002");
        invest(linchuan, investment("361002", "100", "2019-05-01"));
        invest(linchuan, investment("361002", "50", "2019-06-01"));
        Stream.of("10", "20", "30").forEach(amount -> invest(filedFund("361021"), investment("361021", amount, "2019-05-01")));
        Stream.of("1", "2", "3", "4").forEach(amount -> invest(filedFund("361022"), investment("361022", amount, "2019-05-01")));

        sheet(Role.PORTAL, "2019-12", "361002")
                .jsonPath(of("PRIVATE_FUND_INVESTMENT_YTD", "suppressed")).isEqualTo(true)
                .jsonPath(of("PRIVATE_FUND_INVESTMENT_YTD", "value")).value(absent())
                .jsonPath(of("PRIVATE_FUND_LOCAL_INVESTMENT_YTD", "suppressed")).isEqualTo(true)
                .jsonPath(of("PRIVATE_FUND_LOCAL_INVESTMENT_YTD", "value")).value(absent())
                // a count of funds is no one's figure
                .jsonPath(of("PRIVATE_FUND_AMAC_COUNT", "suppressed")).isEqualTo(false)
                .jsonPath(of("PRIVATE_FUND_AMAC_COUNT", "value")).value(money("1"));
        sheet(Role.ANALYST, "2019-12", "361002")
                .jsonPath(of("PRIVATE_FUND_INVESTMENT_YTD", "suppressed")).isEqualTo(false)
                .jsonPath(of("PRIVATE_FUND_INVESTMENT_YTD", "value")).value(money("150"))
                .jsonPath(of("PRIVATE_FUND_LOCAL_INVESTMENT_YTD", "value")).value(money("150"));
        // the complement: 南城县 (3 funds, the fewest beside), so city − 黎川县 = 220 − 10 = 210 is 4 funds' sum
        sheet(Role.PORTAL, "2019-12", "361021")
                .jsonPath(of("PRIVATE_FUND_INVESTMENT_YTD", "suppressed")).isEqualTo(true)
                .jsonPath(of("PRIVATE_FUND_INVESTMENT_YTD", "value")).value(absent());
        sheet(Role.PORTAL, "2019-12", "361022")
                .jsonPath(of("PRIVATE_FUND_INVESTMENT_YTD", "suppressed")).isEqualTo(false)
                .jsonPath(of("PRIVATE_FUND_INVESTMENT_YTD", "value")).value(money("10"))
                .jsonPath(of("PRIVATE_FUND_LOCAL_INVESTMENT_YTD", "value")).value(money("10"));
        sheet(Role.PORTAL, "2019-12", null)
                .jsonPath(of("PRIVATE_FUND_INVESTMENT_YTD", "value")).value(money("220"))
                .jsonPath(of("PRIVATE_FUND_LOCAL_INVESTMENT_YTD", "value")).value(money("220"));

        // and the two views of that county carry different ETags: one is never a 304 for the other
        new IndicatorETagChecks(web, meters).tagsEachViewApart("/indicators?period=2019-12&region=361002");
    }

    @Test
    void tagsTheIndicatorAnswerAnewAfterAFundOrAnInvestmentAndAnswersAMatchingIfNoneMatchWith304() {
        IndicatorETagChecks etags = new IndicatorETagChecks(web, meters);
        String uri = "/indicators?period=2018-12&region=361023";
        etags.answers304WithoutComputing(uri, Role.ANALYST);
        etags.answers304WithoutComputing(uri, Role.PORTAL);

        String[] fund = new String[1];
        etags.changesWith(uri, Role.ANALYST, () -> fund[0] = filedFund("361023"));
        etags.changesWith(uri, Role.PORTAL, () -> invest(fund[0], investment("361023", "5", "2018-07-01")));
    }

    /** A fund of {@code region} established in 2018 and filed with AMAC then. */
    private String filedFund(String region) {
        return calls.created("/private-funds", fund(region, "2018-01-01", null, amacCode(), "2018-06-10"));
    }

    /** The indicator sheet of the period (the city, or one region) as {@code role}. */
    private WebTestClient.BodyContentSpec sheet(Role role, String period, @Nullable String region) {
        String uri = "/indicators?period=" + period + (region == null ? "" : "&region=" + region);
        return calls.as(role, null).get().uri(uri).exchange().expectStatus().isOk().expectBody();
    }

    /** A figure withheld: {@code null}. */
    private static java.util.function.Consumer<Object> absent() {
        return actual -> assertThat(actual instanceof List<?> list ? list.get(0) : actual).isNull();
    }

    private String invest(String fundId, String body) {
        return calls.created("/private-funds/" + fundId + "/investments", body);
    }

    /** A fresh S + 5 of 0-9 A-Z, unique in this run. */
    private static String amacCode() {
        return "S" + String.format("%05d", CODES.incrementAndGet());
    }

    private static String fund(String region, String establishedOn, @Nullable String liquidatedOn, @Nullable String amacCode,
                               @Nullable String amacFiledOn) {
        return "{\"name\": \"抚州测试股权投资基金（有限合伙）\", \"region\": \"" + region + "\", \"establishedOn\": \"" + establishedOn
                + "\", \"liquidatedOn\": " + quoted(liquidatedOn) + ", \"manager\": {\"name\": \"抚州测试私募基金管理有限公司\", \"amacNo\": \"P1071234\"}, "
                + "\"amacCode\": " + quoted(amacCode) + ", \"amacFiledOn\": " + quoted(amacFiledOn) + "}";
    }

    private static String investment(String region, String amount, String investedOn) {
        return "{\"investee\": {\"uscc\": \"" + INVESTEE + "\", \"name\": \"抚州测试科技有限公司\"}, \"investeeRegion\": \"" + region + "\", \"amount\": "
                + amount + ", \"investedOn\": \"" + investedOn + "\"}";
    }

    private static String quoted(@Nullable String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static String withStatus(String body, String status) {
        return body.substring(0, body.length() - 1) + ", \"status\": \"" + status + "\"}";
    }
}
