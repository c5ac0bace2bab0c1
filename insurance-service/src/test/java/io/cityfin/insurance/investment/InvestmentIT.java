package io.cityfin.insurance.investment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.identity.Role;
import io.cityfin.common.period.CityClock;
import io.cityfin.common.test.TestIdentity;
import io.cityfin.common.test.WithOwnPostgres;
import io.cityfin.reporting.record.IdempotencyKeyPurge;
import io.cityfin.reporting.record.Records;
import io.cityfin.reporting.test.IndicatorETagChecks;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Investments (险资入抚) on real PostgreSQL, on a database of their own so that the sums are this class's: versions,
 * idempotent creation, refusals with pointers, scoping, and the two indicators. Each test sums in a region of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cityfin.demo-data=false")
@AutoConfigureWebTestClient(timeout = "30s")
@WithOwnPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvestmentIT {

    private static final String INSURER = "91361000TESTINSLI01";
    private static final String OTHER_INSURER = "91361000TESTINSPC02";
    private static final String CLOSED_INSURER = "91361000TESTINSCL03";
    private static final String THIRD_INSURER = "91361000TESTINSLI04";
    private static final String FOURTH_INSURER = "91361000TESTINSPC05";

    @Autowired
    WebTestClient web;

    @Autowired
    Records records;

    @Autowired
    DatabaseClient database;

    @Autowired
    MeterRegistry meters;

    @BeforeAll
    void registerInsurers() {
        register(INSURER, "LIFE", "\"activeFrom\": \"2015-01-01\", \"activeTo\": null");
        register(OTHER_INSURER, "PROPERTY_CASUALTY", "\"activeFrom\": \"2015-01-01\", \"activeTo\": null");
        register(CLOSED_INSURER, "LIFE", "\"activeFrom\": \"2015-01-01\", \"activeTo\": \"2020-12-31\"");
        register(THIRD_INSURER, "LIFE", "\"activeFrom\": \"2015-01-01\", \"activeTo\": null");
        register(FOURTH_INSURER, "PROPERTY_CASUALTY", "\"activeFrom\": \"2015-01-01\", \"activeTo\": null");
    }

    @Test
    void createsVersionOneWithAnIdTheServiceGivesAndWhoRecordedIt() {
        post(Role.SUBMITTER, INSURER, key(), body(INSURER, "361021", "60000000.00", "2022-06-28", "DEBT_PLAN"))
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.id").value(id -> assertThat(UUID.fromString(id.toString())).isNotNull())
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.status").isEqualTo("ACTIVE")
                .jsonPath("$.amount").value(money("60000000"))
                .jsonPath("$.recordedFor").isEqualTo(INSURER)
                .jsonPath("$.recordedBy").isNotEmpty()
                .jsonPath("$.contentHash").value(hash -> assertThat(hash.toString()).hasSize(64));
    }

    @Test
    void answersARetryWithTheSameKeyAndBodyWithTheFirstAnswerAndCreatesNothing() {
        WebTestClient insurer = as(Role.SUBMITTER, INSURER);
        String key = key();
        String body = body(INSURER, "361022", "1000000", "2022-03-01", "EQUITY");
        String first = post(insurer, key, body).expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();

        String again = post(insurer, key, body).expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();

        assertThat(again).isEqualTo(first);
        sheet("2022-12", "361022").jsonPath(of("INSURANCE_FUNDS_INVESTED_YTD", "value")).value(money("1000000"));
    }

    @Test
    void refusesTheSameKeyWithAnotherBody() {
        WebTestClient admin = as(Role.ADMIN, null);
        String key = key();
        post(admin, key, body(INSURER, "361023", "100", "2022-03-01", "FUND")).expectStatus().isCreated();

        post(admin, key, body(INSURER, "361023", "200", "2022-03-01", "FUND"))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].parameter").isEqualTo("Idempotency-Key")
                .jsonPath("$.errors[0].code").isEqualTo("IDEMPOTENCY_KEY_REUSED");
        sheet("2022-12", "361023").jsonPath(of("INSURANCE_FUNDS_INVESTED_YTD", "value")).value(money("100"));
    }

    @Test
    void refusesACreationWithoutAnIdempotencyKey() {
        post(Role.ADMIN, null, null, body(INSURER, "361024", "100", "2022-03-01", "FUND"))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].parameter").isEqualTo("Idempotency-Key")
                .jsonPath("$.errors[0].code").isEqualTo("MISSING_IDEMPOTENCY_KEY");
        sheet("2022-12", "361024").jsonPath(of("INSURANCE_FUNDS_INVESTED_YTD", "value")).value(money("0"));
    }

    @Test
    void keepsEveryCorrectionAsAVersionAndCountsOnlyTheLatest() {
        String id = created(body(INSURER, "361025", "100.00", "2022-05-01", "DEBT_PLAN"));

        put(Role.SUBMITTER, INSURER, id, body(INSURER, "361025", "150", "2022-05-01", "DEBT_PLAN")).expectStatus().isCreated()
                .expectBody().jsonPath("$.version").isEqualTo(2);
        put(Role.SUBMITTER, INSURER, id, body(INSURER, "361025", "175.50", "2022-05-01", "DEBT_PLAN")).expectStatus().isCreated()
                .expectBody().jsonPath("$.version").isEqualTo(3);
        put(Role.SUBMITTER, INSURER, id, body(INSURER, "361025", "175.5", "2022-05-01", "DEBT_PLAN")).expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(3);

        as(Role.SUBMITTER, INSURER).get().uri("/investments/{id}/versions", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[0].amount").value(money("100"))
                .jsonPath("$[2].amount").value(money("175.5"));
        sheet("2022-12", "361025").jsonPath(of("INSURANCE_FUNDS_INVESTED_YTD", "value")).value(money("175.5"));
        sheet("2022-04", "361025").jsonPath(of("INSURANCE_FUNDS_INVESTED_YTD", "value")).value(money("0"));
        sheet("2023-03", "361025").jsonPath(of("INSURANCE_FUNDS_INVESTED_YTD", "value")).value(money("0"));
        sheet("2023-03", "361025").jsonPath(of("INSURANCE_FUNDS_INVESTED_TOTAL", "value")).value(money("175.5"))
                .jsonPath(of("INSURANCE_FUNDS_INVESTED_TOTAL", "yearStartValue")).value(money("175.5"))
                .jsonPath(of("INSURANCE_FUNDS_INVESTED_TOTAL", "kind")).isEqualTo("STOCK")
                .jsonPath(of("INSURANCE_FUNDS_INVESTED_TOTAL", "complete")).value(c -> assertThat((List<?>) c).containsOnlyNulls());
    }

    @Test
    void tagsTheIndicatorAnswerAnewAfterAnInvestmentItsCorrectionAndItsWithdrawal() {
        IndicatorETagChecks etags = new IndicatorETagChecks(web, meters);
        String uri = "/indicators?period=2021-12&region=361024";
        etags.answers304WithoutComputing(uri, Role.ANALYST);

        String[] id = new String[1];
        etags.changesWith(uri, Role.ANALYST, () -> id[0] = created(body(INSURER, "361024", "100.00", "2021-05-01", "DEBT_PLAN")));
        etags.changesWith(uri, Role.PORTAL, () -> put(Role.SUBMITTER, INSURER, id[0], body(INSURER, "361024", "120", "2021-05-01", "DEBT_PLAN"))
                .expectStatus().isCreated());
        etags.changesWith(uri, Role.ANALYST, () -> put(Role.ADMIN, null, id[0],
                withStatus(body(INSURER, "361024", "120", "2021-05-01", "DEBT_PLAN"), "WITHDRAWN")).expectStatus().isCreated());
    }

    @Test
    void countsAWithdrawnInvestmentNowhereUntilALaterActiveVersionRestoresIt() {
        String id = created(body(INSURER, "361026", "500", "2022-07-01", "OTHER"));

        put(Role.ADMIN, null, id, withStatus(body(INSURER, "361026", "500", "2022-07-01", "OTHER"), "WITHDRAWN"))
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.version").isEqualTo(2).jsonPath("$.status").isEqualTo("WITHDRAWN");
        sheet("2022-12", "361026").jsonPath(of("INSURANCE_FUNDS_INVESTED_YTD", "value")).value(money("0"));
        sheet("2022-12", "361026").jsonPath(of("INSURANCE_FUNDS_INVESTED_TOTAL", "value")).value(money("0"));

        put(Role.ADMIN, null, id, withStatus(body(INSURER, "361026", "500", "2022-07-01", "OTHER"), "ACTIVE"))
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.version").isEqualTo(3).jsonPath("$.status").isEqualTo("ACTIVE");
        sheet("2022-12", "361026").jsonPath(of("INSURANCE_FUNDS_INVESTED_YTD", "value")).value(money("500"));
    }

    @Test
    void neverLosesAVersionWhenCorrectionsRace() throws Exception {
        String id = created(body(INSURER, "361090", "1", "2022-04-01", "FUND"));
        WebTestClient admin = as(Role.ADMIN, null);
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> puts = IntStream.rangeClosed(2, 9)
                    .mapToObj(n -> writers.submit(() -> put(admin, id, body(INSURER, "361090", String.valueOf(n), "2022-04-01", "FUND"))
                            .expectStatus().isCreated()))
                    .<Future<?>>map(f -> f)
                    .toList();
            for (Future<?> put : puts) {
                put.get();
            }
        } finally {
            writers.shutdown();
        }

        admin.get().uri("/investments/{id}/versions", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[*].version").value(versions -> assertThat((List<Object>) versions).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9));
    }

    @Test
    void tagsAnInvestmentWithItsVersionAndStoresAChangeOnlyOntoTheVersionItNames() {
        String id = post(Role.ADMIN, null, key(), body(INSURER, "361002", "100", "2019-03-01", "FUND"))
                .expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody().get("id").toString();
        String etag = as(Role.ADMIN, null).get().uri("/investments/{id}", id).exchange()
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .returnResult(String.class).getResponseHeaders().getETag();

        put(as(Role.ADMIN, null), id, body(INSURER, "361002", "150", "2019-03-01", "FUND"), etag)
                .expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");
        put(as(Role.ADMIN, null), id, body(INSURER, "361002", "150", "2019-03-01", "FUND"), "\"2\"")
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");
        put(as(Role.ADMIN, null), id, body(INSURER, "361002", "100", "2019-03-01", "FUND"), etag)
                .expectStatus().isEqualTo(412)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].parameter").isEqualTo("If-Match")
                .jsonPath("$.errors[0].code").isEqualTo("VERSION_MISMATCH");
        put(as(Role.ADMIN, null), id, body(INSURER, "361002", "100", "2019-03-01", "FUND"), "2").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("INVALID_IF_MATCH");

        as(Role.ADMIN, null).get().uri("/investments/{id}", id).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().jsonPath("$.version").isEqualTo(2).jsonPath("$.amount").value(money("150"));
        sheet("2019-12", "361002").jsonPath(of("INSURANCE_FUNDS_INVESTED_YTD", "value")).value(money("150"));
    }

    @Test
    void givesAWithdrawnThenRestoredInvestmentANewETagThoughItsContentHashRepeats() {
        String body = body(INSURER, "361003", "70", "2018-03-01", "FUND");
        Map<String, Object> first = post(Role.ADMIN, null, key(), body).expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        String id = first.get("id").toString();

        put(as(Role.ADMIN, null), id, withStatus(body, "WITHDRAWN"), "\"1\"").expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");
        put(as(Role.ADMIN, null), id, body, "\"2\"").expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"3\"")
                .expectBody().jsonPath("$.contentHash").isEqualTo(first.get("contentHash"));

        put(as(Role.ADMIN, null), id, withStatus(body, "WITHDRAWN"), "\"1\"").expectStatus().isEqualTo(412);
        sheet("2018-12", "361003").jsonPath(of("INSURANCE_FUNDS_INVESTED_YTD", "value")).value(money("70"));
    }

    @Test
    void letsExactlyOneOfConcurrentCorrectionsOntoTheSameVersionThrough() throws Exception {
        String id = created(body(INSURER, "361090", "1", "2017-04-01", "FUND"));
        WebTestClient admin = as(Role.ADMIN, null);
        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Integer> statuses = new java.util.ArrayList<>();
        try {
            // each request on a thread of its own: WebTestClient's exchange() waits for the answer
            List<Future<Integer>> puts = IntStream.rangeClosed(2, 9)
                    .mapToObj(n -> writers.submit(() -> put(admin, id, body(INSURER, "361090", String.valueOf(n), "2017-04-01", "FUND"), "\"1\"")
                            .returnResult(String.class).getStatus().value()))
                    .toList();
            for (Future<Integer> put : puts) {
                statuses.add(put.get());
            }
        } finally {
            writers.shutdown();
        }

        assertThat(statuses).as("one 201, the others 412").containsOnly(201, 412).containsOnlyOnce(201);
        admin.get().uri("/investments/{id}/versions", id).exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(2);
    }

    @Test
    void purgesIdempotencyKeysOlderThan24HoursAndKeepsTheFreshOnes() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String subject = "purge-" + UUID.randomUUID();
        for (String key : List.of("old-1", "old-2", "old-3")) {
            storeKey(subject, key, now.minus(Duration.ofHours(24)).minusSeconds(1));
        }
        storeKey(subject, "fresh", now.minus(Duration.ofHours(23)));
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        beans.addBean("meters", meters);
        IdempotencyKeyPurge purge = new IdempotencyKeyPurge(records, Clock.fixed(now, ZoneOffset.UTC),
                beans.getBeanProvider(MeterRegistry.class), Duration.ofHours(1), 2);

        Integer purged = purge.purge().block(Duration.ofSeconds(30));

        assertThat(purged).isEqualTo(3);
        assertThat(meters.get("cityfin.idempotency.keys.purged").counter().count()).isEqualTo(purged.doubleValue());
        assertThat(database.sql("SELECT key FROM idempotency_key WHERE subject = :subject").bind("subject", subject)
                .map(row -> row.get("key", String.class)).all().collectList().block(Duration.ofSeconds(30)))
                .containsExactly("fresh");
    }

    private void storeKey(String subject, String key, Instant createdAt) {
        database.sql("""
                        INSERT INTO idempotency_key (subject, key, request_hash, collection, record_id, record_version, response_status, created_at)
                        VALUES (:subject, :key, repeat('0', 64), 'investments', :id, 1, 201, :at)""")
                .bind("subject", subject).bind("key", key).bind("id", UUID.randomUUID())
                .bind("at", OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC))
                .then().block(Duration.ofSeconds(30));
    }

    Stream<Arguments> refusals() {
        String tomorrow = CityClock.today(CityClock.system()).plusDays(1).toString();
        return Stream.of(
                Arguments.of("AMOUNT_NOT_POSITIVE", body(INSURER, "361027", "0", "2022-03-01", "FUND"), "/amount"),
                Arguments.of("AMOUNT_NOT_POSITIVE", body(INSURER, "361027", "-5", "2022-03-01", "FUND"), "/amount"),
                Arguments.of("TOO_MANY_DECIMALS", body(INSURER, "361027", "1.001", "2022-03-01", "FUND"), "/amount"),
                Arguments.of("UNKNOWN_REGION", body(INSURER, "360100", "1", "2022-03-01", "FUND"), "/region"),
                Arguments.of("CITY_REGION_ON_RECORD", body(INSURER, "361000", "1", "2022-03-01", "FUND"), "/region"),
                Arguments.of("DATE_IN_FUTURE", body(INSURER, "361027", "1", tomorrow, "FUND"), "/date"),
                Arguments.of("INVALID_DATE", body(INSURER, "361027", "1", "2022-02-30", "FUND"), "/date"),
                Arguments.of("UNKNOWN_CHANNEL", body(INSURER, "361027", "1", "2022-03-01", "LOAN"), "/channel"),
                Arguments.of("UNKNOWN_INSTITUTION", body("91361000NOSUCHINS", "361027", "1", "2022-03-01", "FUND"), "/institutionCode"),
                Arguments.of("INSTITUTION_INACTIVE", body(CLOSED_INSURER, "361027", "1", "2022-03-01", "FUND"), "/institutionCode"),
                Arguments.of("UNKNOWN_STATUS", withStatus(body(INSURER, "361027", "1", "2022-03-01", "FUND"), "DELETED"), "/status"),
                Arguments.of("VALUE_TOO_LARGE", body(INSURER, "361027", "1e999999999", "2022-03-01", "FUND"), "/amount"),
                Arguments.of("VALUE_TOO_LARGE", body(INSURER, "361027", "\"1E+999999999\"", "2022-03-01", "FUND"), "/amount"),
                Arguments.of("VALUE_TOO_LARGE", body(INSURER, "361027", "100000000000000000000", "2022-03-01", "FUND"), "/amount"),
                Arguments.of("VALUE_TOO_LARGE", body(INSURER, "361027", "1000000000000000", "2022-03-01", "FUND"), "/amount"),
                Arguments.of("TOO_MANY_DECIMALS", body(INSURER, "361027", "1e-999999999", "2022-03-01", "FUND"), "/amount"),
                Arguments.of("CONTROL_CHARACTER", body(INSURER, "361027", "1", "2022-03-01", "FUND").replace("抚州测试项目", "抚州\\u0000项目"),
                        "/project"),
                Arguments.of("TOO_LONG", body(INSURER, "361027", "1", "2022-03-01", "FUND").replace("抚州测试项目", "项".repeat(201)), "/project"));
    }

    @Test
    void answersAnAmountWithAHugeExponentWith422AndStaysUp() {
        post(Role.ADMIN, null, key(), body(INSURER, "361027", "1e999999999", "2022-03-01", "FUND"))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("VALUE_TOO_LARGE");

        String id = created(body(INSURER, "361002", "999999999999999.99", "2019-03-01", "FUND"));
        as(Role.ADMIN, null).get().uri("/investments/{id}", id).exchange().expectStatus().isOk()
                .expectBody(String.class).value(json -> assertThat(json).contains("\"amount\":999999999999999.99")); // JSONPath reads a double
        put(Role.ADMIN, null, id, withStatus(body(INSURER, "361002", "999999999999999.99", "2019-03-01", "FUND"), "WITHDRAWN"))
                .expectStatus().isCreated(); // out of every sum again
    }

    @Test
    void refusesAnUnknownMemberWith400AndStoresNothing() {
        post(Role.ADMIN, null, key(), withStatus(body(INSURER, "361027", "1", "2022-03-01", "FUND"), "ACTIVE").replace("\"status\"", "\"stauts\""))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].pointer").isEqualTo("/stauts")
                .jsonPath("$.errors[0].code").isEqualTo("UNKNOWN_MEMBER");

        sheet("2022-12", "361027").jsonPath(of("INSURANCE_FUNDS_INVESTED_TOTAL", "value")).value(money("0"));
    }

    @ParameterizedTest(name = "{0} at {2}")
    @MethodSource("refusals")
    void refusesAnInvestmentThatBreaksARuleWithItsPointerAndStoresNothing(String code, String body, String pointer) {
        post(Role.ADMIN, null, key(), body)
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].code").isEqualTo(code)
                .jsonPath("$.errors[0].pointer").isEqualTo(pointer);

        sheet("2022-12", "361027").jsonPath(of("INSURANCE_FUNDS_INVESTED_TOTAL", "value")).value(money("0"));
    }

    @Test
    void refusesACorrectionThatBreaksARuleAndKeepsTheLatestVersion() {
        String id = created(body(INSURER, "361028", "300", "2022-03-01", "FUND"));

        put(Role.ADMIN, null, id, body(INSURER, "361028", "-300", "2022-03-01", "FUND")).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].pointer").isEqualTo("/amount");

        as(Role.ADMIN, null).get().uri("/investments/{id}", id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1).jsonPath("$.amount").value(money("300"));
    }

    @Test
    void forbidsASubmitterToWriteOrReadAnotherInsurersInvestments() {
        post(Role.SUBMITTER, OTHER_INSURER, key(), body(INSURER, "361030", "1", "2022-03-01", "FUND")).expectStatus().isForbidden();
        String id = created(body(INSURER, "361030", "10", "2022-03-01", "FUND"));

        put(Role.SUBMITTER, OTHER_INSURER, id, body(OTHER_INSURER, "361030", "10", "2022-03-01", "FUND")).expectStatus().isForbidden();
        as(Role.SUBMITTER, OTHER_INSURER).get().uri("/investments/{id}", id).exchange().expectStatus().isForbidden();
        as(Role.SUBMITTER, OTHER_INSURER).get().uri("/investments/{id}/versions", id).exchange().expectStatus().isForbidden();
        as(Role.ANALYST, null).get().uri("/investments/{id}", id).exchange().expectStatus().isOk();
        sheet("2022-12", "361030").jsonPath(of("INSURANCE_FUNDS_INVESTED_YTD", "value")).value(money("10"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x10", "1989", "10000", "-2021", "2021.0"})
    void refusesAYearOutsideTheContractNamingTheParameter(String year) {
        as(Role.ANALYST, null).get().uri("/investments?year={year}", year).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].parameter").isEqualTo("year");
    }

    @Test
    void listsTheYearsInvestmentsTheCallerMayRead() {
        String mine = created(body(INSURER, "361003", "1", "2021-02-03", "FUND"));
        String theirs = created(body(OTHER_INSURER, "361003", "2", "2021-01-05", "EQUITY"));
        created(body(INSURER, "361003", "3", "2020-12-31", "FUND"));

        as(Role.ANALYST, null).get().uri("/investments?year=2021").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].id").isEqualTo(theirs)
                .jsonPath("$[1].id").isEqualTo(mine);
        as(Role.SUBMITTER, INSURER).get().uri("/investments?year=2021").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].id").isEqualTo(mine);
    }

    @Test
    void answersAnUnknownOrMalformedIdWith404Or400() {
        as(Role.ADMIN, null).get().uri("/investments/{id}", UUID.randomUUID()).exchange().expectStatus().isNotFound();
        as(Role.ADMIN, null).get().uri("/investments/not-a-uuid").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].parameter").isEqualTo("id");
    }

    @Test
    void carriesTheYearsTargetOnTheCityFigure() {
        as(Role.ADMIN, null).put().uri("/targets/2023").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"targets\": [{\"indicator\": \"INSURANCE_FUNDS_INVESTED_YTD\", \"kind\": \"FLOW\", \"value\": 500000000}]}")
                .exchange().expectStatus().isCreated();
        created(body(INSURER, "361002", "250000000", "2023-02-01", "DEBT_PLAN"));

        sheet("2023-06", null)
                .jsonPath(of("INSURANCE_FUNDS_INVESTED_YTD", "target")).value(money("500000000"))
                .jsonPath(of("INSURANCE_FUNDS_INVESTED_YTD", "targetProgressPct")).value(money("50"))
                .jsonPath(of("INSURANCE_FUNDS_INVESTED_YTD", "onTrack")).isEqualTo(true)
                .jsonPath(of("INSURANCE_FUNDS_INVESTED_YTD", "unit")).isEqualTo("CNY")
                .jsonPath(of("INSURANCE_FUNDS_INVESTED_YTD", "kind")).isEqualTo("FLOW");
    }

    @Test
    void withholdsFromThePublicACountyWhoseInvestmentsAreOneInsurersAndTheFewestCountyBesideIt() {
        // 2016, a year of this test's own: 临川区 one insurer (100); 南城县 three (10 + 20 + 30); 黎川县 four (1 + 2 + 3 + 4)
        created(body(INSURER, "361002", "100", "2016-03-01", "FUND"));
        created(body(INSURER, "361021", "10", "2016-03-01", "FUND"));
        created(body(OTHER_INSURER, "361021", "20", "2016-04-01", "FUND"));
        created(body(THIRD_INSURER, "361021", "30", "2016-05-01", "FUND"));
        created(body(INSURER, "361022", "1", "2016-03-01", "FUND"));
        created(body(OTHER_INSURER, "361022", "2", "2016-04-01", "FUND"));
        created(body(THIRD_INSURER, "361022", "3", "2016-05-01", "FUND"));
        created(body(FOURTH_INSURER, "361022", "4", "2016-06-01", "FUND"));

        sheet(Role.PORTAL, "2016-12", "361002")
                .jsonPath(of("INSURANCE_FUNDS_INVESTED_YTD", "suppressed")).isEqualTo(true)
                .jsonPath(of("INSURANCE_FUNDS_INVESTED_YTD", "value")).value(absent())
                .jsonPath(of("INSURANCE_FUNDS_INVESTED_TOTAL", "suppressed")).isEqualTo(true)
                .jsonPath(of("INSURANCE_FUNDS_INVESTED_TOTAL", "value")).value(absent());
        sheet(Role.ANALYST, "2016-12", "361002")
                .jsonPath(of("INSURANCE_FUNDS_INVESTED_YTD", "suppressed")).isEqualTo(false)
                .jsonPath(of("INSURANCE_FUNDS_INVESTED_YTD", "value")).value(money("100"));
        // the complement: 南城县 (3 insurers, the fewest beside), so city − 黎川县 = 170 − 10 = 160 is 3 insurers' sum
        sheet(Role.PORTAL, "2016-12", "361021")
                .jsonPath(of("INSURANCE_FUNDS_INVESTED_YTD", "suppressed")).isEqualTo(true)
                .jsonPath(of("INSURANCE_FUNDS_INVESTED_YTD", "value")).value(absent());
        sheet(Role.PORTAL, "2016-12", "361022")
                .jsonPath(of("INSURANCE_FUNDS_INVESTED_YTD", "suppressed")).isEqualTo(false)
                .jsonPath(of("INSURANCE_FUNDS_INVESTED_YTD", "value")).value(money("10"));
        sheet(Role.PORTAL, "2016-12", null)
                .jsonPath(of("INSURANCE_FUNDS_INVESTED_YTD", "suppressed")).isEqualTo(false)
                .jsonPath(of("INSURANCE_FUNDS_INVESTED_YTD", "value")).value(money("170"));
    }

    private String created(String body) {
        AtomicReference<String> id = new AtomicReference<>();
        post(Role.ADMIN, null, key(), body).expectStatus().isCreated().expectBody().jsonPath("$.id").value(String.class, id::set);
        return id.get();
    }

    /** The indicator sheet of the period (the city, or one region) as ADMIN; read fields with {@link #of}. */
    private WebTestClient.BodyContentSpec sheet(String period, @Nullable String region) {
        return sheet(Role.ADMIN, period, region);
    }

    /** The indicator sheet of the period (the city, or one region) as {@code role}. */
    private WebTestClient.BodyContentSpec sheet(Role role, String period, @Nullable String region) {
        String uri = "/indicators?period=" + period + (region == null ? "" : "&region=" + region);
        return as(role, null).get().uri(uri).exchange().expectStatus().isOk().expectBody();
    }

    private static String of(String code, String field) {
        return "$.indicators[?(@.code == '" + code + "')]." + field;
    }

    /** A figure withheld: {@code null}. */
    private static Consumer<Object> absent() {
        return actual -> assertThat(actual instanceof List<?> list ? list.get(0) : actual).isNull();
    }

    /** An amount equal to {@code expected} as a decimal, whether JSON gave it as an integer or a fraction. */
    private static Consumer<Object> money(String expected) {
        return actual -> {
            Object value = actual instanceof List<?> list ? list.get(0) : actual;
            assertThat(new BigDecimal(String.valueOf(value))).isEqualByComparingTo(expected);
        };
    }

    private WebTestClient.ResponseSpec post(Role role, @Nullable String institution, @Nullable String key, String body) {
        return post(as(role, institution), key, body);
    }

    /** Posts with the client's token, so that retries come from the same API key (each test token is a key of its own). */
    private WebTestClient.ResponseSpec post(WebTestClient client, @Nullable String key, String body) {
        WebTestClient.RequestBodySpec request = client.post().uri("/investments").contentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec put(Role role, @Nullable String institution, String id, String body) {
        return put(as(role, institution), id, body);
    }

    private WebTestClient.ResponseSpec put(WebTestClient client, String id, String body) {
        return client.put().uri("/investments/{id}", id).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec put(WebTestClient client, String id, String body, String ifMatch) {
        return client.put().uri("/investments/{id}", id).header(HttpHeaders.IF_MATCH, ifMatch).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private void register(String code, String type, String activity) {
        as(Role.ADMIN, null).put().uri("/institutions/{code}", code).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"测试保险公司抚州中心支公司\", \"type\": \"" + type + "\", \"region\": \"361002\", " + activity + "}")
                .exchange().expectStatus().isCreated();
    }

    private WebTestClient as(Role role, @Nullable String institution) {
        return web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestIdentity.token(role, institution)).build();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static String body(String institution, String region, String amount, String date, String channel) {
        return "{\"institutionCode\": \"" + institution + "\", \"project\": \"抚州测试项目" + region + date
                + "\", \"region\": \"" + region + "\", \"amount\": " + amount + ", \"date\": \"" + date + "\", \"channel\": \""
                + channel + "\"}";
    }

    private static String withStatus(String body, String status) {
        return body.substring(0, body.length() - 1) + ", \"status\": \"" + status + "\"}";
    }

}
