package io.cityfin.reporting.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.jayway.jsonpath.JsonPath;

import io.cityfin.common.identity.Role;
import io.cityfin.common.test.TestIdentity;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The ETag and 304 of a service's {@code GET /indicators} over HTTP, for every service's IT (issue #15): a 200 carries
 * a strong ETag, {@code Cache-Control: private, no-cache} and {@code Vary: Authorization}; a matching
 * {@code If-None-Match} (the tag, a weak form of it, one of a list, {@code *}) is a 304 with the same headers, no body
 * and no sheet computed; a stale one a 200, the sheet kept for the tag, not computed again (same {@code generatedAt});
 * a malformed one a 400 problem; a write gives a new tag and a sheet computed after it; the PUBLIC view
 * (PORTAL, SUBMITTER) and the STAFF view (ANALYST, ADMIN) of a county get different tags, and one view's tag is never
 * a 304 for the other.
 * <p>
 * A write may set off others soon after it (risk-service evaluates the alerts an accepted report affects after
 * {@code cityfin.alerts.coalesce}), and any of them moves the data version: each check that needs the version to stand
 * still between two requests is retried as a whole until it finds it so (Awaitility), never slept for.
 */
public final class IndicatorETagChecks {

    private final WebTestClient web;
    private final MeterRegistry meters;

    public IndicatorETagChecks(WebTestClient web, MeterRegistry meters) {
        this.web = web;
        this.meters = meters;
    }

    /** The tag of {@code uri} as {@code role}, checked as a whole 200 answer. */
    public String tag(String uri, Role role) {
        return answer(uri, role, null).etag();
    }

    /** A 200 to {@code uri} as {@code role} (with {@code ifNoneMatch} if not null): its tag and {@code generatedAt}. */
    private Answer answer(String uri, Role role, String ifNoneMatch) {
        EntityExchangeResult<byte[]> answer = as(role).get().uri(uri)
                .headers(headers -> {
                    if (ifNoneMatch != null) {
                        headers.set(HttpHeaders.IF_NONE_MATCH, ifNoneMatch);
                    }
                })
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.indicators").isArray().returnResult();
        String generatedAt = JsonPath.read(new String(answer.getResponseBodyContent(), StandardCharsets.UTF_8), "$.generatedAt");
        return new Answer(cacheHeaders(answer), OffsetDateTime.parse(generatedAt));
    }

    private record Answer(String etag, OffsetDateTime generatedAt) {
    }

    /** 200's headers, 304 on every matching form, nothing computed for them; 200 on a stale tag; 400 on a malformed one. */
    public void answers304WithoutComputing(String uri, Role role) {
        settled(() -> {
            Answer first = answer(uri, role, null);
            String etag = first.etag();
            long computed = computations();

            for (String matching : new String[] {etag, "W/" + etag, "\"stale\", " + etag, "*"}) {
                EntityExchangeResult<?> notModified = as(role).get().uri(uri).header(HttpHeaders.IF_NONE_MATCH, matching).exchange()
                        .expectStatus().isNotModified()
                        .expectBody().isEmpty();
                assertThat(cacheHeaders(notModified)).as("304 to %s", matching).isEqualTo(etag);
            }
            assertThat(computations()).as("a 304 computes no sheet").isEqualTo(computed);

            Answer stale = answer(uri, role, "\"stale\"");
            assertThat(stale.etag()).isEqualTo(etag);
            assertThat(computations()).as("a 200 for a tag answered before: the sheet kept for it, not computed again").isEqualTo(computed);
            assertThat(stale.generatedAt()).as("the kept sheet, as first computed").isEqualTo(first.generatedAt());
        });

        as(role).get().uri(uri).header(HttpHeaders.IF_NONE_MATCH, "k3J9").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].parameter").isEqualTo(HttpHeaders.IF_NONE_MATCH)
                .jsonPath("$.errors[0].code").isEqualTo("INVALID_IF_NONE_MATCH");
    }

    /** Runs {@code write} and answers the new tag: different from the one before, which is now a 200; itself a 304. */
    public String changesWith(String uri, Role role, Runnable write) {
        Answer beforeWrite = answer(uri, role, null);
        String before = beforeWrite.etag();
        write.run();
        AtomicReference<Answer> afterWrite = new AtomicReference<>();
        settled(() -> {
            afterWrite.set(answer(uri, role, null));
            as(role).get().uri(uri).header(HttpHeaders.IF_NONE_MATCH, afterWrite.get().etag()).exchange().expectStatus().isNotModified();
        });
        AtomicReference<String> after = new AtomicReference<>(afterWrite.get().etag());
        assertThat(after.get()).as("the tag after the write").isNotEqualTo(before);
        assertThat(afterWrite.get().generatedAt()).as("a sheet computed after the write, not one kept from before it")
                .isAfter(beforeWrite.generatedAt());
        as(role).get().uri(uri).header(HttpHeaders.IF_NONE_MATCH, before).exchange().expectStatus().isOk();
        return after.get();
    }

    /** On a county: PORTAL and ANALYST tags differ, neither is a 304 for the other; SUBMITTER shares PORTAL's, ADMIN ANALYST's. */
    public void tagsEachViewApart(String countyUri) {
        settled(() -> {
            String portal = tag(countyUri, Role.PORTAL);
            String analyst = tag(countyUri, Role.ANALYST);

            assertThat(portal).isNotEqualTo(analyst);
            as(Role.PORTAL).get().uri(countyUri).header(HttpHeaders.IF_NONE_MATCH, analyst).exchange().expectStatus().isOk();
            as(Role.ANALYST).get().uri(countyUri).header(HttpHeaders.IF_NONE_MATCH, portal).exchange().expectStatus().isOk();
            assertThat(tag(countyUri, Role.SUBMITTER)).as("SUBMITTER: the public view").isEqualTo(portal);
            assertThat(tag(countyUri, Role.ADMIN)).as("ADMIN: the staff view").isEqualTo(analyst);
        });
    }

    /** Runs {@code check} until it passes with no write in between (see the class comment). */
    private static void settled(Runnable check) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(check::run);
    }

    /** The ETag of an answer, after checking it is strong and the answer carries Cache-Control and Vary. */
    private static String cacheHeaders(EntityExchangeResult<?> answer) {
        HttpHeaders headers = answer.getResponseHeaders();
        String etag = headers.getETag();
        assertThat(etag).as("a strong ETag").isNotNull().matches("\"[^\"]+\"");
        assertThat(headers.getCacheControl()).isEqualTo("private, no-cache");
        assertThat(headers.getVary()).contains(HttpHeaders.AUTHORIZATION);
        return etag;
    }

    /** Sheets computed so far (cityfin_indicators_computation_seconds_count, every region scope). */
    private long computations() {
        return meters.find("cityfin.indicators.computation").timers().stream().mapToLong(Timer::count).sum();
    }

    private WebTestClient as(Role role) {
        return web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestIdentity.token(role)).build();
    }
}
