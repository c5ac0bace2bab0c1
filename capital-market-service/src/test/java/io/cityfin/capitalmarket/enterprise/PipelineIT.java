package io.cityfin.capitalmarket.enterprise;

import static io.cityfin.capitalmarket.enterprise.EnterpriseWeb.count;
import static io.cityfin.capitalmarket.enterprise.EnterpriseWeb.enterprise;
import static io.cityfin.capitalmarket.enterprise.EnterpriseWeb.listing;
import static io.cityfin.capitalmarket.enterprise.EnterpriseWeb.of;
import static io.cityfin.capitalmarket.enterprise.EnterpriseWeb.pipeline;
import static io.cityfin.capitalmarket.enterprise.EnterpriseWeb.uscc;
import static io.cityfin.capitalmarket.enterprise.EnterpriseWeb.withStatus;
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

import io.cityfin.common.period.CityClock;
import io.cityfin.common.test.WithOwnPostgres;

/**
 * IPO pipelines (挂图作战) on real PostgreSQL, under their enterprise: versions, ETag and If-Match, every refusal with its
 * pointer and nothing stored (the enterprise's dates included), and the pipeline indicators at D. Each test counts in a
 * region of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cityfin.demo-data=false")
@AutoConfigureWebTestClient(timeout = "30s")
@WithOwnPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineIT {

    @Autowired
    WebTestClient client;

    EnterpriseWeb web;

    @BeforeAll
    void calls() {
        web = new EnterpriseWeb(client);
    }

    /** A NEEQ enterprise of {@code region} reformed on 2022-05-18, recorded; its USCC. */
    private String anEnterprise(String region) {
        String uscc = uscc(region);
        web.putEnterprise(uscc, enterprise(region, listing("NEEQ", EnterpriseWeb.neeqCode(), "2022-08-09", null)))
                .expectStatus().isCreated();
        return uscc;
    }

    @Test
    void answersAPipelineOfAnUnknownEnterpriseWith404() {
        String uscc = uscc("361002");

        web.putPipeline(uscc, pipeline(null, null)).expectStatus().isNotFound();
        web.get("/enterprises/{uscc}/pipeline", uscc).expectStatus().isNotFound();
    }

    @Test
    void keepsEveryVersionOfThePlanWithItsETag() {
        String uscc = anEnterprise("361002");

        web.putPipeline(uscc, pipeline(null, null)).expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody()
                .jsonPath("$.uscc").isEqualTo(uscc)
                .jsonPath("$.targetBoard").isEqualTo("BSE")
                .jsonPath("$.keyCandidateYears").value(years -> assertThat((List<Object>) years).containsExactly(2022, 2023))
                .jsonPath("$.stages.length()").isEqualTo(6);
        web.putPipeline(uscc, pipeline(null, null)).expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"");
        web.putPipeline(uscc, pipeline("2022-09-01", null), "\"1\"").expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");
        web.putPipeline(uscc, pipeline("2022-09-02", null), "\"1\"").expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("VERSION_MISMATCH");

        web.get("/enterprises/{uscc}/pipeline", uscc).expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().jsonPath("$.stages[0].actualOn").isEqualTo("2022-09-01");
        web.get("/enterprises/{uscc}/pipeline/versions", uscc).expectStatus().isOk().expectBody()
                .jsonPath("$[*].version").value(versions -> assertThat((List<Object>) versions).containsExactly(1, 2))
                .jsonPath("$[0].stages[0].actualOn").isEmpty()
                .jsonPath("$[1].recordedBy").isNotEmpty();
        web.get("/enterprises/{uscc}/pipeline/versions", "91361000MA35DEM01X").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].parameter").isEqualTo("uscc");
    }

    Stream<Arguments> refusals() {
        String tomorrow = CityClock.today(CityClock.system()).plusDays(1).toString();
        String plan = pipeline(null, null);
        return Stream.of(
                Arguments.of("MISSING_VALUE", plan.replace("\"targetBoard\": \"BSE\", ", ""), "/targetBoard"),
                Arguments.of("UNKNOWN_BOARD", plan.replace("\"BSE\"", "\"NASDAQ\""), "/targetBoard"),
                Arguments.of("NOT_A_LISTING_BOARD", plan.replace("\"BSE\"", "\"NEEQ\""), "/targetBoard"),
                Arguments.of("MISSING_VALUE", plan.replace("\"keyCandidateYears\": [2022, 2023], ", ""), "/keyCandidateYears"),
                Arguments.of("DUPLICATE_YEAR", plan.replace("[2022, 2023]", "[2022, 2022]"), "/keyCandidateYears/1"),
                Arguments.of("INVALID_YEAR", plan.replace("[2022, 2023]", "[22]"), "/keyCandidateYears/0"),
                Arguments.of("UNKNOWN_STAGE", plan.replace("\"APPROVED\"", "\"PASSED\""), "/stages/3/stage"),
                Arguments.of("DUPLICATE_STAGE", plan.replace("\"APPROVED\"", "\"REGISTERED\""), "/stages/4/stage"),
                Arguments.of("INVALID_DATE", plan.replace("2023-09-30", "2023-09-31"), "/stages/2/plannedOn"),
                Arguments.of("DATE_IN_FUTURE", pipeline(tomorrow, null), "/stages/0/actualOn"),
                Arguments.of("ACTUAL_DATE_NOT_ALLOWED", plan.replace("\"plannedOn\": \"2024-06-30\"}",
                        "\"plannedOn\": \"2024-06-30\", \"actualOn\": \"2022-09-01\"}"), "/stages/5/actualOn"),
                Arguments.of("ACTUAL_DATES_DECREASE", pipeline("2022-05-17", null), "/stages/0/actualOn"),
                Arguments.of("STAGE_REACHED_OUT_OF_ORDER", plan.replace("\"plannedOn\": \"2023-06-30\"}",
                        "\"plannedOn\": \"2023-06-30\", \"actualOn\": \"2022-09-01\"}"), "/stages/1/actualOn"),
                Arguments.of("PLANNED_DATES_DECREASE", plan.replace("2023-09-30", "2023-05-31"), "/stages/2/plannedOn"),
                Arguments.of("PLAN_DATE_MISSING", plan.replace("{\"stage\": \"APPROVED\", \"plannedOn\": \"2024-03-31\"}",
                        "{\"stage\": \"APPROVED\"}"), "/stages/3/plannedOn"),
                Arguments.of("TERMINATED_BEFORE_LAST_ACTUAL", pipeline("2022-09-01", "2022-08-31"), "/terminatedOn"),
                Arguments.of("MISSING_VALUE", plan.replace("\"stages\": [", "\"stages\": [null, "), "/stages/0"),
                Arguments.of("UNKNOWN_STATUS", withStatus(plan, "DRAFT"), "/status"));
    }

    @ParameterizedTest(name = "{0} at {2}")
    @MethodSource("refusals")
    void refusesAPipelineThatBreaksARuleWithItsPointerAndStoresNothing(String code, String body, String pointer) {
        String uscc = anEnterprise("361021");

        EnterpriseWeb.refused(web.putPipeline(uscc, body), code, pointer);

        web.get("/enterprises/{uscc}/pipeline", uscc).expectStatus().isNotFound();
    }

    @Test
    void placesAPipelineAtAStageReachedOnDItself() {
        String uscc = anEnterprise("361022");
        web.putPipeline(uscc, pipeline("2022-09-30", null)).expectStatus().isCreated();

        web.sheet("2022-09", "361022")
                .jsonPath(of("IPO_PIPELINE_COUNT")).value(count(1))
                .jsonPath(of("IPO_PIPELINE_AT_TUTORING_FILED_COUNT")).value(count(1))
                .jsonPath(of("IPO_PIPELINE_AT_SHAREHOLDING_REFORM_COUNT")).value(count(0))
                .jsonPath(of("KEY_IPO_CANDIDATE_COUNT")).value(count(1));
        web.sheet("2022-08", "361022")
                .jsonPath(of("IPO_PIPELINE_AT_TUTORING_FILED_COUNT")).value(count(0))
                .jsonPath(of("IPO_PIPELINE_AT_SHAREHOLDING_REFORM_COUNT")).value(count(1));
        web.sheet("2022-04", "361022")
                .jsonPath(of("IPO_PIPELINE_AT_NONE_COUNT")).value(count(1));
    }

    @Test
    void countsNothingOfAPipelineTerminatedBeforeD() {
        String uscc = anEnterprise("361023");
        web.putPipeline(uscc, pipeline("2022-06-15", "2022-08-31")).expectStatus().isCreated();

        web.sheet("2022-07", "361023").jsonPath(of("IPO_PIPELINE_COUNT")).value(count(1)).jsonPath(of("KEY_IPO_CANDIDATE_COUNT")).value(count(1));
        web.sheet("2022-08", "361023").jsonPath(of("IPO_PIPELINE_COUNT")).value(count(0)).jsonPath(of("KEY_IPO_CANDIDATE_COUNT")).value(count(0));
        web.sheet("2023-03", "361023").jsonPath(of("OVERDUE_MILESTONES")).value(count(0));
    }

    @Test
    void makesAMissedPlanOverdueUntilAPastCorrectionRecordsIt() {
        String uscc = anEnterprise("361024");
        web.putPipeline(uscc, pipeline(null, null)).expectStatus().isCreated();
        web.sheet("2022-12", "361024").jsonPath(of("OVERDUE_MILESTONES")).value(count(0));
        web.sheet("2023-03", "361024").jsonPath(of("OVERDUE_MILESTONES")).value(count(1));

        web.putPipeline(uscc, pipeline("2022-09-20", null)).expectStatus().isCreated();

        web.sheet("2023-03", "361024").jsonPath(of("OVERDUE_MILESTONES")).value(count(0));
        web.sheet("2022-09", "361024").jsonPath(of("IPO_PIPELINE_AT_TUTORING_FILED_COUNT")).value(count(1));
    }

    @Test
    void leavesThePipelineWhenTheEnterpriseListsOnItsTargetBoard() {
        String uscc = anEnterprise("361025");
        web.putPipeline(uscc, pipeline("2022-08-20", null)).expectStatus().isCreated();

        web.putEnterprise(uscc, enterprise("361025", listing("NEEQ", "873555", "2022-08-09", "2022-09-20"),
                listing("BSE", "873555", "2022-09-20", null))).expectStatus().isCreated();

        web.sheet("2022-08", "361025").jsonPath(of("IPO_PIPELINE_COUNT")).value(count(1));
        web.sheet("2022-09", "361025").jsonPath(of("IPO_PIPELINE_COUNT")).value(count(0))
                .jsonPath(of("NEW_LISTINGS_YTD")).value(count(1))
                .jsonPath(of("LISTED_COMPANY_COUNT")).value(count(1))
                .jsonPath(of("NEEQ_LISTED_COUNT")).value(count(0));
    }

    @Test
    void countsNoPipelineOfAWithdrawnEnterprise() {
        String uscc = uscc("361026");
        String enterprise = enterprise("361026", listing("NEEQ", EnterpriseWeb.neeqCode(), "2022-08-09", null));
        web.putEnterprise(uscc, enterprise).expectStatus().isCreated();
        web.putPipeline(uscc, pipeline(null, null)).expectStatus().isCreated();
        web.sheet("2022-09", "361026").jsonPath(of("IPO_PIPELINE_COUNT")).value(count(1)).jsonPath(of("KEY_IPO_CANDIDATE_COUNT")).value(count(1));

        web.putEnterprise(uscc, withStatus(enterprise, "WITHDRAWN")).expectStatus().isCreated();

        web.sheet("2022-09", "361026").jsonPath(of("IPO_PIPELINE_COUNT")).value(count(0)).jsonPath(of("KEY_IPO_CANDIDATE_COUNT")).value(count(0));
        web.get("/enterprises/{uscc}/pipeline", uscc).expectStatus().isOk();
    }
}
