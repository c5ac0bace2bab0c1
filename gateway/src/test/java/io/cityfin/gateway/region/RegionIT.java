package io.cityfin.gateway.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.region.Region;
import io.cityfin.common.test.TestIdentity;
import io.cityfin.common.test.WithPostgres;

/**
 * {@code GET /api/v1/regions} on the real gateway (its keys on PostgreSQL): common's {@link Region} in its order for
 * any valid key, kept an hour by a browser and revalidated by its ETag, and like every data call refused without a key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "cityfin.gateway.keys.admin-api-key=" + RegionIT.ADMIN_KEY})
@AutoConfigureWebTestClient(timeout = "20s")
@WithPostgres
class RegionIT {

    static final String ADMIN_KEY = "cfk_region-it-bootstrap-admin-key-0000000000000";

    private static final ParameterizedTypeReference<List<Map<String, Object>>> REGIONS = new ParameterizedTypeReference<>() { };

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("cityfin.identity.signing-key", TestIdentity::privateKey);
        registry.add("cityfin.identity.key-id", () -> TestIdentity.KEY_ID);
    }

    @Test
    void answersCommonsRegionsInTheirOrderWithTheCityFlaggedAndCacheHeaders() {
        EntityExchangeResult<List<Map<String, Object>>> answer = web.get().uri("/api/v1/regions")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY).accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(REGIONS).returnResult();

        List<Map<String, Object>> regions = answer.getResponseBody();
        assertThat(regions).extracting(region -> region.get("code"))
                .containsExactlyElementsOf(Arrays.stream(Region.values()).map(Region::code).toList());
        for (Region expected : Region.values()) {
            Map<String, Object> region = regions.get(expected.ordinal());
            assertThat(region).containsOnlyKeys("code", "nameZh", "nameEn", "city")
                    .containsEntry("nameZh", expected.nameZh()).containsEntry("nameEn", expected.nameEn())
                    .containsEntry("city", expected.isCity());
        }
        assertThat(regions.get(0)).containsEntry("code", "361000").containsEntry("nameZh", "抚州市").containsEntry("city", true);
        assertThat(regions).filteredOn(region -> Boolean.TRUE.equals(region.get("city"))).hasSize(1);
        HttpHeaders headers = answer.getResponseHeaders();
        assertThat(headers.get(HttpHeaders.CACHE_CONTROL)).containsExactly("private, max-age=3600");
        assertThat(headers.containsHeader(HttpHeaders.PRAGMA)).isFalse();
        assertThat(headers.containsHeader(HttpHeaders.EXPIRES)).isFalse();
        assertThat(headers.getETag()).matches("\"[A-Za-z0-9_-]{22}\"");
    }

    @Test
    void anyRoleReadsTheSameListAsTheAdmin() {
        String portal = issue("{\"label\": \"regions portal\", \"roles\": [\"PORTAL\"]}");
        String submitter = issue("{\"label\": \"regions bank\", \"roles\": [\"SUBMITTER\"], \"institutionCode\": \"91361000BANKR0001X\"}");
        String adminEtag = etag(ADMIN_KEY);

        for (String key : List.of(portal, submitter)) {
            assertThat(web.get().uri("/api/v1/regions").header(HttpHeaders.AUTHORIZATION, "Bearer " + key).exchange()
                    .expectStatus().isOk().expectBody(REGIONS).returnResult().getResponseBody())
                    .extracting(region -> region.get("code")).hasSize(Region.values().length);
            assertThat(etag(key)).isEqualTo(adminEtag);
        }
    }

    @Test
    void aMatchingIfNoneMatchIsA304WithoutABodyAndAnotherTagTheList() {
        String etag = etag(ADMIN_KEY);

        byte[] notModified = web.get().uri("/api/v1/regions").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY)
                .header(HttpHeaders.IF_NONE_MATCH, "\"other\", W/" + etag).exchange()
                .expectStatus().isNotModified()
                .expectHeader().valueEquals(HttpHeaders.ETAG, etag)
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
                .expectBody().returnResult().getResponseBody();
        assertThat(notModified).isNullOrEmpty();

        web.get().uri("/api/v1/regions").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY)
                .header(HttpHeaders.IF_NONE_MATCH, "\"an-older-list\"").exchange()
                .expectStatus().isOk()
                .expectBody(REGIONS).value(regions -> assertThat(regions).hasSize(Region.values().length));
    }

    @Test
    void aMalformedIfNoneMatchIsA400ProblemNamingIt() {
        web.get().uri("/api/v1/regions").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY)
                .header(HttpHeaders.IF_NONE_MATCH, "not-a-tag").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].parameter").isEqualTo("If-None-Match")
                .jsonPath("$.errors[0].code").isEqualTo("INVALID_IF_NONE_MATCH");
    }

    @Test
    void isRefusedWithoutAValidKeyLikeEveryDataCall() {
        web.get().uri("/api/v1/regions").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        web.get().uri("/api/v1/regions").header(HttpHeaders.AUTHORIZATION, "Bearer cfk_" + "u".repeat(43)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private String etag(String key) {
        String etag = web.get().uri("/api/v1/regions").header(HttpHeaders.AUTHORIZATION, "Bearer " + key).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseHeaders().getETag();
        assertThat(etag).isNotNull();
        return etag;
    }

    private String issue(String json) {
        Map<String, Object> issued = web.post().uri("/api/v1/admin/api-keys").header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json)
                .exchange().expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        return (String) issued.get("key");
    }
}
