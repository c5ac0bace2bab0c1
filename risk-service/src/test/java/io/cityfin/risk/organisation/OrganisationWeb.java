package io.cityfin.risk.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.identity.Role;
import io.cityfin.common.test.TestIdentity;
import io.cityfin.common.uscc.Uscc;

/** The registry, rating and action routes as the ITs call them: bodies as the standard writes them, callers by role. */
final class OrganisationWeb {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 100_000));

    private final WebTestClient web;

    OrganisationWeb(WebTestClient web) {
        this.web = web;
    }

    /** A fresh valid USCC of region {@code region}. */
    static String uscc(String region) {
        String first17 = "91" + region + "MAT" + String.format("%06d", NEXT.incrementAndGet() % 1_000_000);
        return first17 + Uscc.checkCharacter(first17);
    }

    static String institution(String type, String region, String activeFrom, String more) {
        return "{\"name\": \"抚州测试机构\", \"type\": \"" + type + "\", \"region\": \"" + region + "\", \"activeFrom\": \"" + activeFrom + "\""
                + (more.isEmpty() ? "" : ", " + more) + "}";
    }

    static String rating(String grade, String ratedOn) {
        return "{\"grade\": \"" + grade + "\", \"ratedOn\": \"" + ratedOn + "\"}";
    }

    static String action(String type, String on) {
        return "{\"type\": \"" + type + "\", \"on\": \"" + on + "\", \"documentNo\": \"抚金办字〔2022〕1号\"}";
    }

    static String withStatus(String body, String status) {
        return body.substring(0, body.length() - 1) + ", \"status\": \"" + status + "\"}";
    }

    WebTestClient as(Role role) {
        return web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestIdentity.token(role)).build();
    }

    WebTestClient.ResponseSpec putInstitution(String code, String body) {
        return as(Role.ADMIN).put().uri("/institutions/{code}", code).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    /** A registered organisation of {@code type} active from 2015-01-01; answers its code. */
    String registered(String type, String region) {
        String code = uscc(region);
        putInstitution(code, institution(type, region, "2015-01-01", "")).expectStatus().isCreated();
        return code;
    }

    WebTestClient.ResponseSpec getInstitution(String code) {
        return get("/institutions/{code}", code);
    }

    WebTestClient.ResponseSpec putRating(String code, int year, String body, @Nullable String ifMatch) {
        WebTestClient.RequestBodySpec request = as(Role.ANALYST).put().uri("/institutions/{code}/ratings/{year}", code, year)
                .contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request = request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec postAction(String code, String body) {
        return postAction(as(Role.ANALYST), code, body, UUID.randomUUID().toString());
    }

    WebTestClient.ResponseSpec postAction(WebTestClient caller, String code, String body, @Nullable String idempotencyKey) {
        WebTestClient.RequestBodySpec request = caller.post().uri("/institutions/{code}/actions", code).contentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.bodyValue(body).exchange();
    }

    /** Posts an action that must be accepted; answers its id. */
    String acted(String code, String body) {
        return String.valueOf(postAction(code, body).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id"));
    }

    WebTestClient.ResponseSpec putAction(String id, String body, @Nullable String ifMatch) {
        WebTestClient.RequestBodySpec request = as(Role.ANALYST).put().uri("/actions/{id}", id).contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request = request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec get(String uri, Object... variables) {
        return as(Role.ANALYST).get().uri(uri, variables).exchange();
    }

    /** A 422 problem with one fault: {@code code} at {@code pointer}. */
    static void refused(WebTestClient.ResponseSpec answer, String code, String pointer) {
        answer.expectStatus().isEqualTo(422).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1).jsonPath("$.errors[0].code").isEqualTo(code)
                .jsonPath("$.errors[0].pointer").isEqualTo(pointer);
    }

    /** A 400 problem naming {@code parameter} with {@code code}. */
    static void badParameter(WebTestClient.ResponseSpec answer, String code, String parameter) {
        answer.expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].code").isEqualTo(code)
                .jsonPath("$.errors[0].parameter").isEqualTo(parameter);
    }

    /** The indicator sheet of the period in {@code region} (null: the city); read fields with {@link #of}. */
    WebTestClient.BodyContentSpec sheet(String period, @Nullable String region) {
        String uri = "/indicators?period=" + period + (region == null ? "" : "&region=" + region);
        return as(Role.ANALYST).get().uri(uri).exchange().expectStatus().isOk().expectBody();
    }

    static String of(String code) {
        return "$.indicators[?(@.code == '" + code + "')].value";
    }

    /** A figure, whether JSON gave it as 3, 3.0 or 100.00. */
    static Consumer<Object> figure(String expected) {
        return actual -> {
            Object value = actual instanceof List<?> list ? list.get(0) : actual;
            assertThat(new java.math.BigDecimal(String.valueOf(value))).isEqualByComparingTo(expected);
        };
    }

    /** The codes the period's submissions list expects (active on its last day). */
    List<String> expected(String period) {
        @SuppressWarnings("unchecked")
        Map<String, Object> answer = as(Role.ANALYST).get().uri("/submissions?period={period}", period).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> institutions = (List<Map<String, Object>>) answer.get("institutions");
        return institutions.stream().map(row -> String.valueOf(row.get("institutionCode"))).toList();
    }
}
