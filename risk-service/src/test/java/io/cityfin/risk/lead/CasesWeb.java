package io.cityfin.risk.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.identity.Role;
import io.cityfin.common.test.TestIdentity;

/** The plans', leads' and publicity's routes as the ITs call them: callers by role, bodies as JSON text, refusals and figures. */
public final class CasesWeb {

    private final WebTestClient web;

    public CasesWeb(WebTestClient web) {
        this.web = web;
    }

    public WebTestClient as(Role role) {
        return as(role, null);
    }

    public WebTestClient as(Role role, @Nullable String institution) {
        return web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestIdentity.token(role, institution)).build();
    }

    /** Registers an institution of the registry as ADMIN. */
    public void institution(String code, String type, String region) {
        as(Role.ADMIN).put().uri("/institutions/{code}", code).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"测试机构" + code.substring(12) + "\", \"type\": \"" + type + "\", \"region\": \"" + region
                        + "\", \"activeFrom\": \"2015-01-01\"}")
                .exchange().expectStatus().is2xxSuccessful();
    }

    public WebTestClient.ResponseSpec post(String uri, String body) {
        return post(as(Role.ANALYST), uri, body, UUID.randomUUID().toString());
    }

    public WebTestClient.ResponseSpec post(WebTestClient caller, String uri, String body, @Nullable String idempotencyKey) {
        WebTestClient.RequestBodySpec request = caller.post().uri(uri).contentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.bodyValue(body).exchange();
    }

    /** Posts a record that must be accepted; answers its id. */
    public String created(String uri, String body) {
        Map<?, ?> answer = post(uri, body).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(answer).isNotNull();
        return String.valueOf(answer.get("id"));
    }

    public WebTestClient.ResponseSpec put(String uri, String body) {
        return put(as(Role.ANALYST), uri, body, null);
    }

    public WebTestClient.ResponseSpec put(WebTestClient caller, String uri, String body, @Nullable String ifMatch) {
        WebTestClient.RequestBodySpec request = caller.put().uri(uri).contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request = request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.bodyValue(body).exchange();
    }

    public WebTestClient.ResponseSpec get(String uri) {
        return as(Role.ANALYST).get().uri(uri).exchange();
    }

    /** A 422 problem with exactly one fault: {@code code} at {@code pointer}; nothing stored. */
    public static void refused(WebTestClient.ResponseSpec answer, String code, String pointer) {
        answer.expectStatus().isEqualTo(422).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].code").isEqualTo(code)
                .jsonPath("$.errors[0].pointer").isEqualTo(pointer);
    }

    /** The indicator sheet of the period in {@code region} (null: the city) as {@code role}. */
    public WebTestClient.BodyContentSpec sheet(Role role, @Nullable String institution, String period, @Nullable String region) {
        String uri = "/indicators?period=" + period + (region == null ? "" : "&region=" + region);
        return as(role, institution).get().uri(uri).exchange().expectStatus().isOk().expectBody();
    }

    public WebTestClient.BodyContentSpec sheet(String period, @Nullable String region) {
        return sheet(Role.ANALYST, null, period, region);
    }

    /** The JSON path of an indicator's field. */
    public static String of(String code) {
        return of(code, "value");
    }

    public static String of(String code, String field) {
        return "$.indicators[?(@.code == '" + code + "')]." + field;
    }

    /** A figure, whether JSON gave it as 3, 3.0 or 100.00. */
    public static Consumer<Object> figure(String expected) {
        return actual -> {
            Object value = actual instanceof List<?> list ? list.get(0) : actual;
            assertThat(new BigDecimal(String.valueOf(value))).isEqualByComparingTo(expected);
        };
    }

    /** A field that is null. */
    public static Consumer<Object> nothing() {
        return actual -> assertThat(actual instanceof List<?> list ? list.get(0) : actual).isNull();
    }
}
