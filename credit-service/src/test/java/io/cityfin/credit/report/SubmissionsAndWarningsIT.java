package io.cityfin.credit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.nimbusds.jwt.SignedJWT;

import io.cityfin.common.identity.Role;
import io.cityfin.common.test.TestIdentity;
import io.cityfin.common.test.WithOwnPostgres;

/**
 * Completeness ({@code GET /submissions}) and the warnings review list on real PostgreSQL, in a database of this
 * class's own. The registry is shared by the tests of this class, so each submissions test registers banks active
 * in one year only and asks about that year: the counts are exactly its own banks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cityfin.demo-data=false")
@AutoConfigureWebTestClient(timeout = "30s")
@WithOwnPostgres
class SubmissionsAndWarningsIT {

    private static final AtomicInteger BANKS = new AtomicInteger();
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };

    @Autowired
    WebTestClient web;

    @Test
    void listsEveryExpectedBankAsSubmittedOrMissingWithCounts() {
        String a = registeredBank("\"activeFrom\": \"2021-01-01\", \"activeTo\": \"2021-12-31\"");
        String b = registeredBank("\"activeFrom\": \"2021-01-01\", \"activeTo\": \"2021-12-31\"");
        String c = registeredBank("\"activeFrom\": \"2021-01-01\", \"activeTo\": \"2021-12-31\"");
        String closedInMay = registeredBank("\"activeFrom\": \"2021-01-01\", \"activeTo\": \"2021-05-31\"");
        registeredBank("\"activeFrom\": \"2021-07-01\", \"activeTo\": \"2021-12-31\"");
        put(a, "2021-06", lines(line("DEPOSIT_BALANCE", "361002", "1000"))).expectStatus().isCreated();
        put(a, "2021-06", lines(line("DEPOSIT_BALANCE", "361002", "1001"))).expectStatus().isCreated();
        put(c, "2021-06", lines(line("DEPOSIT_BALANCE", "361002", "2000"))).expectStatus().isCreated();
        put(closedInMay, "2021-05", lines(line("DEPOSIT_BALANCE", "361002", "3000"))).expectStatus().isCreated();
        put(a, "2021-06-D3", lines(line("DEPOSIT_BALANCE", "361002", "1001"))).expectStatus().isCreated();

        for (Role staff : List.of(Role.ANALYST, Role.ADMIN)) {
            submissions(as(staff, null), "2021-06").expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.period").isEqualTo("2021-06")
                    .jsonPath("$.reportPeriod").isEqualTo("2021-06")
                    .jsonPath("$.expected").isEqualTo(3)
                    .jsonPath("$.submitted").isEqualTo(2)
                    .jsonPath("$.missing").isEqualTo(1)
                    .jsonPath("$.institutions[*].institutionCode").isEqualTo(List.of(a, b, c))
                    .jsonPath("$.institutions[*].status").isEqualTo(List.of("SUBMITTED", "MISSING", "SUBMITTED"))
                    .jsonPath("$.institutions[0].version").isEqualTo(2)
                    .jsonPath("$.institutions[0].versionStatus").isEqualTo("ACCEPTED")
                    .jsonPath("$.institutions[0].receivedAt").isNotEmpty()
                    .jsonPath("$.institutions[0].institutionName").isEqualTo("测试银行抚州分行")
                    .jsonPath("$.institutions[1].version").isEmpty()
                    .jsonPath("$.institutions[1].receivedAt").isEmpty()
                    .jsonPath("$.institutions[1].versionStatus").isEmpty()
                    .jsonPath("$.institutions[2].version").isEqualTo(1);
        }
        submissions(as(Role.ANALYST, null), "2021-Q2").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.period").isEqualTo("2021-Q2")
                .jsonPath("$.reportPeriod").isEqualTo("2021-06")
                .jsonPath("$.submitted").isEqualTo(2);
        submissions(as(Role.ANALYST, null), "2021-06-D3").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.institutions[*].status").isEqualTo(List.of("SUBMITTED", "MISSING", "MISSING"))
                .jsonPath("$.missing").isEqualTo(2);
        submissions(as(Role.ANALYST, null), "2021-05").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.expected").isEqualTo(4)
                .jsonPath("$.institutions[?(@.institutionCode == '" + closedInMay + "')].status").isEqualTo(List.of("SUBMITTED"));
    }

    @Test
    void countsABankWhoseReportWasWithdrawnAsMissing() {
        String a = registeredBank("\"activeFrom\": \"2020-01-01\", \"activeTo\": \"2020-12-31\"");
        String b = registeredBank("\"activeFrom\": \"2020-01-01\", \"activeTo\": \"2020-12-31\"");
        put(a, "2020-06", lines(line("DEPOSIT_BALANCE", "361002", "1000"))).expectStatus().isCreated();
        put(b, "2020-06", lines(line("DEPOSIT_BALANCE", "361002", "1000"))).expectStatus().isCreated();
        as(Role.ADMIN, null).post().uri("/reports/{bank}/2020-06/withdraw", b).exchange().expectStatus().isCreated();

        submissions(as(Role.ANALYST, null), "2020-06").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.expected").isEqualTo(2)
                .jsonPath("$.submitted").isEqualTo(1)
                .jsonPath("$.missing").isEqualTo(1)
                .jsonPath("$.institutions[1].institutionCode").isEqualTo(b)
                .jsonPath("$.institutions[1].status").isEqualTo("MISSING")
                .jsonPath("$.institutions[1].version").isEqualTo(2)
                .jsonPath("$.institutions[1].versionStatus").isEqualTo("WITHDRAWN");
    }

    @Test
    void showsASubmitterOnlyItsOwnRowAndRefusesThePortal() {
        String a = registeredBank("\"activeFrom\": \"2019-01-01\", \"activeTo\": \"2019-12-31\"");
        String b = registeredBank("\"activeFrom\": \"2019-01-01\", \"activeTo\": \"2019-12-31\"");
        put(a, "2019-06", lines(line("DEPOSIT_BALANCE", "361002", "1000"))).expectStatus().isCreated();

        submissions(as(Role.SUBMITTER, b), "2019-06").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.institutions.length()").isEqualTo(1)
                .jsonPath("$.institutions[0].institutionCode").isEqualTo(b)
                .jsonPath("$.institutions[0].status").isEqualTo("MISSING")
                .jsonPath("$.expected").isEqualTo(1)
                .jsonPath("$.submitted").isEqualTo(0)
                .jsonPath("$.missing").isEqualTo(1);
        submissions(as(Role.SUBMITTER, a), "2019-06").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.institutions[*].institutionCode").isEqualTo(List.of(a))
                .jsonPath("$.institutions[0].status").isEqualTo("SUBMITTED")
                .jsonPath("$.submitted").isEqualTo(1);
        submissions(as(Role.ANALYST, null), "2019-06").expectBody().jsonPath("$.expected").isEqualTo(2);
        submissions(as(Role.PORTAL, null), "2019-06").expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void refusesAMalformedOrFuturePeriodAndAMalformedFilter() {
        submissions(as(Role.ANALYST, null), "2099-01").expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].parameter").isEqualTo("period")
                .jsonPath("$.errors[0].code").isEqualTo("PERIOD_IN_FUTURE");
        submissions(as(Role.ANALYST, null), "2022-13").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].parameter").isEqualTo("period");
        as(Role.ANALYST, null).get().uri("/submissions").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].parameter").isEqualTo("period");
        as(Role.ANALYST, null).get().uri("/warnings?period=2099-01").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].parameter").isEqualTo("period");
        as(Role.ANALYST, null).get().uri("/warnings?period=2022-08&reviewed=maybe").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].parameter").isEqualTo("reviewed");
    }

    @Test
    void listsTheWarningsOfTheLatestVersionsAndKeepsTheFirstReview() throws ParseException {
        String bank = registeredBank("\"activeFrom\": \"2022-07-01\", \"activeTo\": \"2022-12-31\"");
        put(bank, "2022-07", lines(line("DEPOSIT_BALANCE", "361002", "1000"), line("LOAN_BALANCE", "361002", "500")))
                .expectStatus().isCreated();
        put(bank, "2022-08", lines(line("DEPOSIT_BALANCE", "361002", "1400"), line("LOAN_BALANCE", "361002", "510")))
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.status").isEqualTo("ACCEPTED_WITH_WARNINGS");

        List<Map<String, Object>> listed = warnings(as(Role.ANALYST, null), "2022-08", bank, null);
        assertThat(listed).hasSize(1);
        Map<String, Object> warning = listed.get(0);
        assertThat(warning).containsEntry("period", "2022-08").containsEntry("version", 1)
                .containsEntry("code", "MOVED_OVER_30_PCT").containsEntry("pointer", "/lines/0")
                .containsEntry("reviewedAt", null).containsEntry("reviewedBy", null);
        Number id = (Number) warning.get("id");

        String analyst = TestIdentity.token(Role.ANALYST, null);
        Map<String, Object> reviewed = review(bearer(analyst), id).expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        assertThat(reviewed).containsEntry("id", warning.get("id")).containsEntry("reviewedBy", subject(analyst));
        assertThat(reviewed.get("reviewedAt")).isNotNull();

        assertThat(warnings(as(Role.ANALYST, null), "2022-08", bank, false)).isEmpty();
        assertThat(warnings(as(Role.ADMIN, null), "2022-08", bank, true)).extracting(w -> w.get("reviewedBy"))
                .containsExactly(subject(analyst));

        review(as(Role.ADMIN, null), id).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.reviewedBy").isEqualTo(subject(analyst))
                .jsonPath("$.reviewedAt").isEqualTo(reviewed.get("reviewedAt"));
    }

    @Test
    void dropsTheWarningsOfAVersionThatALaterOneReplaced() {
        String bank = registeredBank("\"activeFrom\": \"2022-07-01\", \"activeTo\": \"2022-12-31\"");
        put(bank, "2022-07", lines(line("DEPOSIT_BALANCE", "361002", "1000"))).expectStatus().isCreated();
        put(bank, "2022-08", lines(line("DEPOSIT_BALANCE", "361002", "1400"))).expectStatus().isCreated();
        assertThat(warnings(as(Role.ANALYST, null), "2022-08", bank, null)).hasSize(1);

        put(bank, "2022-08", lines(line("DEPOSIT_BALANCE", "361002", "1100"))).expectStatus().isCreated()
                .expectBody().jsonPath("$.status").isEqualTo("ACCEPTED");

        assertThat(warnings(as(Role.ANALYST, null), "2022-08", bank, null)).isEmpty();
    }

    @Test
    void letsOnlyStaffReadAndReviewWarningsAndAnswersNotFoundForAnUnknownOne() {
        String bank = registeredBank("\"activeFrom\": \"2022-07-01\", \"activeTo\": \"2022-12-31\"");
        put(bank, "2022-07", lines(line("DEPOSIT_BALANCE", "361002", "1000"))).expectStatus().isCreated();
        put(bank, "2022-08", lines(line("DEPOSIT_BALANCE", "361002", "1400"))).expectStatus().isCreated();
        Number id = (Number) warnings(as(Role.ANALYST, null), "2022-08", bank, null).get(0).get("id");

        for (Role outsider : List.of(Role.SUBMITTER, Role.PORTAL)) {
            WebTestClient client = as(outsider, outsider == Role.SUBMITTER ? bank : null);
            client.get().uri("/warnings?period=2022-08").exchange().expectStatus().isForbidden();
            review(client, id).expectStatus().isForbidden();
        }
        assertThat(warnings(as(Role.ANALYST, null), "2022-08", bank, false)).hasSize(1);

        review(as(Role.ANALYST, null), 999_999_999L).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        as(Role.ANALYST, null).post().uri("/warnings/abc/review").exchange().expectStatus().isBadRequest();
    }

    private WebTestClient.ResponseSpec submissions(WebTestClient client, String period) {
        return client.get().uri("/submissions?period={period}", period).exchange();
    }

    private List<Map<String, Object>> warnings(WebTestClient client, String period, String bank, Boolean reviewed) {
        List<Map<String, Object>> all = client.get()
                .uri(reviewed == null ? "/warnings?period=" + period : "/warnings?period=" + period + "&reviewed=" + reviewed)
                .exchange()
                .expectStatus().isOk()
                .expectBody(LIST).returnResult().getResponseBody();
        return all.stream().filter(w -> bank.equals(w.get("institutionCode"))).toList();
    }

    private static WebTestClient.ResponseSpec review(WebTestClient client, Number id) {
        return client.post().uri("/warnings/{id}/review", id).exchange();
    }

    private String registeredBank(String activity) {
        String code = "91361000SW" + String.format("%06d", BANKS.incrementAndGet());
        as(Role.ADMIN, null).put().uri("/institutions/{code}", code).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"测试银行抚州分行\", \"type\": \"STATE_OWNED_BANK\", \"region\": \"361002\", " + activity + "}")
                .exchange().expectStatus().isCreated();
        return code;
    }

    private WebTestClient.ResponseSpec put(String bank, String period, String body) {
        return as(Role.SUBMITTER, bank).put().uri("/reports/{bank}/{period}", bank, period)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient as(Role role, String institution) {
        return bearer(TestIdentity.token(role, institution));
    }

    private WebTestClient bearer(String token) {
        return web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }

    private static String subject(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet().getSubject();
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String lines(String... lines) {
        return "{\"lines\": [" + String.join(", ", lines) + "]}";
    }

    private static String line(String item, String region, String value) {
        return "{\"item\": \"" + item + "\", \"region\": \"" + region + "\", \"value\": " + value + "}";
    }
}
