package io.cityfin.risk.organisation;

import static io.cityfin.risk.organisation.OrganisationWeb.action;
import static io.cityfin.risk.organisation.OrganisationWeb.institution;
import static io.cityfin.risk.organisation.OrganisationWeb.rating;
import static io.cityfin.risk.organisation.OrganisationWeb.refused;
import static io.cityfin.risk.organisation.OrganisationWeb.uscc;
import static io.cityfin.risk.organisation.OrganisationWeb.withStatus;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.identity.Role;
import io.cityfin.common.test.WithOwnPostgres;

/**
 * Supervisory actions on real PostgreSQL: created once per Idempotency-Key, replaced with If-Match, every refusal and
 * the warning of data-standard-2.md "Local financial organisations"; an ending action ends the organisation in the
 * registry (it leaves the next period's expected reporters), the ADMIN's same content does not re-open it, moving the
 * action moves the end, and withdrawing it re-opens the organisation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cityfin.demo-data=false")
@AutoConfigureWebTestClient(timeout = "30s")
@WithOwnPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupervisoryActionIT {

    @Autowired
    WebTestClient client;

    OrganisationWeb web;

    @BeforeAll
    void calls() {
        web = new OrganisationWeb(client);
    }

    @Test
    void createsAnActionOncePerKeyAndReplacesItAsTheNextVersion() {
        String code = web.registered("FINANCING_GUARANTEE", "361021");
        WebTestClient analyst = web.as(Role.ANALYST);
        String body = action("SUPERVISORY_LETTER", "2022-04-12");

        String id = String.valueOf(web.postAction(analyst, code, body, "key-1").expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"").expectBody(Map.class).returnResult().getResponseBody().get("id"));
        web.postAction(analyst, code, body, "key-1").expectStatus().isCreated().expectBody().jsonPath("$.id").isEqualTo(id)
                .jsonPath("$.institution").isEqualTo(code).jsonPath("$.type").isEqualTo("SUPERVISORY_LETTER");
        web.postAction(analyst, code, action("SUPERVISORY_LETTER", "2022-04-13"), "key-1").expectStatus().isEqualTo(422).expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("IDEMPOTENCY_KEY_REUSED");
        web.postAction(analyst, code, body, null).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("MISSING_IDEMPOTENCY_KEY");

        web.putAction(id, action("SUPERVISORY_LETTER", "2022-04-14"), "\"1\"").expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"").expectBody().jsonPath("$.on").isEqualTo("2022-04-14")
                .jsonPath("$.institution").isEqualTo(code);
        web.putAction(id, action("SUPERVISORY_LETTER", "2022-04-15"), "\"1\"").expectStatus().isEqualTo(412);
        web.putAction(id, action("SUPERVISORY_LETTER", "2022-04-14"), null).expectStatus().isOk();
        web.get("/actions/{id}/versions", id).expectStatus().isOk().expectBody().jsonPath("$[*].on").isEqualTo(List.of("2022-04-12", "2022-04-14"));
        web.acted(code, action("ON_SITE_INSPECTION", "2022-03-01"));
        web.get("/institutions/{code}/actions", code).expectStatus().isOk().expectHeader().valueEquals("X-Total-Count", "2").expectBody()
                .jsonPath("$[*].type").isEqualTo(List.of("ON_SITE_INSPECTION", "SUPERVISORY_LETTER"));
    }

    @Test
    void refusesAMissingOrUnknownTypeAndABadDate() {
        String code = web.registered("PAWN", "361002");
        refused(web.postAction(code, action("WARNING", "2022-04-12")), "UNKNOWN_ACTION_TYPE", "/type");
        refused(web.postAction(code, "{\"on\": \"2022-04-12\"}"), "MISSING_VALUE", "/type");
        refused(web.postAction(code, "{\"type\": \"ANNUAL_REVIEW\"}"), "MISSING_VALUE", "/on");
        refused(web.postAction(code, action("ANNUAL_REVIEW", "2022-04-31")), "INVALID_DATE", "/on");
        refused(web.postAction(code, action("ANNUAL_REVIEW", "2099-04-12")), "DATE_IN_FUTURE", "/on");
        refused(web.postAction(code, action("ANNUAL_REVIEW", "2014-12-31")), "ACTION_BEFORE_ACTIVE_FROM", "/on");
        refused(web.postAction(code, withStatus(action("ANNUAL_REVIEW", "2022-04-12"), "GONE")), "UNKNOWN_STATUS", "/status");
        web.get("/institutions/{code}/actions", code).expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
        web.getInstitution(code).expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(1);
    }

    @Test
    void refusesATextOverItsLengthAndAWrongType() {
        String code = web.registered("PAWN", "361002");
        refused(web.postAction(code, "{\"type\": \"ANNUAL_REVIEW\", \"on\": \"2022-04-12\", \"note\": \"" + "年".repeat(2001) + "\"}"),
                "TOO_LONG", "/note");
        refused(web.postAction(code, "{\"type\": \"ANNUAL_REVIEW\", \"on\": \"2022-04-12\", \"documentNo\": \"" + "1".repeat(101) + "\"}"),
                "TOO_LONG", "/documentNo");
        web.postAction(code, "{\"type\": \"ANNUAL_REVIEW\", \"on\": 20220412}").expectStatus().isBadRequest();
        web.postAction(code, "{\"type\": \"ANNUAL_REVIEW\", \"on\": \"2022-04-12\", \"institution\": \"" + code + "\"}").expectStatus().isBadRequest();
        web.get("/institutions/{code}/actions", code).expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void refusesARevokedPilotOnOtherThanASmallLoanCompany() {
        for (String type : List.of("FINANCING_GUARANTEE", "PAWN", "PRIVATE_LENDING")) {
            String code = web.registered(type, "361002");
            refused(web.postAction(code, action("PILOT_REVOKED", "2022-09-20")), "PILOT_REVOKED_NOT_SMALL_LOAN", "/type");
            web.getInstitution(code).expectStatus().isOk().expectBody().jsonPath("$.activeTo").isEmpty();
        }
    }

    @Test
    void refusesASecondEndingActionAndAnythingDatedAfterTheEnd() {
        String code = web.registered("SMALL_LOAN", "361002");
        web.acted(code, action("EXIT_NOTICE", "2022-05-10"));
        refused(web.postAction(code, action("PILOT_REVOKED", "2022-05-09")), "ENDING_BEFORE_LATER_RECORD", "/on");
        web.acted(code, action("PILOT_REVOKED", "2022-09-20"));

        refused(web.postAction(code, action("OTHER_EXIT", "2022-09-20")), "SECOND_ENDING_ACTION", "/type");
        refused(web.postAction(code, action("ANNUAL_REVIEW", "2022-09-21")), "AFTER_ENDING_ACTION", "/on");
        web.acted(code, action("ANNUAL_REVIEW", "2022-09-20"));
        web.get("/institutions/{code}/actions", code).expectStatus().isOk().expectHeader().valueEquals("X-Total-Count", "3");
    }

    @Test
    void refusesAnEndingActionDatedBeforeARating() {
        String code = web.registered("SMALL_LOAN", "361002");
        web.putRating(code, 2021, rating("C", "2022-03-15"), null).expectStatus().isCreated();
        refused(web.postAction(code, action("OTHER_EXIT", "2022-03-14")), "ENDING_BEFORE_LATER_RECORD", "/on");
        web.acted(code, action("OTHER_EXIT", "2022-03-15"));
    }

    @Test
    void answersNotFoundForAnUnknownOrganisationOrAction() {
        web.postAction(uscc("361002"), action("ANNUAL_REVIEW", "2022-04-12")).expectStatus().isNotFound();
        web.get("/institutions/{code}/actions", uscc("361002")).expectStatus().isNotFound();
        web.putAction("6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f", action("ANNUAL_REVIEW", "2022-04-12"), null).expectStatus().isNotFound();
        web.putAction("not-a-uuid", action("ANNUAL_REVIEW", "2022-04-12"), null).expectStatus().isBadRequest();
    }

    @Test
    void warnsOfARevokedPilotWithoutTwoConsecutiveCYears() {
        String once = web.registered("SMALL_LOAN", "361003");
        web.putRating(once, 2019, rating("C", "2020-03-10"), null).expectStatus().isCreated();
        web.putRating(once, 2020, rating("B", "2021-03-10"), null).expectStatus().isCreated();
        web.putRating(once, 2021, rating("C", "2022-03-10"), null).expectStatus().isCreated();
        web.postAction(once, action("PILOT_REVOKED", "2022-09-20")).expectStatus().isCreated().expectBody()
                .jsonPath("$.warnings.length()").isEqualTo(1)
                .jsonPath("$.warnings[0].code").isEqualTo("PILOT_REVOKED_WITHOUT_TWO_C_YEARS")
                .jsonPath("$.warnings[0].pointer").isEqualTo("/type");

        // no rating at all
        String unrated = web.registered("SMALL_LOAN", "361003");
        web.postAction(unrated, action("PILOT_REVOKED", "2022-09-20")).expectStatus().isCreated().expectBody()
                .jsonPath("$.warnings[0].code").isEqualTo("PILOT_REVOKED_WITHOUT_TWO_C_YEARS");
        String twice = web.registered("SMALL_LOAN", "361003");
        web.putRating(twice, 2020, rating("C", "2021-03-10"), null).expectStatus().isCreated();
        web.putRating(twice, 2021, rating("C", "2022-03-10"), null).expectStatus().isCreated();
        web.postAction(twice, action("PILOT_REVOKED", "2022-09-20")).expectStatus().isCreated().expectBody()
                .jsonPath("$.warnings.length()").isEqualTo(0);
    }

    @Test
    void anEndingActionEndsTheOrganisationUntilItIsWithdrawn() {
        String code = web.registered("FINANCING_GUARANTEE", "361022");
        String registered = institution("FINANCING_GUARANTEE", "361022", "2015-01-01", "");
        assertThat(web.expected("2022-08")).contains(code);
        assertThat(web.expected("2022-09")).contains(code);

        String exit = web.acted(code, action("PERSUADED_EXIT", "2022-08-30"));
        web.getInstitution(code).expectStatus().isOk().expectBody()
                .jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.activeTo").isEqualTo("2022-08-30")
                .jsonPath("$.endedOn").isEqualTo("2022-08-30")
                .jsonPath("$.registeredActiveTo").isEmpty();
        assertThat(web.expected("2022-07")).contains(code);
        assertThat(web.expected("2022-08")).doesNotContain(code);
        assertThat(web.expected("2022-09")).doesNotContain(code);

        // the ADMIN's same content again (the demo loading after a restart) neither re-opens it nor makes a version
        web.putInstitution(code, registered).expectStatus().isOk().expectBody()
                .jsonPath("$.version").isEqualTo(2).jsonPath("$.activeTo").isEqualTo("2022-08-30");
        // a registered end before the action's is the effective one; the action's end stays apart
        web.putInstitution(code, institution("FINANCING_GUARANTEE", "361022", "2015-01-01", "\"activeTo\": \"2022-06-30\"")).expectStatus().isCreated()
                .expectBody().jsonPath("$.activeTo").isEqualTo("2022-06-30").jsonPath("$.endedOn").isEqualTo("2022-08-30");
        web.putInstitution(code, registered).expectStatus().isCreated().expectBody().jsonPath("$.activeTo").isEqualTo("2022-08-30");
        refused(web.putInstitution(code, institution("FINANCING_GUARANTEE", "361022", "2022-09-01", "")), "ACTIVE_FROM_AFTER_END", "/activeFrom");

        // the exit moved to September: ended at September's last day, not at August's
        web.putAction(exit, action("PERSUADED_EXIT", "2022-09-16"), null).expectStatus().isCreated();
        web.getInstitution(code).expectStatus().isOk().expectBody().jsonPath("$.activeTo").isEqualTo("2022-09-16");
        assertThat(web.expected("2022-08")).contains(code);
        assertThat(web.expected("2022-09")).doesNotContain(code);

        // withdrawn: re-opened
        web.putAction(exit, withStatus(action("PERSUADED_EXIT", "2022-09-16"), "WITHDRAWN"), null).expectStatus().isCreated();
        web.getInstitution(code).expectStatus().isOk().expectBody().jsonPath("$.activeTo").isEmpty().jsonPath("$.endedOn").isEmpty();
        assertThat(web.expected("2022-09")).contains(code);
        // restored: ended again
        web.putAction(exit, action("PERSUADED_EXIT", "2022-09-16"), null).expectStatus().isCreated();
        web.getInstitution(code).expectStatus().isOk().expectBody().jsonPath("$.activeTo").isEqualTo("2022-09-16");
        // changed to an action that does not end: re-opened
        web.putAction(exit, action("SUPERVISORY_LETTER", "2022-09-16"), null).expectStatus().isCreated();
        web.getInstitution(code).expectStatus().isOk().expectBody().jsonPath("$.activeTo").isEmpty();
    }

    @Test
    void anEndingActionRefusedStoresNothingInTheRegistry() {
        String code = web.registered("PAWN", "361002");
        web.acted(code, action("ON_SITE_INSPECTION", "2022-06-01"));
        refused(web.postAction(code, action("OTHER_EXIT", "2022-05-31")), "ENDING_BEFORE_LATER_RECORD", "/on");
        web.getInstitution(code).expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(1).jsonPath("$.activeTo").isEmpty();
    }
}
