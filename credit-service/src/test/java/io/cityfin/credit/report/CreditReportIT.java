package io.cityfin.credit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.identity.Role;
import io.cityfin.common.test.TestIdentity;
import io.cityfin.common.test.WithPostgres;
import reactor.core.publisher.Flux;

/** Banks' reports on real PostgreSQL: versions, history, every refusal rule, warnings, scoping, concurrency. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cityfin.demo-data=false")
@AutoConfigureWebTestClient(timeout = "30s")
@WithPostgres
class CreditReportIT {

    private static final AtomicInteger BANKS = new AtomicInteger();

    @Autowired
    WebTestClient web;

    @Test
    void keepsEveryVersionAndTreatsTheSameContentAsANoOp() {
        String bank = registeredBank();

        receipt(put(bank, "2022-09", lines(line("DEPOSIT_BALANCE", "361002", "1000.50"), line("LOAN_BALANCE", "361002", "800"))), 201)
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.status").isEqualTo("ACCEPTED");
        receipt(put(bank, "2022-09", lines(line("DEPOSIT_BALANCE", "361002", "1000.50"), line("LOAN_BALANCE", "361002", "900"))), 201)
                .jsonPath("$.version").isEqualTo(2);
        receipt(put(bank, "2022-09", lines(line("LOAN_BALANCE", "361002", "900.00"), line("DEPOSIT_BALANCE", "361002", "1000.5"))), 200)
                .jsonPath("$.version").isEqualTo(2);

        as(Role.SUBMITTER, bank).get().uri("/reports/{bank}/2022-09/versions", bank).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].version").isEqualTo(1)
                .jsonPath("$[1].submittedFor").isEqualTo(bank)
                .jsonPath("$[1].submittedBy").isNotEmpty();
        as(Role.SUBMITTER, bank).get().uri("/reports/{bank}/2022-09/versions/1", bank).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.lines[?(@.item == 'LOAN_BALANCE')].value").isEqualTo(800);
        as(Role.ANALYST, null).get().uri("/reports/{bank}/2022-09", bank).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.lines[?(@.item == 'LOAN_BALANCE')].value").isEqualTo(900);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "EMPTY_REPORT | {\"lines\": []} | /lines",
            "UNKNOWN_ITEM | {\"lines\": [{\"item\": \"DEPOSITS\", \"region\": \"361002\", \"value\": 1}]} | /lines/0/item",
            "UNKNOWN_REGION | {\"lines\": [{\"item\": \"DEPOSIT_BALANCE\", \"region\": \"360100\", \"value\": 1}]} | /lines/0/region",
            "CITY_REGION_ON_LINE | {\"lines\": [{\"item\": \"DEPOSIT_BALANCE\", \"region\": \"361000\", \"value\": 1}]} | /lines/0/region",
            "NEGATIVE_VALUE | {\"lines\": [{\"item\": \"DEPOSIT_BALANCE\", \"region\": \"361002\", \"value\": -1}]} | /lines/0/value",
            "TOO_MANY_DECIMALS | {\"lines\": [{\"item\": \"DEPOSIT_BALANCE\", \"region\": \"361002\", \"value\": 1.001}]} | /lines/0/value",
            "NOT_WHOLE_NUMBER | {\"lines\": [{\"item\": \"INCLUSIVE_SME_BORROWERS\", \"region\": \"361002\", \"value\": 10.5}]} | /lines/0/value",
            "RATE_OUT_OF_RANGE | {\"lines\": [{\"item\": \"INCLUSIVE_SME_NEW_LOAN_AMOUNT_YTD\", \"region\": \"361002\", \"value\": 100}, {\"item\": \"INCLUSIVE_SME_NEW_LOAN_RATE\", \"region\": \"361002\", \"value\": 100.5}]} | /lines/1/value",
            "DUPLICATE_LINE | {\"lines\": [{\"item\": \"DEPOSIT_BALANCE\", \"region\": \"361002\", \"value\": 1}, {\"item\": \"DEPOSIT_BALANCE\", \"region\": \"361002\", \"value\": 2}]} | /lines/1",
            "PART_EXCEEDS_TOTAL | {\"lines\": [{\"item\": \"LOAN_BALANCE\", \"region\": \"361002\", \"value\": 100}, {\"item\": \"NPL_BALANCE\", \"region\": \"361002\", \"value\": 101}]} | /lines/1/value",
            "RATE_WITHOUT_AMOUNT | {\"lines\": [{\"item\": \"INCLUSIVE_SME_NEW_LOAN_RATE\", \"region\": \"361003\", \"value\": 5.3}]} | /lines/0/item"})
    void refusesAReportThatBreaksARuleAndStoresNothing(String code, String body, String pointer) {
        String bank = registeredBank();

        put(bank, "2022-09", body).expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].code").isEqualTo(code)
                .jsonPath("$.errors[0].pointer").isEqualTo(pointer);

        as(Role.ADMIN, null).get().uri("/reports/{bank}/2022-09", bank).exchange().expectStatus().isNotFound();
    }

    @Test
    void refusesAMonthlyItemInATenDayReport() {
        String bank = registeredBank();

        put(bank, "2022-09-D2", lines(line("DEPOSIT_BALANCE", "361002", "10"), line("NPL_BALANCE", "361002", "1")))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("ITEM_NOT_ALLOWED_FOR_PERIOD")
                .jsonPath("$.errors[0].pointer").isEqualTo("/lines/1/item");
    }

    @Test
    void answersEveryFaultOfAReportAtOnce() {
        String bank = registeredBank();

        put(bank, "2022-09", lines(line("DEPOSIT_BALANCE", "361000", "1"), line("LOANS", "361002", "1"), line("NPL_BALANCE", "361002", "-5")))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors.length()").isEqualTo(3);
    }

    @Test
    void refusesAnUnknownAnInactiveAndAMalformedInstitution() {
        String inactive = "91361000CLOSED" + BANKS.incrementAndGet();
        registerBank(inactive, "\"activeFrom\": \"2015-01-01\", \"activeTo\": \"2022-06-30\"");

        put("91361000NOSUCHBANK", "2022-09", lines(line("DEPOSIT_BALANCE", "361002", "1"))).expectStatus().isNotFound();
        put(inactive, "2022-09", lines(line("DEPOSIT_BALANCE", "361002", "1"))).expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].parameter").isEqualTo("institutionCode")
                .jsonPath("$.errors[0].code").isEqualTo("INSTITUTION_INACTIVE");
        put("bank-a", "2022-09", lines(line("DEPOSIT_BALANCE", "361002", "1"))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].parameter").isEqualTo("institutionCode");
    }

    @ParameterizedTest
    @CsvSource({"2099-01, PERIOD_IN_FUTURE", "2022-Q3, PERIOD_NOT_REPORTABLE", "2022-13, INVALID_PERIOD"})
    void refusesAPeriodThatIsNotAReportPeriod(String period, String code) {
        String bank = registeredBank();

        put(bank, period, lines(line("DEPOSIT_BALANCE", "361002", "1"))).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].parameter").isEqualTo("period")
                .jsonPath("$.errors[0].code").isEqualTo(code);
    }

    @Test
    void storesWarningsOnTheVersionAndReturnsThem() {
        String bank = registeredBank();
        put(bank, "2022-07", lines(line("DEPOSIT_BALANCE", "361002", "1000"), line("RELIEF_CREDIT_LOAN_YTD", "361002", "50"),
                line("GREEN_LOAN_BALANCE", "361002", "5"), line("LOAN_BALANCE", "361002", "500"))).expectStatus().isCreated();

        receipt(put(bank, "2022-08", lines(line("DEPOSIT_BALANCE", "361002", "1400"), line("RELIEF_CREDIT_LOAN_YTD", "361002", "40"),
                line("LOAN_BALANCE", "361002", "510"))), 201)
                .jsonPath("$.status").isEqualTo("ACCEPTED_WITH_WARNINGS")
                .jsonPath("$.warnings[?(@.code == 'MOVED_OVER_30_PCT')].pointer").isEqualTo("/lines/0")
                .jsonPath("$.warnings[?(@.code == 'YTD_DECREASED')].pointer").isEqualTo("/lines/1")
                .jsonPath("$.warnings[?(@.code == 'ITEM_MISSING')].message").value(m -> assertThat(m.toString()).contains("GREEN_LOAN_BALANCE"));

        as(Role.ANALYST, null).get().uri("/reports/{bank}/2022-08", bank).exchange()
                .expectBody().jsonPath("$.warnings.length()").isEqualTo(3);
    }

    @Test
    void keepsABanksReportsFromAnotherBank() {
        String bankA = registeredBank();
        String bankB = registeredBank();
        put(bankA, "2022-09", lines(line("DEPOSIT_BALANCE", "361002", "1000"))).expectStatus().isCreated();

        WebTestClient b = as(Role.SUBMITTER, bankB);
        b.get().uri("/reports/{bank}/2022-09", bankA).exchange().expectStatus().isForbidden();
        b.get().uri("/reports/{bank}/2022-09/versions", bankA).exchange().expectStatus().isForbidden();
        b.get().uri("/reports/{bank}/2022-09/versions/1", bankA).exchange().expectStatus().isForbidden();
        b.put().uri("/reports/{bank}/2022-09", bankA).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(lines(line("DEPOSIT_BALANCE", "361002", "1"))).exchange().expectStatus().isForbidden();
        b.post().uri("/reports/{bank}/2022-09/withdraw", bankA).exchange().expectStatus().isForbidden();
        b.get().uri("/institutions").exchange().expectStatus().isForbidden();
        b.put().uri("/institutions/{bank}", bankA).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(institution("\"activeFrom\": \"2015-01-01\"")).exchange().expectStatus().isForbidden();

        as(Role.ADMIN, null).get().uri("/reports/{bank}/2022-09", bankA).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.lines[0].value").isEqualTo(1000);
    }

    @Test
    void withdrawsAReportFiledInErrorAsAVersionWithoutLines() {
        String bank = registeredBank();
        put(bank, "2022-09", lines(line("DEPOSIT_BALANCE", "361002", "1000"))).expectStatus().isCreated();

        as(Role.ADMIN, null).post().uri("/reports/{bank}/2022-09/withdraw", bank).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.status").isEqualTo("WITHDRAWN").jsonPath("$.version").isEqualTo(2);
        as(Role.ADMIN, null).post().uri("/reports/{bank}/2022-09/withdraw", bank).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(2);
        as(Role.SUBMITTER, bank).post().uri("/reports/{bank}/2022-09/withdraw", bank).exchange().expectStatus().isForbidden();
        as(Role.ANALYST, null).get().uri("/reports/{bank}/2022-09", bank).exchange()
                .expectBody().jsonPath("$.lines.length()").isEqualTo(0);
    }

    @Test
    void versionsInstitutionsAndListsTheCatalogue() {
        String code = "91361000REG" + BANKS.incrementAndGet();

        as(Role.ADMIN, null).put().uri("/institutions/{code}", code).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(institution("\"activeFrom\": \"2015-01-01\"")).exchange()
                .expectStatus().isCreated().expectBody().jsonPath("$.version").isEqualTo(1);
        as(Role.ADMIN, null).put().uri("/institutions/{code}", code).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(institution("\"activeFrom\": \"2015-01-01\"")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(1);
        as(Role.ADMIN, null).put().uri("/institutions/{code}", code).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(institution("\"activeFrom\": \"2015-01-01\", \"activeTo\": \"2023-12-31\"")).exchange()
                .expectStatus().isCreated().expectBody().jsonPath("$.version").isEqualTo(2);
        as(Role.ADMIN, null).put().uri("/institutions/{code}", code).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"x\", \"type\": \"CASINO\", \"region\": \"361000\", \"activeFrom\": \"2015-01-01\"}").exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[?(@.pointer == '/type')].code").isEqualTo("UNKNOWN_INSTITUTION_TYPE")
                .jsonPath("$.errors[?(@.pointer == '/region')].code").isEqualTo("CITY_REGION_NOT_ALLOWED");
        as(Role.PORTAL, null).get().uri("/catalogue").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(17)
                .jsonPath("$.items[?(@.code == 'DEPOSIT_BALANCE')].tenDayAllowed").isEqualTo(true)
                .jsonPath("$.items[?(@.code == 'NPL_BALANCE')].nameZh").isEqualTo("不良贷款余额");
    }

    @Test
    void withholdsACountyFigureFromThePortalUntilThreeBanksContribute() {
        // 2021-03 in 广昌县 (361030) is used by no other test
        String first = registeredBank();
        String second = registeredBank();
        put(first, "2021-03", lines(line("LOAN_BALANCE", "361030", "100"))).expectStatus().isCreated();
        put(second, "2021-03", lines(line("LOAN_BALANCE", "361030", "200.50"))).expectStatus().isCreated();

        as(Role.PORTAL, null).get().uri("/indicators?period=2021-03&region=361030").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.indicators[?(@.code == 'LOAN_BALANCE')].suppressed").isEqualTo(true)
                .jsonPath("$.indicators[?(@.code == 'LOAN_BALANCE')].value").value(v -> assertThat((List<?>) v).containsOnlyNulls());
        as(Role.ANALYST, null).get().uri("/indicators?period=2021-03&region=361030").exchange()
                .expectBody()
                .jsonPath("$.indicators[?(@.code == 'LOAN_BALANCE')].suppressed").isEqualTo(false)
                .jsonPath("$.indicators[?(@.code == 'LOAN_BALANCE')].value").isEqualTo(300.50);

        put(registeredBank(), "2021-03", lines(line("LOAN_BALANCE", "361030", "1"))).expectStatus().isCreated();

        as(Role.PORTAL, null).get().uri("/indicators?period=2021-03&region=361030").exchange()
                .expectBody()
                .jsonPath("$.indicators[?(@.code == 'LOAN_BALANCE')].suppressed").isEqualTo(false)
                .jsonPath("$.indicators[?(@.code == 'LOAN_BALANCE')].value").isEqualTo(301.50)
                .jsonPath("$.indicators[?(@.code == 'LOAN_BALANCE')].reportingInstitutions").isEqualTo(3);
    }

    @Test
    void numbersConcurrentVersionsWithoutGapsRepeatsOrLostContent() {
        String bank = registeredBank();
        List<String> contents = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            contents.add(lines(line("DEPOSIT_BALANCE", "361002", Integer.toString(1000 + c))));
        }
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            requests.addAll(contents);
        }
        Collections.shuffle(requests);

        List<Map<String, Object>> created = Flux.fromIterable(requests)
                .flatMap(body -> as(Role.SUBMITTER, bank).put().uri("/reports/{bank}/2022-09", bank)
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                        .returnResult(new ParameterizedTypeReference<Map<String, Object>>() { })
                        .getResponseBody()
                        .map(receipt -> Map.<String, Object>of("receipt", receipt, "body", body)), 50)
                .collectList().block(Duration.ofSeconds(60));

        List<Map<String, Object>> versions = as(Role.ADMIN, null).get().uri("/reports/{bank}/2022-09/versions", bank).exchange()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult().getResponseBody();
        int n = versions.size();
        assertThat(versions).extracting(v -> v.get("version")).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, n).boxed().map(Object.class::cast).toList());
        for (int v = 1; v < n; v++) {
            assertThat(versions.get(v).get("contentHash")).isNotEqualTo(versions.get(v - 1).get("contentHash"));
        }
        assertThat(created).hasSize(50);
        for (Map<String, Object> answer : created) {
            @SuppressWarnings("unchecked")
            Map<String, Object> receipt = (Map<String, Object>) answer.get("receipt");
            String stored = as(Role.ADMIN, null).get().uri("/reports/{bank}/2022-09/versions/{v}", bank, receipt.get("version"))
                    .exchange().expectBody(String.class).returnResult().getResponseBody();
            String value = ((String) answer.get("body")).replaceAll(".*\"value\": (\\d+).*", "$1");
            assertThat(stored).contains("\"value\":" + value);
        }
    }

    @Test
    void createsOneVersionFromFiftyConcurrentIdenticalSubmissions() {
        String bank = registeredBank();
        String body = lines(line("DEPOSIT_BALANCE", "361002", "777"));

        Flux.range(0, 50).flatMap(i -> as(Role.SUBMITTER, bank).put().uri("/reports/{bank}/2022-09", bank)
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                        .returnResult(String.class).getResponseBody().then(), 50)
                .blockLast(Duration.ofSeconds(60));

        as(Role.ADMIN, null).get().uri("/reports/{bank}/2022-09/versions", bank).exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(1);
    }

    private String registeredBank() {
        String code = "91361000BANK" + String.format("%06d", BANKS.incrementAndGet());
        registerBank(code, "\"activeFrom\": \"2015-01-01\"");
        return code;
    }

    private void registerBank(String code, String activity) {
        as(Role.ADMIN, null).put().uri("/institutions/{code}", code).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(institution(activity)).exchange().expectStatus().isCreated();
    }

    private static String institution(String activity) {
        return "{\"name\": \"测试银行抚州分行\", \"type\": \"STATE_OWNED_BANK\", \"region\": \"361002\", " + activity + "}";
    }

    private WebTestClient.ResponseSpec put(String bank, String period, String body) {
        return as(Role.SUBMITTER, bank).put().uri("/reports/{bank}/{period}", bank, period)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private static WebTestClient.BodyContentSpec receipt(WebTestClient.ResponseSpec response, int status) {
        return response.expectStatus().isEqualTo(status).expectBody();
    }

    private WebTestClient as(Role role, String institution) {
        return web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestIdentity.token(role, institution)).build();
    }

    private static String lines(String... lines) {
        return "{\"lines\": [" + String.join(", ", lines) + "]}";
    }

    private static String line(String item, String region, String value) {
        return "{\"item\": \"" + item + "\", \"region\": \"" + region + "\", \"value\": " + value + "}";
    }
}
