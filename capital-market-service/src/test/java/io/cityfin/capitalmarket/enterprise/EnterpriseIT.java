package io.cityfin.capitalmarket.enterprise;

import static io.cityfin.capitalmarket.enterprise.EnterpriseWeb.count;
import static io.cityfin.capitalmarket.enterprise.EnterpriseWeb.enterprise;
import static io.cityfin.capitalmarket.enterprise.EnterpriseWeb.listing;
import static io.cityfin.capitalmarket.enterprise.EnterpriseWeb.of;
import static io.cityfin.capitalmarket.enterprise.EnterpriseWeb.reformed;
import static io.cityfin.capitalmarket.enterprise.EnterpriseWeb.uscc;
import static io.cityfin.capitalmarket.enterprise.EnterpriseWeb.withStatus;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.identity.Role;
import io.cityfin.common.period.CityClock;
import io.cityfin.common.test.WithOwnPostgres;

/**
 * Enterprises on real PostgreSQL, on a database of their own: versions, ETag and If-Match, every refusal with its
 * pointer and nothing stored, the REGION_CHANGED warning, the (board, stock code) claim under concurrent writes, lists
 * and the indicators at D. Each test counts in a region of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cityfin.demo-data=false")
@AutoConfigureWebTestClient(timeout = "30s")
@WithOwnPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnterpriseIT {

    @Autowired
    WebTestClient client;

    EnterpriseWeb web;

    @BeforeAll
    void calls() {
        web = new EnterpriseWeb(client);
    }

    @Test
    void recordsVersionOneThenTheNextVersionAndAnswersUnchangedContentWithTheLatest() {
        String uscc = uscc("361021");
        String first = enterprise("361021", listing("NEEQ", "873456", "2022-08-09", null));

        web.putEnterprise(uscc, first).expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody()
                .jsonPath("$.uscc").isEqualTo(uscc)
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.status").isEqualTo("ACTIVE")
                .jsonPath("$.board").isEqualTo("NEEQ")
                .jsonPath("$.warnings.length()").isEqualTo(0)
                .jsonPath("$.recordedBy").isNotEmpty()
                .jsonPath("$.contentHash").value(hash -> assertThat(hash.toString()).hasSize(64))
                .jsonPath("$.listings[0].stockCode").isEqualTo("873456");
        web.putEnterprise(uscc, first).expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody().jsonPath("$.version").isEqualTo(1);
        web.putEnterprise(uscc, enterprise("361021", listing("NEEQ", "873456", "2022-08-09", "2022-09-01"),
                listing("BSE", "873456", "2022-09-01", null))).expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().jsonPath("$.version").isEqualTo(2).jsonPath("$.board").isEqualTo("BSE");

        web.get("/enterprises/{uscc}", uscc).expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().jsonPath("$.version").isEqualTo(2);
        web.get("/enterprises/{uscc}/versions", uscc).expectStatus().isOk().expectBody()
                .jsonPath("$[*].version").value(versions -> assertThat((List<Object>) versions).containsExactly(1, 2))
                .jsonPath("$[0].recordedAt").isNotEmpty()
                .jsonPath("$[0].recordedFor").isEmpty()
                .jsonPath("$[1].listings.length()").isEqualTo(2);
    }

    @Test
    void storesAChangeOnlyOntoTheVersionItsIfMatchNames() {
        String uscc = uscc("361022");
        web.putEnterprise(Role.ADMIN, uscc, enterprise("361022"), "\"1\"").expectStatus().isEqualTo(412);
        web.putEnterprise(uscc, enterprise("361022")).expectStatus().isCreated();

        web.putEnterprise(Role.ADMIN, uscc, enterprise("361022", listing("REGIONAL_EQUITY", "JX0001", "2020-01-01", null)), "\"1\"")
                .expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");
        web.putEnterprise(Role.ADMIN, uscc, enterprise("361022"), "\"1\"")
                .expectStatus().isEqualTo(412)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].parameter").isEqualTo("If-Match").jsonPath("$.errors[0].code").isEqualTo("VERSION_MISMATCH");
        web.putEnterprise(Role.ADMIN, uscc, enterprise("361022"), "1").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("INVALID_IF_MATCH");

        web.get("/enterprises/{uscc}", uscc).expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().jsonPath("$.board").isEqualTo("REGIONAL_EQUITY");
    }

    Stream<Arguments> refusals() {
        String tomorrow = CityClock.today(CityClock.system()).plusDays(1).toString();
        String r = "361023";
        return Stream.of(
                Arguments.of("MISSING_VALUE", enterprise(r).replace("\"name\": \"抚州测试股份有限公司\", ", ""), "/name"),
                Arguments.of("UNKNOWN_REGION", enterprise("360100"), "/region"),
                Arguments.of("CITY_REGION_ON_RECORD", enterprise("361000"), "/region"),
                Arguments.of("INVALID_DATE", enterprise(r).replace("2021-07-01", "2021-02-30"), "/specialisedSmeSince"),
                Arguments.of("DATE_IN_FUTURE", enterprise(r).replace("2021-07-01", tomorrow), "/specialisedSmeSince"),
                Arguments.of("RESERVE_POOL_UNTIL_BEFORE_SINCE", enterprise(r).replace("\"until\": null", "\"until\": \"2022-02-01\""),
                        "/reservePool/until"),
                Arguments.of("MISSING_VALUE", enterprise(r).replace(", \"listings\": []", ""), "/listings"),
                Arguments.of("UNKNOWN_REFORM_STATUS", reformed(r, "{\"status\": \"STARTED\"}"), "/shareholdingReform/status"),
                Arguments.of("SIGNED_ON_MISSING", reformed(r, "{\"status\": \"SIGNED\"}"), "/shareholdingReform/signedOn"),
                Arguments.of("COMPLETED_ON_NOT_COMPLETED", reformed(r, "{\"status\": \"SIGNED\", \"signedOn\": \"2022-01-01\", "
                        + "\"completedOn\": \"2022-02-01\"}"), "/shareholdingReform/completedOn"),
                Arguments.of("COMPLETED_BEFORE_SIGNED", reformed(r, "{\"status\": \"COMPLETED\", \"signedOn\": \"2022-01-01\", "
                        + "\"completedOn\": \"2021-12-31\"}"), "/shareholdingReform/completedOn"),
                Arguments.of("REFORM_DATES_WITHOUT_REFORM", reformed(r, "{\"status\": \"NONE\", \"signedOn\": \"2022-01-01\"}"),
                        "/shareholdingReform/signedOn"),
                Arguments.of("UNKNOWN_BOARD", enterprise(r, listing("NONE", "873456", "2022-08-09", null)), "/listings/0/board"),
                Arguments.of("STOCK_CODE_MISMATCH", enterprise(r, listing("STAR", "600519", "2022-08-09", null)), "/listings/0/stockCode"),
                Arguments.of("MISSING_VALUE", enterprise(r, listing("NEEQ", "873456", "2022-08-09", null)
                        .replace("\"listedOn\": \"2022-08-09\"", "\"listedOn\": null")), "/listings/0/listedOn"),
                Arguments.of("DELISTED_BEFORE_LISTED", enterprise(r, listing("NEEQ", "873456", "2022-08-09", "2022-08-01")),
                        "/listings/0/delistedOn"),
                Arguments.of("LISTING_OVERLAP", enterprise(r, listing("NEEQ", "873456", "2022-06-01", null),
                        listing("BSE", "873456", "2022-08-01", null)), "/listings/1/listedOn"),
                Arguments.of("REFORM_NOT_COMPLETED", reformed(r, "{\"status\": \"SIGNED\", \"signedOn\": \"2022-01-01\"}",
                        listing("CHINEXT", "300999", "2022-08-09", null)), "/listings/0/board"),
                Arguments.of("UNKNOWN_STATUS", withStatus(enterprise(r), "DELETED"), "/status"));
    }

    @ParameterizedTest(name = "{0} at {2}")
    @MethodSource("refusals")
    void refusesAnEnterpriseThatBreaksARuleWithItsPointerAndStoresNothing(String code, String body, String pointer) {
        String uscc = uscc("361023");

        EnterpriseWeb.refused(web.putEnterprise(uscc, body), code, pointer);

        web.get("/enterprises/{uscc}", uscc).expectStatus().isNotFound();
    }

    @ParameterizedTest
    @ValueSource(strings = {"91361000MA35DEM01X", "91361000MA35DEM01", "91361000MA35DEMO1K", "not-a-uscc"})
    void refusesAMalformedUsccNamingThePathParameter(String uscc) {
        web.putEnterprise(uscc, enterprise("361023")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].parameter").isEqualTo("uscc").jsonPath("$.errors[0].code").isEqualTo("INVALID_USCC");
        web.get("/enterprises/{uscc}", uscc).expectStatus().isBadRequest();
    }

    @Test
    void storesAChangedRegionsWarningOnTheVersionAndReturnsIt() {
        String uscc = uscc("361024");
        web.putEnterprise(uscc, enterprise("361024")).expectStatus().isCreated();

        web.putEnterprise(uscc, enterprise("361025")).expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.warnings.length()").isEqualTo(1)
                .jsonPath("$.warnings[0].code").isEqualTo("REGION_CHANGED")
                .jsonPath("$.warnings[0].pointer").isEqualTo("/region");

        web.get("/enterprises/{uscc}/versions", uscc).expectStatus().isOk().expectBody()
                .jsonPath("$[0].warnings.length()").isEqualTo(0)
                .jsonPath("$[1].warnings[0].code").isEqualTo("REGION_CHANGED");
        web.get("/warnings").expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.recordKey == '" + uscc + "')].code").value(codes -> assertThat((List<Object>) codes).containsExactly("REGION_CHANGED"));
    }

    @Test
    void letsExactlyOneOfTwoEnterprisesClaimABoardAndStockCodeAtOnce() throws Exception {
        String one = uscc("361026");
        String other = uscc("361026");
        String body = enterprise("361026", listing("CHINEXT", "301234", "2022-06-01", null));
        ExecutorService writers = Executors.newFixedThreadPool(2);
        List<Integer> statuses = new ArrayList<>();
        try {
            // each request on a thread of its own: WebTestClient's exchange() waits for the answer
            List<Callable<Integer>> puts = List.of(
                    () -> web.putEnterprise(one, body).returnResult(String.class).getStatus().value(),
                    () -> web.putEnterprise(other, body).returnResult(String.class).getStatus().value());
            for (Future<Integer> put : writers.invokeAll(puts)) {
                statuses.add(put.get());
            }
        } finally {
            writers.shutdown();
        }

        assertThat(statuses).containsExactlyInAnyOrder(201, 422);
        String loser = statuses.get(0) == 422 ? one : other;
        web.putEnterprise(loser, body).expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("STOCK_CODE_TAKEN")
                .jsonPath("$.errors[0].pointer").isEqualTo("/listings/0/stockCode");
        web.get("/enterprises/{uscc}", loser).expectStatus().isNotFound();
        web.sheet("2022-09", "361026").jsonPath(of("LISTED_COMPANY_COUNT")).value(count(1));
    }

    @Test
    void letsAnotherEnterpriseTakeAStockCodeOnlyAfterItWasDelisted() {
        String first = uscc("361027");
        String second = uscc("361027");
        web.putEnterprise(first, enterprise("361027", listing("REGIONAL_EQUITY", "JXT777", "2019-01-01", "2021-01-01"))).expectStatus().isCreated();

        web.putEnterprise(second, enterprise("361027", listing("REGIONAL_EQUITY", "JXT777", "2020-12-31", null))).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("STOCK_CODE_TAKEN");
        web.putEnterprise(second, enterprise("361027", listing("REGIONAL_EQUITY", "JXT777", "2021-01-01", null))).expectStatus().isCreated();
        web.putEnterprise(first, withStatus(enterprise("361027", listing("REGIONAL_EQUITY", "JXT777", "2019-01-01", null)), "ACTIVE"))
                .expectStatus().isEqualTo(422);
    }

    @Test
    void countsAListingOpenedAndClosedAroundDAndAPastCorrectionInTheEarlierPeriod() {
        String uscc = uscc("361028");
        web.putEnterprise(uscc, enterprise("361028", listing("NEEQ", "873999", "2022-06-10", "2022-08-15"))).expectStatus().isCreated();

        web.sheet("2022-05", "361028").jsonPath(of("NEEQ_LISTED_COUNT")).value(count(0));
        web.sheet("2022-06", "361028").jsonPath(of("NEEQ_LISTED_COUNT")).value(count(1));
        web.sheet("2022-07", "361028").jsonPath(of("NEEQ_LISTED_COUNT")).value(count(1));
        web.sheet("2022-08", "361028").jsonPath(of("NEEQ_LISTED_COUNT")).value(count(0));

        web.putEnterprise(uscc, enterprise("361028", listing("NEEQ", "873999", "2022-05-20", "2022-08-15"))).expectStatus().isCreated();

        web.sheet("2022-05", "361028").jsonPath(of("NEEQ_LISTED_COUNT")).value(count(1))
                .jsonPath(of("SHAREHOLDING_REFORM_NEW_YTD")).value(count(1))
                .jsonPath(of("SPECIALISED_SME_COUNT")).value(count(1))
                .jsonPath(of("RESERVE_POOL_COUNT")).value(count(1));
        web.sheet("2022-02", "361028").jsonPath(of("RESERVE_POOL_COUNT")).value(count(0))
                .jsonPath(of("SHAREHOLDING_REFORM_SIGNED_COUNT")).value(count(1));
    }

    @Test
    void countsAWithdrawnEnterpriseNowhereUntilItIsRestored() {
        String uscc = uscc("361030");
        String body = enterprise("361030", listing("OVERSEAS", "2402.HK", "2022-07-01", null));
        web.putEnterprise(uscc, body).expectStatus().isCreated();
        web.sheet("2022-09", "361030").jsonPath(of("LISTED_COMPANY_COUNT")).value(count(1)).jsonPath(of("NEW_LISTINGS_YTD")).value(count(1));

        web.putEnterprise(uscc, withStatus(body, "WITHDRAWN")).expectStatus().isCreated().expectBody().jsonPath("$.status").isEqualTo("WITHDRAWN");
        web.sheet("2022-09", "361030").jsonPath(of("LISTED_COMPANY_COUNT")).value(count(0)).jsonPath(of("NEW_LISTINGS_YTD")).value(count(0));

        web.putEnterprise(uscc, body).expectStatus().isCreated().expectBody().jsonPath("$.version").isEqualTo(3);
        web.sheet("2022-09", "361030").jsonPath(of("LISTED_COMPANY_COUNT")).value(count(1));
    }

    @Test
    void listsEnterprisesByRegionBoardAndStatusAPageAtATime() {
        String a = uscc("361003");
        String b = uscc("361003");
        String c = uscc("361003");
        web.putEnterprise(a, enterprise("361003", listing("NEEQ", "874001", "2022-08-01", null))).expectStatus().isCreated();
        web.putEnterprise(b, enterprise("361003", listing("REGIONAL_EQUITY", "JXL001", "2020-01-01", null))).expectStatus().isCreated();
        web.putEnterprise(c, withStatus(enterprise("361003", listing("NEEQ", "874002", "2022-08-01", null)), "WITHDRAWN")).expectStatus().isCreated();

        web.get("/enterprises?region=361003&board=NEEQ").expectStatus().isOk().expectHeader().valueEquals("X-Total-Count", "2").expectBody()
                .jsonPath("$[*].uscc").value(usccs -> assertThat((List<Object>) usccs).containsExactlyInAnyOrder(a, c));
        web.get("/enterprises?region=361003&board=NEEQ&status=ACTIVE").expectStatus().isOk().expectHeader().valueEquals("X-Total-Count", "1")
                .expectBody().jsonPath("$[0].uscc").isEqualTo(a);
        web.get("/enterprises?region=361003&limit=2&offset=2").expectStatus().isOk().expectHeader().valueEquals("X-Total-Count", "3")
                .expectBody().jsonPath("$.length()").isEqualTo(1);
        web.get("/enterprises?board=NASDAQ").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].parameter").isEqualTo("board");
        web.get("/enterprises?region=360100").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].parameter").isEqualTo("region");
        web.get("/enterprises?status=GONE").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].parameter").isEqualTo("status");
        web.get("/enterprises?limit=1001").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].parameter").isEqualTo("limit");
    }

    @Test
    void letsOnlyAdminsAndAnalystsWriteAndRead() {
        String uscc = uscc("361090");

        web.putEnterprise(Role.SUBMITTER, uscc, enterprise("361090"), null).expectStatus().isForbidden();
        web.putEnterprise(Role.ADMIN, uscc, enterprise("361090"), null).expectStatus().isCreated();
        web.as(Role.SUBMITTER).get().uri("/enterprises/{uscc}", uscc).exchange().expectStatus().isForbidden();
        web.get("/enterprises/{uscc}", uscc).expectStatus().isOk();
    }
}
