package io.cityfin.capitalmarket.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.identity.Role;
import io.cityfin.common.test.TestIdentity;
import io.cityfin.common.uscc.Uscc;

/** The enterprise routes as the ITs call them: bodies as the standard writes them, callers by role, indicator sheets. */
final class EnterpriseWeb {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 100_000));

    private final WebTestClient web;

    EnterpriseWeb(WebTestClient web) {
        this.web = web;
    }

    /** A fresh valid USCC of region {@code region}. */
    static String uscc(String region) {
        String first17 = "91" + region + "MAT" + String.format("%06d", NEXT.incrementAndGet() % 1_000_000);
        return first17 + Uscc.checkCharacter(first17);
    }

    /** A fresh NEEQ stock code. */
    static String neeqCode() {
        return "87" + String.format("%04d", NEXT.incrementAndGet() % 10_000);
    }

    WebTestClient as(Role role) {
        return web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestIdentity.token(role)).build();
    }

    WebTestClient.ResponseSpec putEnterprise(String uscc, String body) {
        return putEnterprise(Role.ANALYST, uscc, body, null);
    }

    WebTestClient.ResponseSpec putEnterprise(Role role, String uscc, String body, @Nullable String ifMatch) {
        return put(role, "/enterprises/{uscc}", uscc, body, ifMatch);
    }

    WebTestClient.ResponseSpec putPipeline(String uscc, String body) {
        return putPipeline(uscc, body, null);
    }

    WebTestClient.ResponseSpec putPipeline(String uscc, String body, @Nullable String ifMatch) {
        return put(Role.ANALYST, "/enterprises/{uscc}/pipeline", uscc, body, ifMatch);
    }

    WebTestClient.ResponseSpec get(String uri, Object... variables) {
        return as(Role.ANALYST).get().uri(uri, variables).exchange();
    }

    private WebTestClient.ResponseSpec put(Role role, String uri, String uscc, String body, @Nullable String ifMatch) {
        WebTestClient.RequestBodySpec request = as(role).put().uri(uri, uscc).contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request = request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.bodyValue(body).exchange();
    }

    /** A 422 problem with one fault: {@code code} at {@code pointer}. */
    static void refused(WebTestClient.ResponseSpec answer, String code, String pointer) {
        answer.expectStatus().isEqualTo(422).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1).jsonPath("$.errors[0].code").isEqualTo(code)
                .jsonPath("$.errors[0].pointer").isEqualTo(pointer);
    }

    /** The indicator sheet of the period in {@code region} (null: the city); read fields with {@link #of}. */
    WebTestClient.BodyContentSpec sheet(String period, @Nullable String region) {
        String uri = "/indicators?period=" + period + (region == null ? "" : "&region=" + region);
        return as(Role.ANALYST).get().uri(uri).exchange().expectStatus().isOk().expectBody();
    }

    static String of(String code) {
        return "$.indicators[?(@.code == '" + code + "')].value";
    }

    /** A count, whether JSON gave it as 3 or 3.0. */
    static Consumer<Object> count(int expected) {
        return actual -> {
            Object value = actual instanceof List<?> list ? list.get(0) : actual;
            assertThat(new java.math.BigDecimal(String.valueOf(value))).isEqualByComparingTo(String.valueOf(expected));
        };
    }

    /** An enterprise in {@code region} with a COMPLETED reform of 2021-11-20/2022-05-18 and these listings (JSON objects). */
    static String enterprise(String region, String... listings) {
        return reformed(region, "{\"status\": \"COMPLETED\", \"signedOn\": \"2021-11-20\", \"completedOn\": \"2022-05-18\"}", listings);
    }

    static String reformed(String region, String reform, String... listings) {
        return "{\"name\": \"抚州测试股份有限公司\", \"region\": \"" + region + "\", \"specialisedSmeSince\": \"2021-07-01\", "
                + "\"reservePool\": {\"since\": \"2022-03-01\", \"until\": null}, \"shareholdingReform\": " + reform + ", "
                + "\"listings\": [" + String.join(", ", listings) + "]}";
    }

    static String listing(String board, String code, String listedOn, @Nullable String delistedOn) {
        return "{\"board\": \"" + board + "\", \"stockCode\": \"" + code + "\", \"listedOn\": \"" + listedOn + "\", \"delistedOn\": "
                + (delistedOn == null ? "null" : "\"" + delistedOn + "\"") + "}";
    }

    static String withStatus(String body, String status) {
        return body.substring(0, body.length() - 1) + ", \"status\": \"" + status + "\"}";
    }

    /** The standard's BSE plan: key candidate in 2022 and 2023, TUTORING_FILED {@code filedOn} (null: not yet), the rest planned. */
    static String pipeline(@Nullable String filedOn, @Nullable String terminatedOn) {
        return "{\"targetBoard\": \"BSE\", \"sponsor\": \"测试证券股份有限公司\", \"keyCandidateYears\": [2022, 2023], \"terminatedOn\": "
                + (terminatedOn == null ? "null" : "\"" + terminatedOn + "\"") + ", \"stages\": ["
                + "{\"stage\": \"TUTORING_FILED\", \"plannedOn\": \"2022-12-31\", \"actualOn\": " + (filedOn == null ? "null" : "\"" + filedOn + "\"")
                + "}, {\"stage\": \"TUTORING_ACCEPTED\", \"plannedOn\": \"2023-06-30\"}, {\"stage\": \"APPLICATION_FILED\", \"plannedOn\": \"2023-09-30\"}, "
                + "{\"stage\": \"APPROVED\", \"plannedOn\": \"2024-03-31\"}, {\"stage\": \"REGISTERED\", \"plannedOn\": \"2024-05-31\"}, "
                + "{\"stage\": \"LISTED\", \"plannedOn\": \"2024-06-30\"}]}";
    }
}
