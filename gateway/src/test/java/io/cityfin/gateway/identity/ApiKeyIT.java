package io.cityfin.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.identity.IdentityKeys;
import io.cityfin.common.identity.InternalTokenVerification;
import io.cityfin.common.test.TestIdentity;
import io.cityfin.common.test.WithPostgres;
import io.cityfin.gateway.StillRateLimitTime;
import io.cityfin.gateway.StubService;

/**
 * API keys end to end: issued, used, revoked through the admin endpoints on real PostgreSQL; the internal token
 * a service receives; refusals, rate limits and their metrics; and no secret in the logs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "cityfin.gateway.keys.admin-api-key=" + ApiKeyIT.ADMIN_KEY,
        "cityfin.gateway.rate-limit.burst=5",
        "cityfin.gateway.rate-limit.per-second=1",
        "logging.level.io.cityfin=DEBUG",
        "logging.level.org.springframework.security=DEBUG",
        // what an operator debugging the gateway's traffic would switch on: the internal token must stay out of the log
        "logging.level.org.springframework.cloud.gateway=DEBUG",
        "logging.level.org.springframework.web=DEBUG",
        "logging.level.org.springframework.http=DEBUG",
        "logging.level.reactor.netty.http=DEBUG"})
@AutoConfigureWebTestClient(timeout = "20s")
@WithPostgres
@Import(StillRateLimitTime.class)
@ExtendWith(OutputCaptureExtension.class)
class ApiKeyIT {

    static final String ADMIN_KEY = "cfk_api-key-it-bootstrap-admin-key-000000000000";

    static final StubService CREDIT = new StubService("credit-service");

    @Autowired
    WebTestClient web;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        routeEveryServiceTo(CREDIT, registry);
    }

    /** The five services' routes and fan-out to {@code stub}; the test signing key. */
    static void routeEveryServiceTo(StubService stub, DynamicPropertyRegistry registry) {
        for (String service : List.of("credit-service", "insurance-service", "capital-market-service", "platform-service", "risk-service")) {
            registry.add("cityfin.gateway.services." + service, stub::url);
        }
        registry.add("cityfin.identity.signing-key", TestIdentity::privateKey);
        registry.add("cityfin.identity.key-id", () -> TestIdentity.KEY_ID);
    }

    @AfterAll
    static void stopStub() {
        CREDIT.stop();
    }

    @Test
    void issuesAKeyShownOnceAndListsItWithoutItsSecret() {
        Map<String, Object> issued = issue("{\"label\": \"Bank A reporting\", \"roles\": [\"SUBMITTER\"], \"institutionCode\": \"91361000BANKA0001X\"}");

        assertThat((String) issued.get("key")).startsWith("cfk_").hasSize(47);
        assertThat(issued).containsEntry("roles", List.of("SUBMITTER")).containsEntry("institutionCode", "91361000BANKA0001X");
        admin().get().uri("/api/v1/admin/api-keys").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(list -> assertThat(list)
                        .contains(issued.get("id").toString())
                        .contains(((String) issued.get("key")).substring(0, 8))
                        .doesNotContain((String) issued.get("key")));
    }

    @Test
    void refusesAKeyThatBreaksTheRulesWithAPointerPerFault() {
        admin().post().uri("/api/v1/admin/api-keys").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"label\": \"x\", \"roles\": [\"SUBMITTER\", \"AUDITOR\"]}")
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[?(@.pointer == '/roles/1')].code").isEqualTo("UNKNOWN_ROLE")
                .jsonPath("$.errors[?(@.pointer == '/institutionCode')].code").isEqualTo("INSTITUTION_REQUIRED");
        admin().post().uri("/api/v1/admin/api-keys").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"label\": \"portal\", \"roles\": [\"PORTAL\"], \"institutionCode\": \"91361000BANKA0001X\"}")
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("INSTITUTION_NOT_ALLOWED");
        admin().post().uri("/api/v1/admin/api-keys").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"roles\": [\"PORTAL\"]}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].pointer").isEqualTo("/label");
    }

    @Test
    void refusesAnUnknownMemberAndALabelWithAControlCharacterOrOverItsLengthAndIssuesNothing() {
        int keys = keyCount();

        admin().post().uri("/api/v1/admin/api-keys").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"label\": \"typo\", \"roles\": [\"PORTAL\"], \"rolse\": [\"ADMIN\"]}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].pointer").isEqualTo("/rolse")
                .jsonPath("$.errors[0].code").isEqualTo("UNKNOWN_MEMBER");
        admin().post().uri("/api/v1/admin/api-keys").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"label\": \"bell\\u0007\", \"roles\": [\"PORTAL\"]}")
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].pointer").isEqualTo("/label")
                .jsonPath("$.errors[0].code").isEqualTo("CONTROL_CHARACTER");
        admin().post().uri("/api/v1/admin/api-keys").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"label\": \"" + "l".repeat(201) + "\", \"roles\": [\"PORTAL\"]}")
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].pointer").isEqualTo("/label")
                .jsonPath("$.errors[0].code").isEqualTo("TOO_LONG");

        assertThat(keyCount()).isEqualTo(keys);
    }

    private int keyCount() {
        return admin().get().uri("/api/v1/admin/api-keys").exchange().expectStatus().isOk()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody().size();
    }

    @Test
    void refusesMissingWrongAndRevokedKeysWithoutEchoingThem() {
        String wrong = "cfk_" + "w".repeat(43);
        unauthorized(web.get().uri("/api/v1/credit/indicators?period=2022-09").exchange(), "MISSING");
        unauthorized(web.get().uri("/api/v1/credit/indicators?period=2022-09").header(HttpHeaders.AUTHORIZATION, "Bearer " + wrong)
                .exchange(), wrong);
        unauthorized(web.get().uri("/api/v1/credit/indicators?period=2022-09").header(HttpHeaders.AUTHORIZATION, "Basic " + wrong)
                .exchange(), wrong);
        String key = secret(issue("{\"label\": \"to revoke\", \"roles\": [\"ANALYST\"]}"));
        as(key).get().uri("/api/v1/credit/indicators?period=2022-09").exchange().expectStatus().isOk();

        revoke(key);

        unauthorized(as(key).get().uri("/api/v1/credit/indicators?period=2022-09").exchange(), key)
                .jsonPath("$.detail").isEqualTo("This API key has been revoked.");
    }

    @Test
    void failsAKeyRevokedAMomentAgoOnItsVeryNextRequest() {
        String key = secret(issue("{\"label\": \"revoked at once\", \"roles\": [\"PORTAL\"]}"));
        for (int i = 0; i < 3; i++) {
            as(key).get().uri("/api/v1/indicators?period=2022-09").exchange().expectStatus().isOk();
        }

        revoke(key);

        as(key).get().uri("/api/v1/indicators?period=2022-09").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void refusesPortalAndSubmitterKeysOnTheAdminEndpoints() {
        String portal = secret(issue("{\"label\": \"portal\", \"roles\": [\"PORTAL\"]}"));
        String submitter = secret(issue("{\"label\": \"bank\", \"roles\": [\"SUBMITTER\"], \"institutionCode\": \"91361000BANKB0002Y\"}"));

        for (String key : List.of(portal, submitter)) {
            as(key).get().uri("/api/v1/admin/api-keys").exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            as(key).post().uri("/api/v1/admin/api-keys").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"label\": \"escalate\", \"roles\": [\"ADMIN\"]}").exchange()
                    .expectStatus().isForbidden();
            as(key).delete().uri("/api/v1/admin/api-keys/" + UUID.randomUUID()).exchange().expectStatus().isForbidden();
        }
    }

    @Test
    void callsTheServiceWithAnInternalTokenMintedFromTheCallerAndDropsTheClientsIdentity() {
        Map<String, Object> issued = issue("{\"label\": \"bank C\", \"roles\": [\"SUBMITTER\"], \"institutionCode\": \"91361000BANKC0003Z\"}");

        as(secret(issued)).get().uri("/api/v1/credit/indicators?period=2022-09")
                .header("X-Cityfin-Roles", "ADMIN").header("X-Forwarded-User", "admin")
                .exchange().expectStatus().isOk();

        var headers = CREDIT.lastHeaders();
        assertThat(headers.contains("X-Cityfin-Roles")).isFalse();
        assertThat(headers.contains("X-Forwarded-User")).isFalse();
        Jwt token = verified(headers.get(HttpHeaders.AUTHORIZATION));
        assertThat(token.getSubject()).isEqualTo(issued.get("id"));
        assertThat(token.getClaimAsStringList("roles")).containsExactly("SUBMITTER");
        assertThat(token.getClaimAsString("institution")).isEqualTo("91361000BANKC0003Z");
        assertThat(token.getClaimAsString("iss")).isEqualTo("cityfin-gateway");
        assertThat(token.getHeaders()).containsEntry("kid", TestIdentity.KEY_ID);
    }

    @Test
    void fansOutWithATokenMintedFromTheCallerOfTheConsolidatedRequest() {
        Map<String, Object> issued = issue("{\"label\": \"portal\", \"roles\": [\"PORTAL\"]}");

        as(secret(issued)).get().uri("/api/v1/indicators?period=2022-09").exchange().expectStatus().isOk();

        Jwt token = verified(CREDIT.lastHeaders().get(HttpHeaders.AUTHORIZATION));
        assertThat(token.getSubject()).isEqualTo(issued.get("id"));
        assertThat(token.getClaimAsStringList("roles")).containsExactly("PORTAL");
    }

    @Test
    void reusesACallersTokenButNeverForAnotherCallerNorAfterItsKeyIsRevoked() {
        Map<String, Object> first = issue("{\"label\": \"reused token\", \"roles\": [\"ANALYST\"]}");
        Map<String, Object> second = issue("{\"label\": \"another caller\", \"roles\": [\"ANALYST\"]}");

        as(secret(first)).get().uri("/api/v1/credit/indicators?period=2022-09").exchange().expectStatus().isOk();
        String firstToken = CREDIT.lastHeaders().get(HttpHeaders.AUTHORIZATION);
        as(secret(first)).get().uri("/api/v1/credit/indicators?period=2022-10").exchange().expectStatus().isOk();
        String firstTokenAgain = CREDIT.lastHeaders().get(HttpHeaders.AUTHORIZATION);
        as(secret(second)).get().uri("/api/v1/credit/indicators?period=2022-09").exchange().expectStatus().isOk();
        String secondToken = CREDIT.lastHeaders().get(HttpHeaders.AUTHORIZATION);

        assertThat(firstTokenAgain).as("minted once, reused within half its lifetime").isEqualTo(firstToken);
        assertThat(verified(firstToken).getSubject()).isEqualTo(first.get("id"));
        assertThat(verified(secondToken).getSubject()).isEqualTo(second.get("id"));
        revoke(secret(first));
        as(secret(first)).get().uri("/api/v1/credit/indicators?period=2022-09").exchange().expectStatus().isUnauthorized();
        assertThat(CREDIT.lastHeaders().get(HttpHeaders.AUTHORIZATION)).as("the revoked caller's token went nowhere").isEqualTo(secondToken);
    }

    @Test
    void limitsEachKeyOnItsOwn() {
        String busy = secret(issue("{\"label\": \"busy\", \"roles\": [\"PORTAL\"]}"));
        String calm = secret(issue("{\"label\": \"calm\", \"roles\": [\"PORTAL\"]}"));
        for (int i = 0; i < 5; i++) {
            as(busy).get().uri("/api/v1/credit/indicators?period=2022-09").exchange().expectStatus().isOk();
        }

        as(busy).get().uri("/api/v1/credit/indicators?period=2022-09").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        as(calm).get().uri("/api/v1/credit/indicators?period=2022-09").exchange().expectStatus().isOk();
    }

    @Test
    void recordsWhenAKeyWasLastUsed() {
        Map<String, Object> issued = issue("{\"label\": \"used\", \"roles\": [\"ANALYST\"]}");

        as(secret(issued)).get().uri("/api/v1/indicators?period=2022-09").exchange().expectStatus().isOk();

        admin().get().uri("/api/v1/admin/api-keys").exchange()
                .expectBody()
                .jsonPath("$[?(@.id == '" + issued.get("id") + "')].lastUsedAt").value(used -> assertThat(used.toString()).contains("20"));
    }

    @Test
    void answersAnUnknownKeyIdWith404() {
        admin().delete().uri("/api/v1/admin/api-keys/" + UUID.randomUUID()).exchange().expectStatus().isNotFound();
    }

    @Test
    void countsEveryRefusalByReason() {
        web.get().uri("/api/v1/indicators?period=2022-09").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/v1/indicators?period=2022-09").header(HttpHeaders.AUTHORIZATION, "Bearer cfk_nope").exchange()
                .expectStatus().isUnauthorized();
        web.get().uri("/api/v1/indicators?period=2022-09").header(HttpHeaders.AUTHORIZATION, "Bearer cfk_" + "n".repeat(43)).exchange()
                .expectStatus().isUnauthorized();
        String portal = secret(issue("{\"label\": \"portal\", \"roles\": [\"PORTAL\"]}"));
        as(portal).get().uri("/api/v1/admin/api-keys").exchange().expectStatus().isForbidden();

        WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build()
                .get().uri("/actuator/prometheus").exchange()
                .expectBody(String.class).value(metrics -> assertThat(metrics)
                        .containsPattern("cityfin_access_refused_total\\{[^}]*reason=\"missing\"")
                        .containsPattern("cityfin_access_refused_total\\{[^}]*reason=\"invalid\"")
                        .containsPattern("cityfin_access_refused_total\\{[^}]*reason=\"unknown\"")
                        .containsPattern("cityfin_access_refused_total\\{[^}]*reason=\"forbidden\""));
    }

    @Test
    void keepsKeysAndTheSigningKeyOutOfTheLogs(CapturedOutput output) {
        Map<String, Object> issued = issue("{\"label\": \"logged\", \"roles\": [\"ANALYST\"]}");
        String key = secret(issued);
        as(key).get().uri("/api/v1/credit/indicators?period=2022-09").exchange().expectStatus().isOk();
        as(key).get().uri("/api/v1/admin/api-keys").exchange().expectStatus().isForbidden();
        revoke(key);
        as(key).get().uri("/api/v1/credit/indicators?period=2022-09").exchange().expectStatus().isUnauthorized();

        assertThat(output.getAll())
                .contains("Issued API key " + issued.get("id"))
                .contains("Refused key " + issued.get("id"))
                .contains("Refused revoked API key " + issued.get("id"))
                .doesNotContain(key)
                .doesNotContain(key.substring(4))
                .doesNotContain(ADMIN_KEY)
                .doesNotContain(TestIdentity.privateKey())
                .as("no internal token (a JWT starts with eyJ) even with Spring at DEBUG").doesNotContain("eyJ");
    }

    private Map<String, Object> issue(String json) {
        return admin().post().uri("/api/v1/admin/api-keys").contentType(MediaType.APPLICATION_JSON).bodyValue(json)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }

    private void revoke(String key) {
        String id = admin().get().uri("/api/v1/admin/api-keys").exchange()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody().stream()
                .filter(listed -> key.startsWith((String) listed.get("prefix")) && listed.get("revokedAt") == null)
                .map(listed -> (String) listed.get("id"))
                .findFirst().orElseThrow();
        admin().delete().uri("/api/v1/admin/api-keys/" + id).exchange().expectStatus().isNoContent();
    }

    private static String secret(Map<String, Object> issued) {
        return (String) issued.get("key");
    }

    private WebTestClient admin() {
        return as(ADMIN_KEY);
    }

    private WebTestClient as(String key) {
        return web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + key).build();
    }

    private static WebTestClient.BodyContentSpec unauthorized(WebTestClient.ResponseSpec response, String notEchoed) {
        return response.expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).doesNotContain(notEchoed));
    }

    /** The internal token of {@code Bearer <token>}, verified as a service verifies it. */
    static Jwt verified(String authorization) {
        assertThat(authorization).startsWith("Bearer ");
        return InternalTokenVerification.decoder(IdentityKeys.publicKeys(TestIdentity.publicKeysProperty()), Clock.systemUTC())
                .decode(authorization.substring(7)).block();
    }
}
