package io.cityfin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

/** The registry and rating routes as the ITs call them: bodies as the standard writes them, callers by role, indicator sheets. */
public final class PlatformWeb {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 100_000));

    private final WebTestClient web;

    public PlatformWeb(WebTestClient web) {
        this.web = web;
    }

    /** A fresh valid USCC of region {@code region}. */
    public static String uscc(String region) {
        String first17 = "91" + region + "MAT" + String.format("%06d", NEXT.incrementAndGet() % 1_000_000);
        return first17 + Uscc.checkCharacter(first17);
    }

    /** A platform body: {@code entries} are history entries as JSON objects (see {@link #entry}). */
    public static String platform(String tier, String region, String... entries) {
        return "{\"name\": \"抚州测试投资有限公司\", \"tier\": \"" + tier + "\", \"region\": \"" + region + "\", \"history\": ["
                + String.join(", ", entries) + "]}";
    }

    public static String entry(String from, String status, String level, @Nullable String parent) {
        return "{\"from\": \"" + from + "\", \"status\": \"" + status + "\", \"level\": \"" + level + "\", \"parent\": "
                + (parent == null ? "null" : "\"" + parent + "\"") + "}";
    }

    /** A rating body; {@code rating} null for none. */
    public static String rating(String agency, @Nullable String rating, String action, String ratedOn) {
        return "{\"agency\": \"" + agency + "\", \"rating\": " + (rating == null ? "null" : "\"" + rating + "\"")
                + ", \"outlook\": \"STABLE\", \"action\": \"" + action + "\", \"ratedOn\": \"" + ratedOn + "\"}";
    }

    public static String withStatus(String body, String status) {
        return body.substring(0, body.length() - 1) + ", \"status\": \"" + status + "\"}";
    }

    public WebTestClient as(Role role) {
        return web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestIdentity.token(role)).build();
    }

    public WebTestClient.ResponseSpec putPlatform(String uscc, String body) {
        return putPlatform(Role.ANALYST, uscc, body, null);
    }

    public WebTestClient.ResponseSpec putPlatform(Role role, String uscc, String body, @Nullable String ifMatch) {
        return put(role, "/platforms/{uscc}", uscc, body, ifMatch);
    }

    /** An ACTIVE L1 platform from {@code from}, of tier COUNTY in a county or CITY on 361000; answers its USCC. */
    public String activeL1(String region, String from) {
        String uscc = uscc(region);
        putPlatform(uscc, platform("361000".equals(region) ? "CITY" : "COUNTY", region, entry(from, "ACTIVE", "L1", null)))
                .expectStatus().isCreated();
        return uscc;
    }

    public WebTestClient.ResponseSpec postRating(String uscc, String body) {
        return postRating(uscc, body, UUID.randomUUID().toString());
    }

    public WebTestClient.ResponseSpec postRating(String uscc, String body, @Nullable String idempotencyKey) {
        return postRating(as(Role.ANALYST), uscc, body, idempotencyKey);
    }

    /** As {@code caller}: one token, so one API key whose Idempotency-Keys answer again. */
    public WebTestClient.ResponseSpec postRating(WebTestClient caller, String uscc, String body, @Nullable String idempotencyKey) {
        WebTestClient.RequestBodySpec request = caller.post().uri("/platforms/{uscc}/ratings", uscc).contentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.bodyValue(body).exchange();
    }

    /** Posts a rating that must be accepted; answers its id. */
    public String rated(String uscc, String body) {
        return String.valueOf(postRating(uscc, body).expectStatus().isCreated().expectBody(java.util.Map.class).returnResult().getResponseBody().get("id"));
    }

    public WebTestClient.ResponseSpec putRating(String id, String body, @Nullable String ifMatch) {
        return put(Role.ANALYST, "/ratings/{id}", id, body, ifMatch);
    }

    public WebTestClient.ResponseSpec get(String uri, Object... variables) {
        return as(Role.ANALYST).get().uri(uri, variables).exchange();
    }

    private WebTestClient.ResponseSpec put(Role role, String uri, String key, String body, @Nullable String ifMatch) {
        WebTestClient.RequestBodySpec request = as(role).put().uri(uri, key).contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request = request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.bodyValue(body).exchange();
    }

    /** A 422 problem with one fault: {@code code} at {@code pointer}. */
    public static void refused(WebTestClient.ResponseSpec answer, String code, String pointer) {
        answer.expectStatus().isEqualTo(422).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody()
                .jsonPath("$.errors.length()").isEqualTo(1).jsonPath("$.errors[0].code").isEqualTo(code)
                .jsonPath("$.errors[0].pointer").isEqualTo(pointer);
    }

    /** The indicator sheet of the period in {@code region} (null: the city); read fields with {@link #of}. */
    public WebTestClient.BodyContentSpec sheet(String period, @Nullable String region) {
        String uri = "/indicators?period=" + period + (region == null ? "" : "&region=" + region);
        return as(Role.ANALYST).get().uri(uri).exchange().expectStatus().isOk().expectBody();
    }

    public static String of(String code) {
        return "$.indicators[?(@.code == '" + code + "')].value";
    }

    /** A figure, whether JSON gave it as 3, 3.0 or 100.00. */
    public static Consumer<Object> figure(String expected) {
        return actual -> {
            Object value = actual instanceof List<?> list ? list.get(0) : actual;
            assertThat(new java.math.BigDecimal(String.valueOf(value))).isEqualByComparingTo(expected);
        };
    }
}
