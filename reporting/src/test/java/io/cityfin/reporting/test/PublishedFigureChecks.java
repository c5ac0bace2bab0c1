package io.cityfin.reporting.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.identity.Role;
import io.cityfin.common.test.TestIdentity;
import io.cityfin.common.test.WithOwnPostgres;
import io.cityfin.reporting.indicator.IndicatorService;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Published figures ({@code /published-figures}, the reporting machinery's) over HTTP on real PostgreSQL, the same in
 * every service: versions and ETags, every refusal with its pointer, the claim on (indicator, field, period, region,
 * document), every role reading and only staff writing, the list's filters and {@code X-Total-Count}, and that a write
 * moves the indicators' ETag (it is a {@code record_head} write); and that the codes a figure may name,
 * {@link IndicatorService#codes()} (the configuration's, no sheet computed), are exactly those a computed sheet lists,
 * so a code added to a source's sheet but not to its {@code codes()} fails here, in every service. A service's
 * {@code <Name>PublishedFigureIT} extends it and names two of its indicator codes. Each test uses a document name and a
 * period of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cityfin.demo-data=false")
@AutoConfigureWebTestClient(timeout = "30s")
@WithOwnPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PublishedFigureChecks {

    private static final String SUBMITTER_INSTITUTION = "91361000PUBFIG0001";

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected MeterRegistry meters;

    @Autowired
    protected IndicatorService indicators;

    /** One of the service's indicator codes ({@code GET /indicators} lists it). */
    protected abstract String indicator();

    /** Another of them. */
    protected abstract String otherIndicator();

    @Test
    void keepsVersionsWithETagsAndLetsEveryRoleReadThem() {
        String document = document();
        String body = figure(indicator(), "value", "2019-03", "361000", "12.5", "0.1", document);

        String id = created(body);
        as(Role.PORTAL).get().uri("/published-figures/{id}", id).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody()
                .jsonPath("$.indicator").isEqualTo(indicator())
                .jsonPath("$.field").isEqualTo("value")
                .jsonPath("$.period").isEqualTo("2019-03")
                .jsonPath("$.region").isEqualTo("361000")
                .jsonPath("$.value").isEqualTo(12.5)
                .jsonPath("$.rounding").isEqualTo(0.1)
                .jsonPath("$.printed").isEqualTo("12.5%")
                .jsonPath("$.document").isEqualTo(document)
                .jsonPath("$.status").isEqualTo("ACTIVE")
                .jsonPath("$.recordedBy").isNotEmpty()
                .jsonPath("$.warnings.length()").isEqualTo(0);
        as(Role.SUBMITTER).get().uri("/published-figures/{id}", id).exchange().expectStatus().isOk();

        String corrected = figure(indicator(), "value", "2019-03", "361000", "12.6", "0.1", document);
        put(Role.ANALYST, id, corrected, "\"1\"").expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().jsonPath("$.version").isEqualTo(2).jsonPath("$.value").isEqualTo(12.6);
        put(Role.ADMIN, id, corrected.replace("12.6", "12.60"), null).expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody().jsonPath("$.version").isEqualTo(2);
        put(Role.ANALYST, id, figure(indicator(), "value", "2019-03", "361000", "12.7", "0.1", document), "\"1\"")
                .expectStatus().isEqualTo(412)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("VERSION_MISMATCH");

        as(Role.SUBMITTER).get().uri("/published-figures/{id}/versions", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].value").isEqualTo(12.5)
                .jsonPath("$[1].value").isEqualTo(12.6);
        as(Role.PORTAL).get().uri("/published-figures/{id}", UUID.randomUUID()).exchange().expectStatus().isNotFound();
        as(Role.PORTAL).get().uri("/published-figures/{id}", "not-a-uuid").exchange().expectStatus().isBadRequest();
    }

    @Test
    void answersTheFirstAnswerAgainToTheSameIdempotencyKeyOfTheSameCaller() {
        String body = figure(indicator(), "value", "2019-04", "361000", "1", "1", document());
        WebTestClient analyst = as(Role.ANALYST); // one API key: a key is kept per API key
        String key = "retry-" + UUID.randomUUID();
        String first = id(post(analyst, body, key).expectStatus().isCreated());

        assertThat(id(post(analyst, body, key).expectStatus().isCreated())).isEqualTo(first);
        post(analyst, body.replace("2019-04", "2019-05"), key).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("IDEMPOTENCY_KEY_REUSED");
        post(analyst, body, null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("MISSING_IDEMPOTENCY_KEY");
        as(Role.ADMIN).get().uri("/published-figures/{id}/versions", first).exchange().expectBody().jsonPath("$.length()").isEqualTo(1);
    }

    Stream<Arguments> refusals() {
        String i = indicator();
        String d = "2022年金融工作总结";
        return Stream.of(
                Arguments.of("MISSING_VALUE", "/indicator", figure(null, "value", "2016-03", "361000", "1", "1", d)),
                Arguments.of("MISSING_VALUE", "/value", figure(i, "value", "2016-03", "361000", null, "1", d)),
                Arguments.of("MISSING_VALUE", "/document", figure(i, "value", "2016-03", "361000", "1", "1", " ")),
                Arguments.of("UNKNOWN_INDICATOR", "/indicator", figure("NO_SUCH_INDICATOR", "value", "2016-03", "361000", "1", "1", d)),
                Arguments.of("UNKNOWN_FIELD", "/field", figure(i, "growth", "2016-03", "361000", "1", "1", d)),
                Arguments.of("INVALID_PERIOD", "/period", figure(i, "value", "2016-3", "361000", "1", "1", d)),
                Arguments.of("INVALID_PERIOD", "/period", figure(i, "value", "1989-12", "361000", "1", "1", d)),
                Arguments.of("PERIOD_IN_FUTURE", "/period", figure(i, "value", "2999-01", "361000", "1", "1", d)),
                Arguments.of("UNKNOWN_REGION", "/region", figure(i, "value", "2016-03", "361099", "1", "1", d)),
                Arguments.of("ROUNDING_NOT_POSITIVE", "/rounding", figure(i, "value", "2016-03", "361000", "1", "0", d)),
                Arguments.of("ROUNDING_NOT_POSITIVE", "/rounding", figure(i, "value", "2016-03", "361000", "1", "-0.01", d)),
                Arguments.of("VALUE_TOO_LARGE", "/value", figure(i, "value", "2016-03", "361000", "1e15", "1", d)),
                Arguments.of("TOO_LONG", "/printed", figure(i, "value", "2016-03", "361000", "1", "1", d).replace("\"12.5%\"",
                        "\"" + "九".repeat(65) + "\"")),
                Arguments.of("CONTROL_CHARACTER", "/document", figure(i, "value", "2016-03", "361000", "1", "1", "2022年\\u0000总结")),
                Arguments.of("UNKNOWN_STATUS", "/status", figure(i, "value", "2016-03", "361000", "1", "1", d)
                        .replace("}", ", \"status\": \"DELETED\"}")));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("refusals")
    void refusesAFigureThatBreaksARuleAndStoresNothing(String code, String pointer, String body) {
        post(Role.ANALYST, body, "refused-" + UUID.randomUUID()).expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.pointer == '" + pointer + "')].code").isEqualTo(code);

        as(Role.ADMIN).get().uri("/published-figures?status=ALL&period=2016-03").exchange()
                .expectStatus().isOk().expectHeader().valueEquals("X-Total-Count", "0");
    }

    @Test
    void answersEveryFaultAtOnce() {
        post(Role.ADMIN, figure("NO_SUCH_INDICATOR", "growth", "2999-01", "361099", "1", "0", " "), "faults-" + UUID.randomUUID())
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(6)
                .jsonPath("$.errors[0].pointer").isEqualTo("/indicator")
                .jsonPath("$.errors[5].pointer").isEqualTo("/document");
    }

    @Test
    void letsOneActiveRecordHoldAFigureOfADocument() {
        String document = document();
        String id = created(figure(indicator(), "value", "2019-06", "361000", "5", "1", document));
        String again = figure(indicator(), "value", "2019-06", "361000", "6", "1", document);

        post(Role.ANALYST, again, "taken-" + UUID.randomUUID()).expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].pointer").isEqualTo("/indicator")
                .jsonPath("$.errors[0].code").isEqualTo("PUBLISHED_FIGURE_TAKEN");
        // another document, region, field or period is another figure
        created(figure(indicator(), "value", "2019-06", "361000", "6", "1", document()));
        created(figure(indicator(), "value", "2019-06", "361002", "6", "1", document));
        created(figure(indicator(), "yoyPct", "2019-06", "361000", "6", "0.01", document));
        created(figure(indicator(), "value", "2019-07", "361000", "6", "1", document));

        put(Role.ANALYST, id, figure(indicator(), "value", "2019-06", "361000", "5", "1", document).replace("}", ", \"status\": \"WITHDRAWN\"}"),
                "\"1\"").expectStatus().isCreated();
        created(again);
        put(Role.ADMIN, id, figure(indicator(), "value", "2019-06", "361000", "5", "1", document), null)
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("PUBLISHED_FIGURE_TAKEN");
    }

    @Test
    void letsPortalAndSubmitterReadButNotWrite() {
        String body = figure(indicator(), "value", "2019-08", "361000", "1", "1", document());
        String id = created(body);

        for (Role reader : List.of(Role.PORTAL, Role.SUBMITTER)) {
            post(reader, body.replace("2019-08", "2019-09"), "forbidden-" + UUID.randomUUID()).expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            put(reader, id, body.replace("\"value\": 1,", "\"value\": 2,"), null).expectStatus().isForbidden();
            as(reader).get().uri("/published-figures?period=2019-08").exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("X-Total-Count", "1")
                    .expectBody().jsonPath("$[0].id").isEqualTo(id);
        }
        as(Role.ADMIN).get().uri("/published-figures/{id}/versions", id).exchange().expectBody().jsonPath("$.length()").isEqualTo(1);
        web.get().uri("/published-figures").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void listsTheLatestActiveFiguresFilteredWithTheirTotal() {
        String document = document();
        String city = created(figure(indicator(), "value", "2018-06", "361000", "1", "1", document));
        String county = created(figure(indicator(), "value", "2018-06", "361002", "2", "1", document));
        String other = created(figure(otherIndicator(), "value", "2018-06", "361000", "3", "1", document));
        String withdrawn = created(figure(otherIndicator(), "yoyPct", "2018-06", "361000", "4", "0.01", document));
        created(figure(indicator(), "value", "2018-07", "361000", "5", "1", document));
        put(Role.ANALYST, withdrawn, figure(otherIndicator(), "yoyPct", "2018-06", "361000", "4", "0.01", document)
                .replace("}", ", \"status\": \"WITHDRAWN\"}"), null).expectStatus().isCreated();
        put(Role.ANALYST, city, figure(indicator(), "value", "2018-06", "361000", "1.5", "1", document), null).expectStatus().isCreated();

        assertThat(ids("/published-figures?period=2018-06", 3)).containsExactlyInAnyOrder(city, county, other);
        assertThat(ids("/published-figures?period=2018-06&region=361000", 2)).containsExactlyInAnyOrder(city, other);
        assertThat(ids("/published-figures?period=2018-06&region=361002", 1)).containsExactly(county);
        assertThat(ids("/published-figures?period=2018-06&indicator=" + indicator(), 2)).containsExactlyInAnyOrder(city, county);
        assertThat(ids("/published-figures?period=2018-06&status=WITHDRAWN", 1)).containsExactly(withdrawn);
        assertThat(ids("/published-figures?period=2018-06&status=ALL", 4)).containsExactlyInAnyOrder(city, county, other, withdrawn);
        assertThat(ids("/published-figures?period=2018-06&status=ACTIVE&limit=1&offset=1", 3)).hasSize(1);
        as(Role.PORTAL).get().uri("/published-figures?period=2018-06&region=361000&indicator=" + indicator()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].version").isEqualTo(2)
                .jsonPath("$[0].value").isEqualTo(1.5);

        for (String[] bad : new String[][] {{"status=DELETED", "status", "UNKNOWN_STATUS"}, {"period=2018-6", "period", "INVALID_PERIOD"},
                {"period=2999-01", "period", "PERIOD_IN_FUTURE"}, {"region=361099", "region", "UNKNOWN_REGION"}}) {
            as(Role.PORTAL).get().uri("/published-figures?" + bad[0]).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.errors[0].parameter").isEqualTo(bad[1])
                    .jsonPath("$.errors[0].code").isEqualTo(bad[2]);
        }
    }

    /**
     * The service's configured codes against computed sheets: the city and a county, staff and the public (a withheld or
     * city-wide-only figure is still listed), a month with no data and one before any (every figure null), and, in
     * platform-service, capital market's imported figure while no gateway answers.
     */
    @Test
    void answersAsItsIndicatorCodesExactlyTheCodesOfAComputedSheet() {
        List<String> codes = indicators.codes();
        assertThat(codes).contains(indicator(), otherIndicator()).doesNotHaveDuplicates().isSorted();

        for (String[] asked : new String[][] {{"2022-09", null, "ANALYST"}, {"2022-09", "361002", "PORTAL"}, {"2022-09", "361021", "ADMIN"},
                {"2016-03", "361000", "PORTAL"}, {"1990-01", null, "SUBMITTER"}}) {
            String uri = "/indicators?period=" + asked[0] + (asked[1] == null ? "" : "&region=" + asked[1]);
            Map<String, Object> sheet = as(Role.valueOf(asked[2])).get().uri(uri).exchange()
                    .expectStatus().isOk()
                    .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
            assertThat(sheet).isNotNull();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> listed = (List<Map<String, Object>>) sheet.get("indicators");
            assertThat(listed).extracting(indicator -> indicator.get("code")).as(uri + " as " + asked[2]).containsExactlyElementsOf(codes);
        }
    }

    @Test
    void movesTheIndicatorsETagAsEveryRecordWriteDoes() {
        new IndicatorETagChecks(web, meters).changesWith("/indicators?period=2017-06", Role.ANALYST,
                () -> created(figure(indicator(), "value", "2017-06", "361000", "1", "1", document())));
    }

    /** The ids of the answer to {@code uri} (as PORTAL), after checking its {@code X-Total-Count}. */
    protected List<String> ids(String uri, int total) {
        List<Map<String, Object>> answer = as(Role.PORTAL).get().uri(uri).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Total-Count", Integer.toString(total))
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult().getResponseBody();
        assertThat(answer).isNotNull();
        return answer.stream().map(figure -> figure.get("id").toString()).toList();
    }

    /** Creates the figure as ANALYST (201, ETag "1") and answers its id. */
    protected String created(String body) {
        return created(body, "create-" + UUID.randomUUID());
    }

    protected String created(String body, String key) {
        return id(post(Role.ANALYST, body, key).expectStatus().isCreated());
    }

    /** The id of version 1 in a 201 (ETag "1"). */
    private static String id(WebTestClient.ResponseSpec created) {
        Map<String, Object> answer = created.expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        assertThat(answer).isNotNull().containsEntry("version", 1);
        return answer.get("id").toString();
    }

    protected WebTestClient.ResponseSpec post(Role role, String body, @Nullable String key) {
        return post(as(role), body, key);
    }

    protected WebTestClient.ResponseSpec post(WebTestClient client, String body, @Nullable String key) {
        WebTestClient.RequestBodySpec request = client.post().uri("/published-figures").contentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.bodyValue(body).exchange();
    }

    protected WebTestClient.ResponseSpec put(Role role, String id, String body, @Nullable String ifMatch) {
        WebTestClient.RequestBodySpec request = as(role).put().uri("/published-figures/{id}", id).contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request = request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.bodyValue(body).exchange();
    }

    protected WebTestClient as(Role role) {
        return web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION,
                "Bearer " + TestIdentity.token(role, role == Role.SUBMITTER ? SUBMITTER_INSTITUTION : null)).build();
    }

    /** A document name no other test uses. */
    protected static String document() {
        return "测试文件-" + UUID.randomUUID();
    }

    /** A figure's JSON ({@code printed} "12.5%"); a null member is left out. */
    protected static String figure(@Nullable String indicator, String field, String period, String region, @Nullable String value,
                                   String rounding, String document) {
        return "{" + (indicator == null ? "" : "\"indicator\": \"" + indicator + "\", ") + "\"field\": \"" + field + "\", \"period\": \""
                + period + "\", \"region\": \"" + region + "\", " + (value == null ? "" : "\"value\": " + value + ", ")
                + "\"rounding\": " + rounding + ", \"printed\": \"12.5%\", \"document\": \"" + document + "\"}";
    }
}
