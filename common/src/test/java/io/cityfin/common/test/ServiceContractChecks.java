package io.cityfin.common.test;

import static org.assertj.core.api.Assertions.assertThat;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import io.cityfin.common.identity.Role;
import io.cityfin.common.indicator.api.IndicatorApi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every domain service must show, run against the whole app on real PostgreSQL: the indicator contract,
 * problem answers for bad parameters and unknown routes, the published contracts, and the management port.
 * A service's {@code <Name>ServiceIT} extends this and adds its own checks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "cityfin.demo-data=false"})
@AutoConfigureWebTestClient
@WithPostgres
public abstract class ServiceContractChecks {

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected DatabaseClient database;

    @LocalManagementPort
    protected int managementPort;

    @Value("${spring.application.name}")
    protected String applicationName;

    /** The controller behind the indicator contract, watched to show that refused requests never reach it. */
    @MockitoSpyBean
    protected IndicatorApi indicatorController;

    @BeforeEach
    void callAsThePortal() {
        web = web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestIdentity.token(Role.PORTAL)).build();
    }

    static Stream<Arguments> brokenCredentials() {
        return Stream.of(
                Arguments.of("no token", null),
                Arguments.of("not a token", "Bearer cfk_not-a-jwt"),
                Arguments.of("an expired token", "Bearer " + TestIdentity.expiredToken()),
                Arguments.of("a token signed with another key", "Bearer " + TestIdentity.tokenSignedWithAnotherKey()),
                Arguments.of("a token edited after signing", "Bearer " + TestIdentity.tamperedToken()),
                Arguments.of("a token living longer than 60 s", "Bearer " + TestIdentity.longLivedToken()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCredentials")
    void refusesARequestWithoutAValidInternalTokenBeforeAnyController(String what, @Nullable String authorization) {
        WebTestClient anonymous = web.mutate().defaultHeaders(headers -> headers.remove(HttpHeaders.AUTHORIZATION)).build();

        anonymous.get().uri("/indicators?period=2022-09")
                .headers(headers -> {
                    if (authorization != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                })
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(HttpHeaders.WWW_AUTHENTICATE)
                .expectBody().jsonPath("$.status").isEqualTo(401);

        verify(indicatorController, never()).getIndicators(any(), any(), any(), any());
    }

    @Test
    void countsRefusedTokensByReason() {
        web.get().uri("/indicators?period=2022-09").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestIdentity.expiredToken())
                .exchange().expectStatus().isUnauthorized();

        management().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(text -> assertThat(text)
                        .containsPattern("cityfin_access_refused_total\\{[^}]*reason=\"invalid\""));
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void letsEveryRoleReadIndicators(Role role) {
        web.get().uri("/indicators?period=2022-09").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestIdentity.token(role))
                .exchange().expectStatus().isOk();
    }

    @Test
    void answersTheIndicatorContractForAPeriod() {
        web.get().uri("/indicators?period=2022-09").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.period").isEqualTo("2022-09")
                .jsonPath("$.region").isEqualTo("361000")
                .jsonPath("$.yearElapsedPct").isEqualTo(74.79)
                .jsonPath("$.generatedAt").isNotEmpty()
                .jsonPath("$.indicators").isArray();
    }

    @Test
    void readsAQuarterForOneRegion() {
        web.get().uri("/indicators?period=2022-Q2&region=361002").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.period").isEqualTo("2022-Q2")
                .jsonPath("$.region").isEqualTo("361002")
                .jsonPath("$.yearElapsedPct").isEqualTo(49.59);
    }

    @ParameterizedTest
    @CsvSource({
            "period=2022-13, period, INVALID_PERIOD",
            "period=2022-09-D4, period, INVALID_PERIOD",
            "period=2099-01, period, PERIOD_IN_FUTURE",
            "period=1900-06, period, INVALID_PERIOD",
            "period=1901-12, period, INVALID_PERIOD",
            "period=2022-09&region=999999, region, UNKNOWN_REGION",
            "region=361002, period, MISSING_PARAMETER"})
    void refusesABadParameterWithAProblemNamingIt(String query, String parameter, String code) {
        web.get().uri("/indicators?" + query).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors[0].parameter").isEqualTo(parameter)
                .jsonPath("$.errors[0].code").isEqualTo(code);
    }

    @Test
    void answersAnUnknownRouteWithAProblem() {
        web.get().uri("/no-such-resource").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404);
    }

    @Test
    void answersAWrongMethodWithAProblem() {
        web.post().uri("/indicators?period=2022-09").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void publishesItsContractsWithoutAToken() {
        web = web.mutate().defaultHeaders(headers -> headers.remove(HttpHeaders.AUTHORIZATION)).build();

        web.get().uri("/openapi/").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.documents[?(@ == '/openapi/indicators.yaml')]").exists()
                .jsonPath("$.documents[?(@ == '/openapi/" + applicationName + ".yaml')]").exists();
        web.get().uri("/openapi/" + applicationName + ".yaml").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(yaml -> assertThat(yaml).startsWith("openapi: 3"));
    }

    @Test
    void runsOnItsOwnPostgresDatabase() {
        String name = database.sql("select current_database()").map(row -> row.get(0, String.class)).one().block();

        assertThat(name).isEqualTo(PostgresTestDatabase.get().name());
    }

    @Test
    void reportsReadinessIncludingTheDatabaseOnTheManagementPort() {
        management().get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.r2dbc.status").isEqualTo("UP");
        management().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    @Test
    void exposesPrometheusMetricsOnTheManagementPort() {
        web.get().uri("/indicators?period=2022-09").exchange().expectStatus().isOk();

        management().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(text -> assertThat(text)
                        .contains("http_server_requests_seconds_bucket")
                        .contains("jvm_memory_used_bytes")
                        .contains("cityfin_indicators_computation_seconds_count")
                        .contains("application=\"" + applicationName + "\""));
    }

    @Test
    void keepsActuatorOffThePublicPort() {
        web.get().uri("/actuator/health").exchange().expectStatus().isNotFound();
    }

    protected WebTestClient management() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
    }
}
