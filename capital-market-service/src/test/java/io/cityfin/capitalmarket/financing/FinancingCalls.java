package io.cityfin.capitalmarket.financing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.identity.Role;
import io.cityfin.common.test.TestIdentity;

/** The HTTP calls the capital-market financing ITs make, each test token an API key of its own. */
public record FinancingCalls(WebTestClient web) {

    public WebTestClient as(Role role, @Nullable String institution) {
        return web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestIdentity.token(role, institution)).build();
    }

    public WebTestClient admin() {
        return as(Role.ADMIN, null);
    }

    public WebTestClient.ResponseSpec post(WebTestClient client, String uri, @Nullable String key, String body) {
        WebTestClient.RequestBodySpec request = client.post().uri(uri).contentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.bodyValue(body).exchange();
    }

    public WebTestClient.ResponseSpec put(WebTestClient client, String uri, String body, @Nullable String ifMatch) {
        WebTestClient.RequestBodySpec request = client.put().uri(uri).contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request = request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.bodyValue(body).exchange();
    }

    /** POSTs as ADMIN with a fresh key and answers the new record's id. */
    public String created(String uri, String body) {
        AtomicReference<String> id = new AtomicReference<>();
        post(admin(), uri, key(), body).expectStatus().isCreated().expectBody().jsonPath("$.id").value(String.class, id::set);
        return id.get();
    }

    public void register(String code, String type, String region, String activeFrom, @Nullable String activeTo) {
        admin().put().uri("/institutions/{code}", code).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"测试证券营业部" + code + "\", \"type\": \"" + type + "\", \"region\": \"" + region
                        + "\", \"activeFrom\": \"" + activeFrom + "\", \"activeTo\": " + (activeTo == null ? "null" : "\"" + activeTo + "\"") + "}")
                .exchange().expectStatus().isCreated();
    }

    /** The indicator sheet of the period (the city, or one region) as ANALYST; read fields with {@link #of}. */
    public WebTestClient.BodyContentSpec sheet(String period, @Nullable String region) {
        String uri = "/indicators?period=" + period + (region == null ? "" : "&region=" + region);
        return as(Role.ANALYST, null).get().uri(uri).exchange().expectStatus().isOk().expectBody();
    }

    /** The figure {@code code} of the sheet of the period, in the city or one region. */
    public void expect(String period, @Nullable String region, String code, String value) {
        sheet(period, region).jsonPath(of(code, "value")).value(money(value));
    }

    public static String of(String code, String field) {
        return "$.indicators[?(@.code == '" + code + "')]." + field;
    }

    /** An amount equal to {@code expected} as a decimal, whether JSON gave it as an integer or a fraction. */
    public static Consumer<Object> money(String expected) {
        return actual -> {
            Object value = actual instanceof List<?> list ? list.get(0) : actual;
            assertThat(new BigDecimal(String.valueOf(value))).isEqualByComparingTo(expected);
        };
    }

    public static String key() {
        return UUID.randomUUID().toString();
    }
}
