package io.cityfin.capitalmarket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.identity.Role;
import io.cityfin.common.test.TestIdentity;
import io.cityfin.common.test.WithPostgres;
import io.cityfin.reporting.indicator.ReportIndicatorSource;
import io.cityfin.reporting.report.ReportService;
import io.cityfin.reporting.submission.CompletenessGauges;
import io.cityfin.reporting.submission.SubmissionService;

/**
 * capital-market-service takes no periodic reports (cityfin.reporting.reports.enabled is false in its application.yml):
 * the reports' paths are unknown paths, answered 404 with a problem like any other, and nothing of the reports is in
 * the context; the registry, targets, indicators and warnings the machinery brings still answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "cityfin.demo-data=false"})
@AutoConfigureWebTestClient
@WithPostgres
class NoReportsIT {

    @Autowired
    WebTestClient web;

    @Autowired
    ApplicationContext context;

    @Autowired
    DatabaseClient database;

    @LocalManagementPort
    int managementPort;

    @BeforeEach
    void callAsAnAdmin() {
        web = web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestIdentity.token(Role.ADMIN)).build();
    }

    /** With the reports on, each of these answers 200 or the reports' own 400 (a malformed institution code). */
    @ParameterizedTest
    @ValueSource(strings = {"/reports/not-a-code/2022-09", "/reports/not-a-code/2022-09/versions", "/submissions?period=2022-09",
            "/catalogue"})
    void answersTheReportsPathsAsUnknownPaths(String path) {
        web.get().uri(path).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404);
    }

    @Test
    void refusesAReportAsAnUnknownPath() {
        web.put().uri("/reports/not-a-code/2022-09").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"lines\": []}").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void hasNothingOfTheReportsInItsContext() {
        assertThat(context.getBeanNamesForType(ReportService.class)).isEmpty();
        assertThat(context.getBeanNamesForType(SubmissionService.class)).isEmpty();
        assertThat(context.getBeanNamesForType(CompletenessGauges.class)).isEmpty();
        assertThat(context.getBeanNamesForType(ReportIndicatorSource.class)).isEmpty();
    }

    @Test
    void servesTheRegistry() {
        web.get().uri("/institutions").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$").isArray();
    }

    @Test
    void servesTheTargets() {
        // A target year out of range is the targets' own 400, which an unknown path would not give.
        web.get().uri("/targets/1999").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].parameter").isEqualTo("year")
                .jsonPath("$.errors[0].code").isEqualTo("INVALID_YEAR");
        web.get().uri("/targets/2023").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("No targets for 2023.");
    }

    @Test
    void servesTheIndicators() {
        web.get().uri("/indicators?period=2022-09").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.period").isEqualTo("2022-09")
                .jsonPath("$.indicators").isArray();
    }

    @Test
    void servesTheWarnings() {
        web.get().uri("/warnings?period=2022-09").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$").isArray();
        web.post().uri("/warnings/1/review").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("No warning 1.");
    }

    @Test
    void hasTheMachinerysTablesAndItsReadinessContribution() {
        Long tables = database.sql("SELECT count(*) AS n FROM information_schema.tables WHERE table_name IN ('institution_version', 'report')")
                .map(row -> row.get("n", Long.class)).one().block();
        assertThat(tables).isEqualTo(2L);

        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build()
                .get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.r2dbc.status").isEqualTo("UP")
                .jsonPath("$.components.demoData.status").isEqualTo("UP");
    }
}
