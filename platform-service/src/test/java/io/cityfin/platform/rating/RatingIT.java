package io.cityfin.platform.rating;

import static io.cityfin.platform.PlatformWeb.entry;
import static io.cityfin.platform.PlatformWeb.platform;
import static io.cityfin.platform.PlatformWeb.rating;
import static io.cityfin.platform.PlatformWeb.uscc;
import static io.cityfin.platform.PlatformWeb.withStatus;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

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
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.identity.Role;
import io.cityfin.common.period.CityClock;
import io.cityfin.common.test.WithOwnPostgres;
import io.cityfin.platform.PlatformWeb;

/**
 * Ratings on real PostgreSQL, on a database of their own: created under a platform with an Idempotency-Key, replaced
 * with If-Match, and every refusal of data-standard-2.md "Credit ratings" with its pointer and nothing stored (the
 * platform's ratings stay as they were).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cityfin.demo-data=false")
@AutoConfigureWebTestClient(timeout = "30s")
@WithOwnPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RatingIT {

    @Autowired
    WebTestClient client;

    PlatformWeb web;
    /** Rated AA by CCXI on 2020-06-01 (ASSIGNED), nothing else. */
    String rated;
    /** Deregistered on 2021-06-30. */
    String deregistered;

    @BeforeAll
    void calls() {
        web = new PlatformWeb(client);
        rated = web.activeL1("361025", "2015-01-01");
        web.rated(rated, rating("CCXI", "AA", "ASSIGNED", "2020-06-01"));
        deregistered = uscc("361025");
        web.putPlatform(deregistered, platform("COUNTY", "361025", entry("2015-01-01", "ACTIVE", "L1", null),
                entry("2021-06-30", "DEREGISTERED", "L1", null))).expectStatus().isCreated();
    }

    @Test
    void createsARatingOncePerKeyAndReplacesItAsTheNextVersion() {
        String uscc = web.activeL1("361026", "2015-01-01");
        String body = rating("LIANHE", "AA-", "ASSIGNED", "2021-03-01");

        WebTestClient analyst = web.as(Role.ANALYST);
        String id = String.valueOf(web.postRating(analyst, uscc, body, "key-1").expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody(java.util.Map.class).returnResult().getResponseBody().get("id"));
        web.postRating(analyst, uscc, body, "key-1").expectStatus().isCreated().expectBody().jsonPath("$.id").isEqualTo(id)
                .jsonPath("$.platform").isEqualTo(uscc).jsonPath("$.rating").isEqualTo("AA-");
        web.postRating(analyst, uscc, rating("LIANHE", "AA", "ASSIGNED", "2021-03-02"), "key-1").expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("IDEMPOTENCY_KEY_REUSED");
        web.postRating(uscc, body, null).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].code").isEqualTo("MISSING_IDEMPOTENCY_KEY");

        // an upgrade the next year, then its own date corrected: the rating it replaces is not its own previous one
        String upgrade = web.rated(uscc, rating("LIANHE", "AA+", "UPGRADED", "2022-05-10"));
        web.putRating(upgrade, rating("LIANHE", "AA+", "UPGRADED", "2022-05-12"), "\"1\"").expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"").expectBody().jsonPath("$.ratedOn").isEqualTo("2022-05-12")
                .jsonPath("$.platform").isEqualTo(uscc);
        web.putRating(upgrade, rating("LIANHE", "AA+", "UPGRADED", "2022-05-13"), "\"1\"").expectStatus().isEqualTo(412);
        web.get("/ratings/{id}/versions", upgrade).expectStatus().isOk().expectBody()
                .jsonPath("$[*].ratedOn").value(dates -> assertThat((List<Object>) dates).containsExactly("2022-05-10", "2022-05-12"));
        web.get("/platforms/{uscc}/ratings", uscc).expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(2);

        // withdrawn, the AA- no longer stands before the upgrade: an AFFIRMED AA- then has no previous rating
        web.putRating(id, withStatus(body, "WITHDRAWN"), null).expectStatus().isCreated();
        PlatformWeb.refused(web.postRating(uscc, rating("LIANHE", "AA-", "AFFIRMED", "2021-09-01")), "NO_PREVIOUS_RATING", "/action");
    }

    @Test
    void answersNotFoundForAnUnknownPlatformOrRating() {
        String unknown = uscc("361026");
        web.postRating(unknown, rating("CCXI", "AA", "ASSIGNED", "2020-06-01")).expectStatus().isNotFound();
        web.get("/platforms/{uscc}/ratings", unknown).expectStatus().isNotFound();
        web.get("/ratings/{id}", "0b6f7e64-3f7a-4f33-9b55-6d2d2c2b9a01").expectStatus().isNotFound();
        web.putRating("0b6f7e64-3f7a-4f33-9b55-6d2d2c2b9a01", rating("CCXI", "AA", "ASSIGNED", "2020-06-01"), null).expectStatus().isNotFound();
        web.get("/ratings/{id}", "not-an-id").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].code").isEqualTo("INVALID_ID");
    }

    Stream<Arguments> refusals() {
        String tomorrow = CityClock.today(CityClock.system()).plusDays(1).toString();
        return Stream.of(
                Arguments.of("MISSING_VALUE", rating("CCXI", "AA", "ASSIGNED", "2021-06-01").replace("\"agency\": \"CCXI\", ", ""), "/agency", false),
                Arguments.of("UNKNOWN_AGENCY", rating("MOODYS", "AA", "ASSIGNED", "2021-06-01"), "/agency", false),
                Arguments.of("MISSING_VALUE", rating("OTHER", "AA", "ASSIGNED", "2021-06-01"), "/agencyName", false),
                Arguments.of("UNKNOWN_RATING", rating("LIANHE", "AAAA", "ASSIGNED", "2021-06-01"), "/rating", false),
                Arguments.of("UNKNOWN_OUTLOOK", rating("LIANHE", "AA", "ASSIGNED", "2021-06-01").replace("STABLE", "BRIGHT"), "/outlook", false),
                Arguments.of("MISSING_VALUE", rating("LIANHE", "AA", "ASSIGNED", "2021-06-01").replace(", \"outlook\": \"STABLE\"", ""), "/outlook", false),
                Arguments.of("MISSING_VALUE", rating("LIANHE", "AA", "ASSIGNED", "2021-06-01").replace(", \"action\": \"ASSIGNED\"", ""), "/action", false),
                Arguments.of("UNKNOWN_ACTION", rating("LIANHE", "AA", "REVIEWED", "2021-06-01"), "/action", false),
                Arguments.of("RATING_NOT_ALLOWED", rating("CCXI", "AA", "TERMINATED", "2021-06-01"), "/rating", false),
                Arguments.of("RATING_MISSING", rating("LIANHE", null, "ASSIGNED", "2021-06-01"), "/rating", false),
                Arguments.of("NOT_AN_UPGRADE", rating("CCXI", "AA", "UPGRADED", "2021-06-01"), "/rating", false),
                Arguments.of("NOT_AN_UPGRADE", rating("CCXI", "AA-", "UPGRADED", "2021-06-01"), "/rating", false),
                Arguments.of("NOT_A_DOWNGRADE", rating("CCXI", "AA+", "DOWNGRADED", "2021-06-01"), "/rating", false),
                Arguments.of("NOT_AFFIRMED", rating("CCXI", "AA-", "AFFIRMED", "2021-06-01"), "/rating", false),
                Arguments.of("NO_PREVIOUS_RATING", rating("LIANHE", "AA", "AFFIRMED", "2021-06-01"), "/action", false),
                Arguments.of("NO_PREVIOUS_RATING", rating("CCXI", "AA", "AFFIRMED", "2020-06-01"), "/action", false),
                Arguments.of("NO_PREVIOUS_RATING", rating("LIANHE", null, "TERMINATED", "2021-06-01"), "/action", false),
                Arguments.of("AGENCY_RATED_SAME_DAY", rating("CCXI", "AA+", "ASSIGNED", "2020-06-01"), "/ratedOn", false),
                Arguments.of("MISSING_VALUE", rating("LIANHE", "AA", "ASSIGNED", "2021-06-01").replace(", \"ratedOn\": \"2021-06-01\"", ""), "/ratedOn", false),
                Arguments.of("INVALID_DATE", rating("LIANHE", "AA", "ASSIGNED", "2021-02-30"), "/ratedOn", false),
                Arguments.of("DATE_IN_FUTURE", rating("LIANHE", "AA", "ASSIGNED", tomorrow), "/ratedOn", false),
                Arguments.of("RATED_AFTER_DEREGISTRATION", rating("LIANHE", "AA", "ASSIGNED", "2021-07-01"), "/ratedOn", true),
                Arguments.of("UNKNOWN_STATUS", withStatus(rating("LIANHE", "AA", "ASSIGNED", "2021-06-01"), "DELETED"), "/status", false));
    }

    @ParameterizedTest(name = "{0} at {2}")
    @MethodSource("refusals")
    void refusesARatingThatBreaksARuleWithItsPointerAndStoresNothing(String code, String body, String pointer, boolean ofTheDeregistered) {
        String uscc = ofTheDeregistered ? deregistered : rated;

        PlatformWeb.refused(web.postRating(uscc, body), code, pointer);

        web.get("/platforms/{uscc}/ratings", uscc).expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(ofTheDeregistered ? 0 : 1);
    }

    @Test
    void refusesAReplacementThatBreaksARuleAndKeepsTheVersions() {
        String uscc = web.activeL1("361027", "2015-01-01");
        web.rated(uscc, rating("PENGYUAN", "AA-", "ASSIGNED", "2020-01-10"));
        String affirmed = web.rated(uscc, rating("PENGYUAN", "AA-", "AFFIRMED", "2021-01-10"));

        PlatformWeb.refused(web.putRating(affirmed, rating("PENGYUAN", "AA", "AFFIRMED", "2021-01-10"), null), "NOT_AFFIRMED", "/rating");
        PlatformWeb.refused(web.putRating(affirmed, rating("PENGYUAN", "AA-", "ASSIGNED", "2020-01-10"), null), "AGENCY_RATED_SAME_DAY", "/ratedOn");

        web.get("/ratings/{id}/versions", affirmed).expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].rating").isEqualTo("AA-");
        web.putRating(affirmed, rating("PENGYUAN", "AA", "UPGRADED", "2021-01-10"), "\"1\"").expectStatus().isCreated();
    }
}
