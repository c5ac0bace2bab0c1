package io.cityfin.capitalmarket.financing;

import static io.cityfin.capitalmarket.financing.FinancingCalls.key;
import static io.cityfin.capitalmarket.financing.FinancingCalls.money;
import static io.cityfin.capitalmarket.financing.FinancingCalls.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

import io.cityfin.common.identity.Role;
import io.cityfin.common.test.WithOwnPostgres;

/**
 * Direct-financing issues on real PostgreSQL, on a database of their own: versions, idempotent creation, refusals
 * with pointers and nothing stored, the security code held by one issue under concurrent writes, a securities firm's
 * scope, and the DF indicators at D. Each test that reads a figure does so in a region or year of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cityfin.demo-data=false")
@AutoConfigureWebTestClient(timeout = "30s")
@WithOwnPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectFinancingIT {

    /** Valid USCCs: securities institutions and issuers. */
    private static final String FIRM = "91361002MA3QT0001R";
    private static final String OTHER_FIRM = "91361002MA3QT0002W";
    private static final String LATE_FIRM = "91361003MA3QT00106";
    private static final String ISSUER = "91361000MA35GF2F4Y";
    /** The year every refused issue would be dated in: nothing may ever be listed in it. */
    private static final String REFUSAL_YEAR = "2019";

    @Autowired
    WebTestClient web;

    private FinancingCalls calls;

    @BeforeAll
    void registerSecuritiesInstitutions() {
        calls = new FinancingCalls(web);
        calls.register(FIRM, "SECURITIES_BRANCH", "361002", "2014-03-01", null);
        calls.register(OTHER_FIRM, "SECURITIES_SALES_DEPT", "361002", "2010-06-01", null);
        calls.register(LATE_FIRM, "SECURITIES_SALES_DEPT", "361003", "2022-05-20", null);
    }

    @Test
    void createsVersionOneWithAnIdTheServiceGivesWhoRecordedItAndAnETag() {
        calls.post(calls.as(Role.SUBMITTER, FIRM), "/direct-financing", key(), issue("361002", "EXCHANGE_MARKET", "CORPORATE_BOND", "800000000.00",
                        "2022-06-15", FIRM))
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody()
                .jsonPath("$.id").value(id -> assertThat(UUID.fromString(id.toString())).isNotNull())
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.status").isEqualTo("ACTIVE")
                .jsonPath("$.issuer.kind").isEqualTo("ENTERPRISE")
                .jsonPath("$.amount").value(money("800000000"))
                .jsonPath("$.leadUnderwriter").isEqualTo(FIRM)
                .jsonPath("$.recordedFor").isEqualTo(FIRM)
                .jsonPath("$.warnings.length()").isEqualTo(0)
                .jsonPath("$.contentHash").value(hash -> assertThat(hash.toString()).hasSize(64));
    }

    @Test
    void answersARetryWithTheSameKeyAndBodyWithTheFirstAnswerAndStoresNothing() {
        WebTestClient admin = calls.admin();
        String key = key();
        String body = issue("361021", "OTHER", "NEEQ_PLACEMENT", "31000000", "2020-08-18", null);
        String first = calls.post(admin, "/direct-financing", key, body).expectStatus().isCreated().expectBody(String.class).returnResult()
                .getResponseBody();

        String again = calls.post(admin, "/direct-financing", key, body).expectStatus().isCreated().expectBody(String.class).returnResult()
                .getResponseBody();

        assertThat(again).isEqualTo(first);
        calls.expect("2020-12", "361021", "DF_OTHER_YTD", "31000000");
    }

    @Test
    void refusesTheSameKeyWithAnotherBodyAndACreationWithoutAKey() {
        WebTestClient admin = calls.admin();
        String key = key();
        calls.post(admin, "/direct-financing", key, issue("361022", "OTHER", "OTHER", "100", "2020-03-01", null)).expectStatus().isCreated();

        calls.post(admin, "/direct-financing", key, issue("361022", "OTHER", "OTHER", "200", "2020-03-01", null))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].parameter").isEqualTo("Idempotency-Key")
                .jsonPath("$.errors[0].code").isEqualTo("IDEMPOTENCY_KEY_REUSED");
        calls.post(admin, "/direct-financing", null, issue("361022", "OTHER", "OTHER", "300", "2020-03-01", null))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].parameter").isEqualTo("Idempotency-Key")
                .jsonPath("$.errors[0].code").isEqualTo("MISSING_IDEMPOTENCY_KEY");
        calls.expect("2020-12", "361022", "DF_OTHER_YTD", "100");
    }

    Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("AMOUNT_NOT_POSITIVE", "/amount", issue("361002", "EXCHANGE_MARKET", "IPO", "0", "2019-05-01", null)),
                Arguments.of("TOO_MANY_DECIMALS", "/amount", issue("361002", "EXCHANGE_MARKET", "IPO", "1.005", "2019-05-01", null)),
                Arguments.of("INSTRUMENT_NOT_IN_CHANNEL", "/instrument", issue("361002", "EXCHANGE_MARKET", "MTN", "1", "2019-05-01", null)),
                Arguments.of("UNKNOWN_INSTRUMENT", "/instrument", issue("361002", "INTERBANK_BOND", "LOAN", "1", "2019-05-01", null)),
                Arguments.of("UNKNOWN_CHANNEL", "/channel", issue("361002", "BANK_LOANS", "IPO", "1", "2019-05-01", null)),
                Arguments.of("UNKNOWN_REGION", "/region", issue("360100", "EXCHANGE_MARKET", "IPO", "1", "2019-05-01", null)),
                Arguments.of("CITY_REGION_ON_RECORD", "/region", issue("361000", "EXCHANGE_MARKET", "IPO", "1", "2019-05-01", null)),
                Arguments.of("CITY_REGION_ON_RECORD", "/region", issue(ISSUER, "FINANCIAL_INSTITUTION", "361000", "EXCHANGE_MARKET", "IPO", "1",
                        "2019-05-01", null)),
                Arguments.of("CITY_REGION_ON_RECORD", "/region", issue(ISSUER, "OTHER", "361000", "EXCHANGE_MARKET", "IPO", "1", "2019-05-01", null)),
                Arguments.of("INVALID_DATE", "/issuedOn", issue("361002", "EXCHANGE_MARKET", "IPO", "1", "2019-02-30", null)),
                Arguments.of("DATE_IN_FUTURE", "/issuedOn", issue("361002", "EXCHANGE_MARKET", "IPO", "1", "2099-05-01", null)),
                Arguments.of("INVALID_USCC", "/issuer/uscc", issue("91361000MA35GF2F4X", "ENTERPRISE", "361002", "EXCHANGE_MARKET", "IPO",
                        "1", "2019-05-01", null)),
                Arguments.of("UNKNOWN_ISSUER_KIND", "/issuer/kind", issue(ISSUER, "BANK", "361002", "EXCHANGE_MARKET", "IPO", "1", "2019-05-01", null)),
                Arguments.of("UNKNOWN_INSTITUTION", "/leadUnderwriter", issue("361002", "EXCHANGE_MARKET", "IPO", "1", "2019-05-01", "NOSUCH1")),
                Arguments.of("INSTITUTION_INACTIVE", "/leadUnderwriter", issue("361002", "EXCHANGE_MARKET", "IPO", "1", "2019-05-01", LATE_FIRM)),
                Arguments.of("MISSING_VALUE", "/securityCode", issue("361002", "EXCHANGE_MARKET", "IPO", "1", "2019-05-01", null)
                        .replaceFirst("\"securityCode\": \"[^\"]*\", ", "")),
                Arguments.of("MISSING_VALUE", "/issuer/name", issue("361002", "EXCHANGE_MARKET", "IPO", "1", "2019-05-01", null)
                        .replaceFirst("\"name\": \"[^\"]*\", ", "")),
                Arguments.of("MISSING_VALUE", "/amount", issue("361002", "EXCHANGE_MARKET", "IPO", "null", "2019-05-01", null)),
                Arguments.of("UNKNOWN_STATUS", "/status", withStatus(issue("361002", "EXCHANGE_MARKET", "IPO", "1", "2019-05-01", null), "DELETED")));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("refusals")
    void refusesAnIssueThatBreaksARuleWithItsPointerAndStoresNothing(String code, String pointer, String body) {
        calls.post(calls.admin(), "/direct-financing", key(), body)
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].code").isEqualTo(code)
                .jsonPath("$.errors[0].pointer").isEqualTo(pointer);

        calls.admin().get().uri("/direct-financing?year=" + REFUSAL_YEAR).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Total-Count", "0").expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void refusesASecondIssueWithASecurityCodeAlreadyOnAnother() {
        String code = securityCode();
        calls.created("/direct-financing", issue(ISSUER, "ENTERPRISE", "361023", "EXCHANGE_MARKET", "CORPORATE_BOND", "100", "2020-05-01", null, code));

        calls.post(calls.admin(), "/direct-financing", key(), issue(ISSUER, "ENTERPRISE", "361023", "EXCHANGE_MARKET", "CORPORATE_BOND", "900",
                        "2020-06-01", null, code))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("SECURITY_CODE_TAKEN")
                .jsonPath("$.errors[0].pointer").isEqualTo("/securityCode");
        calls.expect("2020-12", "361023", "DF_EXCHANGE_MARKET_YTD", "100");
    }

    @Test
    void letsExactlyOneOfTwoConcurrentIssuesWithOneSecurityCodeIn() throws Exception {
        String code = securityCode();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            List<Future<EntityExchangeResult<String>>> posts = Stream.of("7", "8")
                    .map(amount -> writers.submit(() -> calls.post(calls.admin(), "/direct-financing", key(),
                                    issue(ISSUER, "ENTERPRISE", "361024", "EXCHANGE_MARKET", "CORPORATE_BOND", amount, "2020-05-01", null, code))
                            .expectBody(String.class).returnResult()))
                    .toList();
            List<EntityExchangeResult<String>> answers = List.of(posts.get(0).get(), posts.get(1).get());

            assertThat(answers).extracting(answer -> answer.getStatus().value()).containsExactlyInAnyOrder(201, 422);
            assertThat(answers).filteredOn(answer -> answer.getStatus().value() == 422).singleElement()
                    .satisfies(answer -> assertThat(answer.getResponseBody()).contains("SECURITY_CODE_TAKEN").contains("/securityCode"));
        } finally {
            writers.shutdown();
        }
        calls.admin().get().uri("/direct-financing?region=361024").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Total-Count", "1").expectBody().jsonPath("$.length()").isEqualTo(1);
    }

    @Test
    void keepsEveryVersionTagsItAndStoresAChangeOnlyOntoTheVersionItNames() {
        String code = securityCode();
        String id = calls.created("/direct-financing", mtn("100.00", code));
        String uri = "/direct-financing/" + id;

        calls.put(calls.admin(), uri, mtn("150", code), "\"1\"")
                .expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");
        calls.put(calls.admin(), uri, mtn("175", code), "\"1\"")
                .expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("VERSION_MISMATCH");
        calls.put(calls.admin(), uri, mtn("150.00", code), null)
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");

        calls.admin().get().uri(uri).exchange().expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().jsonPath("$.amount").value(money("150"));
        calls.as(Role.ANALYST, null).get().uri(uri + "/versions").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].amount").value(money("100"))
                .jsonPath("$[1].amount").value(money("150"))
                .jsonPath("$[1].recordedBy").isNotEmpty();
        calls.expect("2020-12", "361025", "DF_INTERBANK_BOND_YTD", "150");
    }

    @Test
    void refusesACorrectionThatBreaksARuleAndKeepsTheLatestVersion() {
        String id = calls.created("/direct-financing", issue("361026", "OTHER", "OTHER", "300", "2020-03-01", null));

        calls.put(calls.admin(), "/direct-financing/" + id, issue("361026", "OTHER", "IPO", "300", "2020-03-01", null), null)
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.errors[0].pointer").isEqualTo("/instrument");

        calls.admin().get().uri("/direct-financing/" + id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1).jsonPath("$.instrument").isEqualTo("OTHER");
    }

    @Test
    void letsASecuritiesFirmSeeAndWriteOnlyTheIssuesItLed() {
        WebTestClient firm = calls.as(Role.SUBMITTER, FIRM);
        String mine = calls.created("/direct-financing", issue("361027", "EXCHANGE_MARKET", "CORPORATE_BOND", "10", "2021-03-01", FIRM));
        String theirs = calls.created("/direct-financing", issue("361027", "EXCHANGE_MARKET", "CORPORATE_BOND", "20", "2021-03-02", OTHER_FIRM));
        String nobodys = calls.created("/direct-financing", issue("361027", "EXCHANGE_MARKET", "CORPORATE_BOND", "40", "2021-03-03", null));

        calls.post(firm, "/direct-financing", key(), issue("361027", "EXCHANGE_MARKET", "IPO", "1", "2021-03-04", OTHER_FIRM))
                .expectStatus().isForbidden();
        calls.post(firm, "/direct-financing", key(), issue("361027", "EXCHANGE_MARKET", "IPO", "1", "2021-03-04", null))
                .expectStatus().isForbidden();
        for (String id : List.of(theirs, nobodys)) {
            firm.get().uri("/direct-financing/{id}", id).exchange().expectStatus().isForbidden();
            firm.get().uri("/direct-financing/{id}/versions", id).exchange().expectStatus().isForbidden();
            calls.put(firm, "/direct-financing/" + id, issue("361027", "EXCHANGE_MARKET", "IPO", "1", "2021-03-04", FIRM), null)
                    .expectStatus().isForbidden();
        }
        calls.put(firm, "/direct-financing/" + mine, issue("361027", "EXCHANGE_MARKET", "CORPORATE_BOND", "10", "2021-03-01", OTHER_FIRM), null)
                .expectStatus().isForbidden();
        calls.put(firm, "/direct-financing/" + mine, issue("361027", "EXCHANGE_MARKET", "CORPORATE_BOND", "12", "2021-03-01", FIRM), null)
                .expectStatus().isCreated();

        firm.get().uri("/direct-financing/{id}", mine).exchange().expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(2);
        firm.get().uri("/direct-financing?region=361027").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Total-Count", "1").expectBody().jsonPath("$[0].id").isEqualTo(mine);
        calls.as(Role.ANALYST, null).get().uri("/direct-financing?region=361027").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Total-Count", "3").expectBody().jsonPath("$.length()").isEqualTo(3);
        calls.as(Role.PORTAL, null).get().uri("/direct-financing?region=361027").exchange().expectStatus().isForbidden();
        calls.expect("2021-12", "361027", "DF_EXCHANGE_MARKET_YTD", "72");
    }

    @Test
    void listsByYearChannelAndRegionInPagesTheDatabaseCuts() {
        calls.created("/direct-financing", issue("361028", "ENTERPRISE_BOND", "ENTERPRISE_BOND", "1", "2018-03-01", null));
        String second = calls.created("/direct-financing", issue("361028", "ENTERPRISE_BOND", "ENTERPRISE_BOND", "2", "2018-02-01", null));
        calls.created("/direct-financing", issue("361028", "OTHER", "OTHER", "3", "2018-01-01", null));
        calls.created("/direct-financing", issue("361028", "ENTERPRISE_BOND", "ENTERPRISE_BOND", "4", "2017-12-31", null));

        calls.as(Role.ANALYST, null).get().uri("/direct-financing?year=2018&channel=ENTERPRISE_BOND&region=361028&offset=0&limit=1").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Total-Count", "2")
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].id").isEqualTo(second);
        calls.as(Role.ANALYST, null).get().uri("/direct-financing?year=2018&region=361028&offset=1&limit=10").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Total-Count", "3")
                .expectBody().jsonPath("$[*].issuedOn").isEqualTo(List.of("2018-02-01", "2018-03-01"));
    }

    @Test
    void refusesAnUnknownListFilterOrIdNamingTheParameter() {
        calls.as(Role.ANALYST, null).get().uri("/direct-financing?channel=LOANS").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].parameter").isEqualTo("channel");
        calls.as(Role.ANALYST, null).get().uri("/direct-financing?region=360000").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].parameter").isEqualTo("region");
        // 361000 is the whole city, as everywhere (architecture.md): no filter
        calls.as(Role.ANALYST, null).get().uri("/direct-financing?region=361000").exchange().expectStatus().isOk();
        calls.as(Role.ANALYST, null).get().uri("/direct-financing?limit=1001").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].parameter").isEqualTo("limit");
        calls.admin().get().uri("/direct-financing/{id}", UUID.randomUUID()).exchange().expectStatus().isNotFound();
        calls.admin().get().uri("/direct-financing/not-a-uuid").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].parameter").isEqualTo("id");
    }

    @Test
    void evaluatesTheIssueDateAtEachPeriodsLastDaySoThatACorrectionChangesEarlierPeriods() {
        String id = calls.created("/direct-financing", issue(ISSUER, "PLATFORM", "361030", "INTERBANK_BOND", "PPN", "700000000.00", "2021-05-12",
                null, securityCode()));
        calls.created("/direct-financing", issue("361030", "EXCHANGE_MARKET", "IPO", "300000000.00", "2021-05-31", null));

        calls.expect("2021-04", "361030", "DIRECT_FINANCING_YTD", "0");
        calls.sheet("2021-05", "361030")
                .jsonPath(of("DF_INTERBANK_BOND_YTD", "value")).value(money("700000000"))
                .jsonPath(of("DF_EXCHANGE_MARKET_YTD", "value")).value(money("300000000"))
                .jsonPath(of("DF_PLATFORM_YTD", "value")).value(money("700000000"))
                .jsonPath(of("DIRECT_FINANCING_YTD", "value")).value(money("1000000000"))
                .jsonPath(of("DIRECT_FINANCING_YTD", "kind")).isEqualTo("FLOW")
                .jsonPath(of("DIRECT_FINANCING_YTD", "unit")).isEqualTo("CNY");
        calls.expect("2022-01", "361030", "DIRECT_FINANCING_YTD", "0");

        calls.put(calls.admin(), "/direct-financing/" + id, issue(ISSUER, "PLATFORM", "361030", "INTERBANK_BOND", "PPN", "700000000.00", "2021-06-01",
                null, securityCodeOf(id)), null).expectStatus().isCreated();

        calls.sheet("2021-05", "361030")
                .jsonPath(of("DF_PLATFORM_YTD", "value")).value(money("0"))
                .jsonPath(of("DIRECT_FINANCING_YTD", "value")).value(money("300000000"));
        calls.expect("2021-06", "361030", "DIRECT_FINANCING_YTD", "1000000000");

        calls.put(calls.admin(), "/direct-financing/" + id, withStatus(issue(ISSUER, "PLATFORM", "361030", "INTERBANK_BOND", "PPN", "700000000.00",
                "2021-06-01", null, securityCodeOf(id)), "WITHDRAWN"), null).expectStatus().isCreated();
        calls.expect("2021-06", "361030", "DIRECT_FINANCING_YTD", "300000000");
    }

    @Test
    void storesACityTierPlatformsIssueAt361000AndCountsItForTheWholeCityOnly() {
        // 2016 is this test's own year: no other test dates an issue in it
        calls.created("/direct-financing", issue(ISSUER, "PLATFORM", "361000", "INTERBANK_BOND", "MTN", "500000000.00", "2016-03-10", null));
        calls.created("/direct-financing", issue(ISSUER, "PLATFORM", "361002", "INTERBANK_BOND", "PPN", "200000000.00", "2016-04-20", null));

        // the city: 500,000,000 (at 361000) + 200,000,000 (at 361002); a county sees only its own
        calls.expect("2016-04", "361000", "DF_PLATFORM_YTD", "700000000");
        calls.expect("2016-04", "361002", "DF_PLATFORM_YTD", "200000000");
        calls.expect("2016-04", "361003", "DF_PLATFORM_YTD", "0");
        calls.as(Role.ANALYST, null).get().uri("/direct-financing?year=2016").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Total-Count", "2")
                .expectBody().jsonPath("$[*].region").isEqualTo(List.of("361000", "361002"));
    }

    @Test
    void countsTheSecuritiesInstitutionsOpenAtTheLastDayOfThePeriod() {
        calls.register("91361090MA3QT0007T", "SECURITIES_SALES_DEPT", "361090", "2017-05-01", "2020-06-30");
        calls.register("91361024MA3QT0008B", "FUTURES_BRANCH", "361090", "2020-06-30", null);

        calls.expect("2017-04", "361090", "SECURITIES_INSTITUTION_COUNT", "0");
        calls.expect("2017-05", "361090", "SECURITIES_INSTITUTION_COUNT", "1");
        calls.expect("2020-06", "361090", "SECURITIES_INSTITUTION_COUNT", "2");
        calls.sheet("2020-07", "361090").jsonPath(of("SECURITIES_INSTITUTION_COUNT", "value")).value(money("1"))
                .jsonPath(of("SECURITIES_INSTITUTION_COUNT", "kind")).isEqualTo("STOCK")
                .jsonPath(of("SECURITIES_INSTITUTION_COUNT", "unit")).isEqualTo("COUNT");
    }

    private static String mtn(String amount, String code) {
        return issue(ISSUER, "ENTERPRISE", "361025", "INTERBANK_BOND", "MTN", amount, "2020-04-08", null, code);
    }

    private String securityCodeOf(String id) {
        return calls.admin().get().uri("/direct-financing/{id}", id).exchange().expectBody(String.class).returnResult().getResponseBody()
                .replaceFirst("(?s).*\"securityCode\":\"([^\"]+)\".*", "$1");
    }

    private static String securityCode() {
        return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + ".SH";
    }

    private static String issue(String region, String channel, String instrument, String amount, String issuedOn, @Nullable String underwriter) {
        return issue(ISSUER, "ENTERPRISE", region, channel, instrument, amount, issuedOn, underwriter, securityCode());
    }

    private static String issue(String uscc, String kind, String region, String channel, String instrument, String amount, String issuedOn,
                                @Nullable String underwriter) {
        return issue(uscc, kind, region, channel, instrument, amount, issuedOn, underwriter, securityCode());
    }

    private static String issue(String uscc, String kind, String region, String channel, String instrument, String amount, String issuedOn,
                                @Nullable String underwriter, String securityCode) {
        return "{\"issuer\": {\"uscc\": \"" + uscc + "\", \"name\": \"抚州测试发行人\", \"kind\": \"" + kind + "\"}, \"region\": \"" + region
                + "\", \"channel\": \"" + channel + "\", \"instrument\": \"" + instrument + "\", \"securityCode\": \"" + securityCode
                + "\", \"amount\": " + amount + ", \"issuedOn\": \"" + issuedOn + "\", \"leadUnderwriter\": "
                + (underwriter == null ? "null" : "\"" + underwriter + "\"") + "}";
    }

    private static String withStatus(String body, String status) {
        return body.substring(0, body.length() - 1) + ", \"status\": \"" + status + "\"}";
    }
}
