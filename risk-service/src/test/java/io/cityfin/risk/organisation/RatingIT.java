package io.cityfin.risk.organisation;

import static io.cityfin.risk.organisation.OrganisationWeb.action;
import static io.cityfin.risk.organisation.OrganisationWeb.badParameter;
import static io.cityfin.risk.organisation.OrganisationWeb.rating;
import static io.cityfin.risk.organisation.OrganisationWeb.refused;
import static io.cityfin.risk.organisation.OrganisationWeb.uscc;
import static io.cityfin.risk.organisation.OrganisationWeb.withStatus;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.identity.Role;
import io.cityfin.common.test.WithOwnPostgres;

/**
 * Classification ratings on real PostgreSQL: one per organisation and year, versioned with ETag and If-Match, and every
 * refusal of data-standard-2.md "Local financial organisations" with its pointer and nothing stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cityfin.demo-data=false")
@AutoConfigureWebTestClient(timeout = "30s")
@WithOwnPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RatingIT {

    @Autowired
    WebTestClient client;

    OrganisationWeb web;

    @BeforeAll
    void calls() {
        web = new OrganisationWeb(client);
    }

    @Test
    void ratesAYearOnceAndReplacesItAsTheNextVersion() {
        String code = web.registered("SMALL_LOAN", "361002");

        web.putRating(code, 2021, rating("B", "2022-03-15"), null).expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"").expectBody()
                .jsonPath("$.institution").isEqualTo(code).jsonPath("$.year").isEqualTo(2021).jsonPath("$.grade").isEqualTo("B");
        web.putRating(code, 2021, rating("B", "2022-03-15"), null).expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"");
        web.putRating(code, 2021, rating("C", "2022-03-15"), "\"1\"").expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");
        web.putRating(code, 2021, rating("A", "2022-03-15"), "\"1\"").expectStatus().isEqualTo(412);
        web.putRating(code, 2020, rating("C", "2020-12-30"), null).expectStatus().isCreated();

        web.get("/institutions/{code}/ratings/{year}", code, 2021).expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().jsonPath("$.grade").isEqualTo("C");
        web.get("/institutions/{code}/ratings/{year}/versions", code, 2021).expectStatus().isOk().expectBody()
                .jsonPath("$[*].grade").isEqualTo(List.of("B", "C"));
        web.get("/institutions/{code}/ratings", code).expectStatus().isOk().expectBody()
                .jsonPath("$[*].year").isEqualTo(List.of(2020, 2021));
        web.get("/institutions/{code}/ratings/{year}", code, 2019).expectStatus().isNotFound();

        // withdrawn, then restored
        web.putRating(code, 2020, withStatus(rating("C", "2020-12-30"), "WITHDRAWN"), null).expectStatus().isCreated().expectBody()
                .jsonPath("$.status").isEqualTo("WITHDRAWN");
    }

    @Test
    void refusesAnUnknownOrMissingGradeAndABadDate() {
        String code = web.registered("PAWN", "361002");
        refused(web.putRating(code, 2021, rating("D", "2022-03-15"), null), "UNKNOWN_GRADE", "/grade");
        refused(web.putRating(code, 2021, "{\"ratedOn\": \"2022-03-15\"}", null), "MISSING_VALUE", "/grade");
        refused(web.putRating(code, 2021, "{\"grade\": \"A\"}", null), "MISSING_VALUE", "/ratedOn");
        refused(web.putRating(code, 2021, rating("A", "2022-3-15"), null), "INVALID_DATE", "/ratedOn");
        refused(web.putRating(code, 2098, rating("A", "2099-01-15"), null), "DATE_IN_FUTURE", "/ratedOn");
        refused(web.putRating(code, 2021, withStatus(rating("A", "2022-03-15"), "DELETED"), null), "UNKNOWN_STATUS", "/status");
        web.get("/institutions/{code}/ratings", code).expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void refusesARatingGivenOutsideItsYearOrTheYearAfter() {
        String code = web.registered("SMALL_LOAN", "361002");
        refused(web.putRating(code, 2020, rating("C", "2019-12-31"), null), "RATED_OUTSIDE_YEAR", "/ratedOn");
        refused(web.putRating(code, 2020, rating("C", "2022-01-01"), null), "RATED_OUTSIDE_YEAR", "/ratedOn");
        web.putRating(code, 2020, rating("C", "2020-01-01"), null).expectStatus().isCreated();
        web.putRating(code, 2019, rating("C", "2020-12-31"), null).expectStatus().isCreated();
    }

    @Test
    void refusesARatingDatedAfterTheEndingAction() {
        String code = web.registered("SMALL_LOAN", "361002");
        web.acted(code, action("PILOT_REVOKED", "2022-09-20"));
        refused(web.putRating(code, 2022, rating("C", "2022-09-21"), null), "AFTER_ENDING_ACTION", "/ratedOn");
        web.putRating(code, 2022, rating("C", "2022-09-20"), null).expectStatus().isCreated();
    }

    @Test
    void answersNotFoundForAnUnknownOrganisationAndBadRequestForABadCodeOrYear() {
        web.putRating(uscc("361002"), 2021, rating("A", "2022-03-15"), null).expectStatus().isNotFound();
        web.get("/institutions/{code}/ratings", uscc("361002")).expectStatus().isNotFound();
        badParameter(web.putRating("91361000REG1", 2021, rating("A", "2022-03-15"), null), "INVALID_USCC", "code");
        String code = web.registered("PAWN", "361002");
        web.putRating(code, 1989, rating("A", "1990-03-15"), null).expectStatus().isBadRequest();
    }

    @Test
    void letsOnlyStaffWriteAndRead() {
        String code = web.registered("PAWN", "361002");
        for (Role other : List.of(Role.SUBMITTER, Role.PORTAL)) {
            web.as(other).put().uri("/institutions/{code}/ratings/{year}", code, 2021).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(rating("A", "2022-03-15")).exchange().expectStatus().isForbidden();
            web.as(other).get().uri("/institutions/{code}/ratings", code).exchange().expectStatus().isForbidden();
        }
        web.as(Role.ADMIN).put().uri("/institutions/{code}/ratings/{year}", code, 2021).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(rating("A", "2022-03-15")).exchange().expectStatus().isCreated();
    }
}
