package io.cityfin.reporting.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.identity.Role;
import io.cityfin.common.test.TestIdentity;
import io.cityfin.common.test.WithPostgres;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What every service that takes periodic reports shows on real PostgreSQL, whatever its items: versions and
 * history, the standard refusal rules with their pointers and nothing stored, the service's part-of-total rule,
 * warnings, scoping between two institutions, withdrawal, the registry and catalogue, disclosure control and
 * concurrent submissions. A service's {@code <Name>ReportIT} extends it, names its {@link Sample} items, and adds
 * the checks only it has.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "cityfin.demo-data=false")
@AutoConfigureWebTestClient(timeout = "30s")
@WithPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ReportingServiceChecks {

    /**
     * Items of the service under test: {@code stock} a CNY STOCK item; {@code tenDayItem} one ten-day reports may
     * carry (null if none); {@code monthlyItem} one they may not; {@code count} a count item; {@code flow} a CNY FLOW
     * item; {@code other} a further amount item; {@code part} an item the service refuses above {@code total} in a
     * region with {@code partRule} (null: the service has no such rule; then {@code part} is any item and
     * {@code total} a CNY STOCK item); {@code partNameZh} the part's Chinese name; {@code items} the catalogue size;
     * {@code institutionType} a type of its registry.
     */
    public record Sample(String stock, @Nullable String tenDayItem, String monthlyItem, String count, String flow, String other,
                            String part, String total, @Nullable String partRule, String partNameZh, int items, String institutionType) {
    }

    protected abstract Sample sample();

    private static final AtomicInteger BANKS = new AtomicInteger();

    protected Sample s;

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected io.cityfin.reporting.submission.CompletenessGauges completeness;

    @Autowired
    protected DatabaseClient database;

    @Autowired
    protected io.micrometer.core.instrument.MeterRegistry meters;

    /** The ETag and 304 checks of {@code GET /indicators} (issue #15). */
    protected IndicatorETagChecks etags() {
        return new IndicatorETagChecks(web, meters);
    }

    @org.junit.jupiter.api.BeforeEach
    void takeTheSample() {
        s = sample();
    }

    @Test
    void keepsEveryVersionAndTreatsTheSameContentAsANoOp() {
        String bank = registeredBank();

        receipt(put(bank, "2022-09", lines(line(s.stock(), "361002", "1000.50"), line(s.total(), "361002", "800"))), 201)
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.status").isEqualTo("ACCEPTED");
        receipt(put(bank, "2022-09", lines(line(s.stock(), "361002", "1000.50"), line(s.total(), "361002", "900"))), 201)
                .jsonPath("$.version").isEqualTo(2);
        receipt(put(bank, "2022-09", lines(line(s.total(), "361002", "900.00"), line(s.stock(), "361002", "1000.5"))), 200)
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
                .expectBody().jsonPath("$.lines[?(@.item == '" + s.total() + "')].value").isEqualTo(800);
        as(Role.ANALYST, null).get().uri("/reports/{bank}/2022-09", bank).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.lines[?(@.item == '" + s.total() + "')].value").isEqualTo(900);
    }

    Stream<Arguments> refusals() {
        Sample s = sample();
        Stream<Arguments> partRule = s.partRule() == null ? Stream.empty()
                : Stream.of(Arguments.of(s.partRule(), lines(line(s.total(), "361002", "100"), line(s.part(), "361002", "101")), "/lines/1/value"));
        return Stream.concat(partRule, Stream.of(
                Arguments.of("EMPTY_REPORT", lines(), "/lines"),
                Arguments.of("UNKNOWN_ITEM", lines(line("NO_SUCH_ITEM", "361002", "1")), "/lines/0/item"),
                Arguments.of("UNKNOWN_REGION", lines(line(s.stock(), "360100", "1")), "/lines/0/region"),
                Arguments.of("CITY_REGION_ON_LINE", lines(line(s.stock(), "361000", "1")), "/lines/0/region"),
                Arguments.of("NEGATIVE_VALUE", lines(line(s.stock(), "361002", "-1")), "/lines/0/value"),
                Arguments.of("TOO_MANY_DECIMALS", lines(line(s.stock(), "361002", "1.001")), "/lines/0/value"),
                Arguments.of("NOT_WHOLE_NUMBER", lines(line(s.count(), "361002", "10.5")), "/lines/0/value"),
                Arguments.of("DUPLICATE_LINE", lines(line(s.stock(), "361002", "1"), line(s.stock(), "361002", "2")), "/lines/1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusesAReportThatBreaksARuleAndStoresNothing(String code, String body, String pointer) {
        String bank = registeredBank();

        put(bank, "2022-09", body).expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].code").isEqualTo(code)
                .jsonPath("$.errors[0].pointer").isEqualTo(pointer);

        as(Role.ADMIN, null).get().uri("/reports/{bank}/2022-09", bank).exchange().expectStatus().isNotFound();
    }

    Stream<Arguments> hostileLines() {
        Sample s = sample();
        String ok = "\"item\": \"" + s.stock() + "\", \"region\": \"361002\"";
        return Stream.of(
                Arguments.of("an exponent of a billion", lines(line(s.stock(), "361002", "1e999999999")), 422, "/lines/0/value", "VALUE_TOO_LARGE"),
                Arguments.of("the same as a string", lines(line(s.stock(), "361002", "\"1E+999999999\"")), 422, "/lines/0/value",
                        "VALUE_TOO_LARGE"),
                Arguments.of("a negative one", lines(line(s.stock(), "361003", "-1e999999999")), 422, "/lines/0/value", "VALUE_TOO_LARGE"),
                Arguments.of("10^20", lines(line(s.stock(), "361002", "100000000000000000000")), 422, "/lines/0/value", "VALUE_TOO_LARGE"),
                Arguments.of("10^15", lines(line(s.stock(), "361002", "1000000000000000")), 422, "/lines/0/value", "VALUE_TOO_LARGE"),
                Arguments.of("a billion decimals", lines(line(s.stock(), "361002", "1e-999999999")), 422, "/lines/0/value", "TOO_MANY_DECIMALS"),
                Arguments.of("a NUL in an item code", lines(line(s.stock() + "\\u0000", "361002", "1")), 422, "/lines/0/item",
                        "CONTROL_CHARACTER"),
                Arguments.of("an item code over its maxLength", lines(line("X".repeat(65), "361002", "1")), 422, "/lines/0/item", "TOO_LONG"),
                Arguments.of("an unknown member", "{\"lines\": [{" + ok + ", \"value\": 1, \"vaule\": 2}]}", 400, "/lines/0/vaule",
                        "UNKNOWN_MEMBER"),
                Arguments.of("a duplicate member", "{\"lines\": [{" + ok + ", \"value\": 1, \"value\": 2}]}", 400, "/lines/0/value",
                        "DUPLICATE_MEMBER"),
                Arguments.of("a second document", lines(line(s.stock(), "361002", "1")) + " " + lines(), 400, "", "MALFORMED_JSON"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileLines")
    void refusesAHostileLineAtTheReaderAndKeepsTheLatestVersion(String what, String body, int status, String pointer, String code) {
        String bank = registeredBank();
        put(bank, "2022-09", lines(line(s.stock(), "361002", "1000"))).expectStatus().isCreated();

        put(bank, "2022-09", body).expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].code").isEqualTo(code)
                .jsonPath("$.errors[0].pointer").isEqualTo(pointer);

        as(Role.ADMIN, null).get().uri("/reports/{bank}/2022-09/versions", bank).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1);
        as(Role.ADMIN, null).get().uri("/reports/{bank}/2022-09", bank).exchange()
                .expectBody().jsonPath("$.lines[0].value").isEqualTo(1000);
    }

    @Test
    void refusesAnInstitutionNameWithAControlCharacterOrOverItsLengthAndStoresNothing() {
        String code = newCode("CTRL");
        String name = "{\"name\": \"%s\", \"type\": \"" + s.institutionType() + "\", \"region\": \"361002\", \"activeFrom\": \"2015-01-01\"}";

        as(Role.ADMIN, null).put().uri("/institutions/{code}", code).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(String.format(name, "测试银行\\u0000抚州分行")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].pointer").isEqualTo("/name")
                .jsonPath("$.errors[0].code").isEqualTo("CONTROL_CHARACTER");
        as(Role.ADMIN, null).put().uri("/institutions/{code}", code).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(String.format(name, "银".repeat(201))).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].pointer").isEqualTo("/name")
                .jsonPath("$.errors[0].code").isEqualTo("TOO_LONG");

        as(Role.ADMIN, null).get().uri("/institutions/{code}", code).exchange().expectStatus().isNotFound();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/reports/AB%00CD/2022-09          | institutionCode | CONTROL_CHARACTER",
            "/reports/ABCD/2022-09%0A          | period          | CONTROL_CHARACTER",
            "/reports/ABCD/2022-09/versions/1%00 | version       | CONTROL_CHARACTER",
            "/indicators?period=%00            | period          | CONTROL_CHARACTER",
            "/indicators?period=2022-09&region=%1F | region      | CONTROL_CHARACTER",
            "/submissions?period=2022-09%00    | period          | CONTROL_CHARACTER",
            "/reports/AB%3BCD/2022-09          | path            | INVALID_PATH",
            "/reports/AB%2FCD/2022-09          | path            | INVALID_PATH",
            "/reports/AB%5CCD/2022-09          | path            | INVALID_PATH",
            "/reports/AB%25CD/2022-09          | path            | INVALID_PATH",
            "/reports/ABCD/2022-09/versions/0x1 | version        | INVALID_PARAMETER",
            "/reports/ABCD/2022-09/versions/%231 | version       | INVALID_PARAMETER"})
    void refusesAControlCharacterInAPathOrQueryParameterWith400NamingIt(String uri, String parameter, String code) {
        // as sent, percent escapes included (a URI template would escape the %)
        as(Role.ADMIN, null).get().uri(base -> java.net.URI.create(base.build().toString().replaceAll("/$", "") + uri)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].parameter").isEqualTo(parameter)
                .jsonPath("$.errors[0].code").isEqualTo(code);
    }

    @Test
    void refusesAnAbsurdlyLongPathParameterWith400NamingIt() {
        as(Role.ADMIN, null).put().uri("/reports/{bank}/2022-09", "B".repeat(300)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(lines(line(s.stock(), "361002", "1"))).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].parameter").isEqualTo("institutionCode")
                .jsonPath("$.errors[0].code").isEqualTo("TOO_LONG");
    }

    @Test
    void refusesAMonthlyItemInATenDayReport() {
        String bank = registeredBank();
        List<String> lines = new ArrayList<>();
        if (s.tenDayItem() != null) {
            lines.add(line(s.tenDayItem(), "361002", "10"));
        }
        lines.add(line(s.monthlyItem(), "361002", "1"));

        put(bank, "2022-09-D2", lines(lines.toArray(String[]::new)))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].code").isEqualTo("ITEM_NOT_ALLOWED_FOR_PERIOD")
                .jsonPath("$.errors[0].pointer").isEqualTo("/lines/" + (lines.size() - 1) + "/item");
    }

    @Test
    void answersEveryFaultOfAReportAtOnce() {
        String bank = registeredBank();

        put(bank, "2022-09", lines(line(s.stock(), "361000", "1"), line("NO_SUCH_ITEM", "361002", "1"), line(s.part(), "361002", "-5")))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors.length()").isEqualTo(3);
    }

    @Test
    void refusesAnUnknownAnInactiveAndAMalformedInstitution() {
        String inactive = newCode("CLOSED");
        registerBank(inactive, "\"activeFrom\": \"2015-01-01\", \"activeTo\": \"2022-06-30\"");

        put("91361000NOSUCHBANK", "2022-09", lines(line(s.stock(), "361002", "1"))).expectStatus().isNotFound();
        put(inactive, "2022-09", lines(line(s.stock(), "361002", "1"))).expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[0].parameter").isEqualTo("institutionCode")
                .jsonPath("$.errors[0].code").isEqualTo("INSTITUTION_INACTIVE");
        put("bank-a", "2022-09", lines(line(s.stock(), "361002", "1"))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].parameter").isEqualTo("institutionCode");
    }

    @ParameterizedTest
    @CsvSource({"2099-01, PERIOD_IN_FUTURE", "2022-Q3, PERIOD_NOT_REPORTABLE", "2022-13, INVALID_PERIOD"})
    void refusesAPeriodThatIsNotAReportPeriod(String period, String code) {
        String bank = registeredBank();

        put(bank, period, lines(line(s.stock(), "361002", "1"))).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].parameter").isEqualTo("period")
                .jsonPath("$.errors[0].code").isEqualTo(code);
    }

    @Test
    void refusesAPeriodBefore1990AndAnswers1990WithoutComparisons() {
        // an institution may predate 1990 (activeFrom has no floor); its reports and every period asked about may not
        String bank = newCode("OLD");
        registerBank(bank, "\"activeFrom\": \"1985-01-01\"");
        for (String early : List.of("1900-06", "1901-12", "1989-12")) {
            as(Role.PORTAL, null).get().uri("/indicators?period={period}", early).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.errors[0].parameter").isEqualTo("period")
                    .jsonPath("$.errors[0].code").isEqualTo("INVALID_PERIOD");
            put(bank, early, lines(line(s.total(), "361002", "1"))).expectStatus().isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].parameter").isEqualTo("period")
                    .jsonPath("$.errors[0].code").isEqualTo("INVALID_PERIOD");
        }

        put(bank, "1990-01", lines(line(s.total(), "361002", "100"))).expectStatus().isCreated();
        receipt(put(bank, "1990-02", lines(line(s.total(), "361002", "100"))), 201).jsonPath("$.version").isEqualTo(1);

        // 1990-01 is the first period: no year start (1989-12) and no year earlier (1989-01), so null comparisons
        as(Role.ANALYST, null).get().uri("/indicators?period=1990-01").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.period").isEqualTo("1990-01")
                .jsonPath("$.indicators[?(@.code == '" + s.total() + "')].value").isEqualTo(100.00)
                .jsonPath("$.indicators[?(@.code == '" + s.total() + "')].yearStartValue").value(v -> assertThat((List<?>) v).containsOnlyNulls())
                .jsonPath("$.indicators[?(@.code == '" + s.total() + "')].changeSinceYearStart").value(v -> assertThat((List<?>) v).containsOnlyNulls())
                .jsonPath("$.indicators[?(@.code == '" + s.total() + "')].previousYearValue").value(v -> assertThat((List<?>) v).containsOnlyNulls())
                .jsonPath("$.indicators[?(@.code == '" + s.total() + "')].yoyChange").value(v -> assertThat((List<?>) v).containsOnlyNulls())
                .jsonPath("$.indicators[?(@.code == '" + s.total() + "')].yoyPct").value(v -> assertThat((List<?>) v).containsOnlyNulls());
        as(Role.PORTAL, null).get().uri("/indicators?period=1990").exchange().expectStatus().isOk();
        as(Role.PORTAL, null).get().uri("/indicators?period=1990-Q1").exchange().expectStatus().isOk();
        as(Role.PORTAL, null).get().uri("/indicators?period=1990-01-D1").exchange().expectStatus().isOk();
    }

    @Test
    void storesWarningsOnTheVersionAndReturnsThem() {
        String bank = registeredBank();
        put(bank, "2022-07", lines(line(s.stock(), "361002", "1000"), line(s.flow(), "361002", "50"),
                line(s.other(), "361002", "5"), line(s.total(), "361002", "500"))).expectStatus().isCreated();

        receipt(put(bank, "2022-08", lines(line(s.stock(), "361002", "1400"), line(s.flow(), "361002", "40"),
                line(s.total(), "361002", "510"))), 201)
                .jsonPath("$.status").isEqualTo("ACCEPTED_WITH_WARNINGS")
                .jsonPath("$.warnings[?(@.code == 'MOVED_OVER_30_PCT')].pointer").isEqualTo("/lines/0")
                .jsonPath("$.warnings[?(@.code == 'YTD_DECREASED')].pointer").isEqualTo("/lines/1")
                .jsonPath("$.warnings[?(@.code == 'ITEM_MISSING')].message").value(m -> assertThat(m.toString()).contains(s.other()));

        as(Role.ANALYST, null).get().uri("/reports/{bank}/2022-08", bank).exchange()
                .expectBody().jsonPath("$.warnings.length()").isEqualTo(3);
    }

    @Test
    void keepsABanksReportsFromAnotherBank() {
        String bankA = registeredBank();
        String bankB = registeredBank();
        put(bankA, "2022-09", lines(line(s.stock(), "361002", "1000"))).expectStatus().isCreated();

        WebTestClient b = as(Role.SUBMITTER, bankB);
        b.get().uri("/reports/{bank}/2022-09", bankA).exchange().expectStatus().isForbidden();
        b.get().uri("/reports/{bank}/2022-09/versions", bankA).exchange().expectStatus().isForbidden();
        b.get().uri("/reports/{bank}/2022-09/versions/1", bankA).exchange().expectStatus().isForbidden();
        b.put().uri("/reports/{bank}/2022-09", bankA).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(lines(line(s.stock(), "361002", "1"))).exchange().expectStatus().isForbidden();
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
        put(bank, "2022-09", lines(line(s.stock(), "361002", "1000"))).expectStatus().isCreated();

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

    /** An institution type of the service that may not carry the guarantee attributes (every type but risk's guarantee companies). */
    protected String typeWithoutGuaranteeAttributes() {
        return s.institutionType();
    }

    @Test
    void refusesTheGuaranteeAttributesOfRiskServiceOnItsTypes() {
        String code = newCode("REG");

        as(Role.ADMIN, null).put().uri("/institutions/{code}", code).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(institution(typeWithoutGuaranteeAttributes(), "\"activeFrom\": \"2015-01-01\", \"govGuaranteeList\": {\"batch\": 3,"
                        + " \"listedOn\": \"2022-07-15\"}, \"mainlySmallAndAgricultural\": true")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.errors[?(@.pointer == '/govGuaranteeList')].code").isEqualTo("GUARANTEE_ATTRIBUTE_NOT_ALLOWED")
                .jsonPath("$.errors[?(@.pointer == '/mainlySmallAndAgricultural')].code").isEqualTo("GUARANTEE_ATTRIBUTE_NOT_ALLOWED");
        as(Role.ADMIN, null).get().uri("/institutions/{code}", code).exchange().expectStatus().isNotFound();
        as(Role.ADMIN, null).put().uri("/institutions/{code}", code).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(institution(typeWithoutGuaranteeAttributes(), "\"activeFrom\": \"2015-01-01\", \"mainlySmallAndAgricultural\": false"))
                .exchange()
                .expectStatus().isCreated().expectBody().jsonPath("$.mainlySmallAndAgricultural").isEqualTo(false)
                .jsonPath("$.govGuaranteeList").isEmpty().jsonPath("$.endedOn").isEmpty();
    }

    @Test
    void versionsInstitutionsAndListsTheCatalogue() {
        String code = newCode("REG");

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
                .jsonPath("$.items.length()").isEqualTo(s.items())
                .jsonPath("$.items[?(@.code == '" + s.part() + "')].nameZh").isEqualTo(s.partNameZh());
    }

    @Test
    void withholdsACountyFigureFromThePortalUntilThreeBanksContribute() {
        // 2021-03 in 广昌县 (361030) is used by no other test
        String first = registeredBank();
        String second = registeredBank();
        put(first, "2021-03", lines(line(s.total(), "361030", "100"))).expectStatus().isCreated();
        put(second, "2021-03", lines(line(s.total(), "361030", "200.50"))).expectStatus().isCreated();

        as(Role.PORTAL, null).get().uri("/indicators?period=2021-03&region=361030").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.indicators[?(@.code == '" + s.total() + "')].suppressed").isEqualTo(true)
                .jsonPath("$.indicators[?(@.code == '" + s.total() + "')].value").value(v -> assertThat((List<?>) v).containsOnlyNulls());
        as(Role.ANALYST, null).get().uri("/indicators?period=2021-03&region=361030").exchange()
                .expectBody()
                .jsonPath("$.indicators[?(@.code == '" + s.total() + "')].suppressed").isEqualTo(false)
                .jsonPath("$.indicators[?(@.code == '" + s.total() + "')].value").isEqualTo(300.50);

        put(registeredBank(), "2021-03", lines(line(s.total(), "361030", "1"))).expectStatus().isCreated();

        as(Role.PORTAL, null).get().uri("/indicators?period=2021-03&region=361030").exchange()
                .expectBody()
                .jsonPath("$.indicators[?(@.code == '" + s.total() + "')].suppressed").isEqualTo(false)
                .jsonPath("$.indicators[?(@.code == '" + s.total() + "')].value").isEqualTo(301.50)
                .jsonPath("$.indicators[?(@.code == '" + s.total() + "')].reportingInstitutions").isEqualTo(3);
    }

    @Test
    void tagsTheIndicatorAnswerAndAnswersAMatchingIfNoneMatchWith304WithoutComputing() {
        put(registeredBank(), "2019-06", lines(line(s.stock(), "361002", "10"))).expectStatus().isCreated();

        etags().answers304WithoutComputing("/indicators?period=2019-06", Role.ANALYST);
        etags().answers304WithoutComputing("/indicators?period=2019-06&region=361002", Role.PORTAL);
    }

    @Test
    void givesTheIndicatorAnswerANewTagAfterAReportAWithdrawalATargetAndAnInstitutionChange() {
        String uri = "/indicators?period=2019-07";
        String bank = registeredBank();

        etags().changesWith(uri, Role.ANALYST, () -> put(bank, "2019-07", lines(line(s.stock(), "361002", "10"))).expectStatus().isCreated());
        etags().changesWith(uri, Role.ANALYST, () -> put(bank, "2019-07", lines(line(s.stock(), "361002", "11"))).expectStatus().isCreated());
        etags().changesWith(uri, Role.ANALYST, () -> withdraw(bank, "2019-07").expectStatus().isCreated());
        etags().changesWith(uri, Role.PORTAL, () -> as(Role.ADMIN, null).put().uri("/targets/2019").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"targets\": []}").exchange().expectStatus().is2xxSuccessful());
        etags().changesWith(uri, Role.ANALYST, () -> registerBank(newCode("BANK"), "\"activeFrom\": \"2015-01-01\""));
        etags().changesWith(uri, Role.ANALYST, () -> as(Role.ADMIN, null).put().uri("/institutions/{code}", bank)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(institution("\"activeFrom\": \"2015-01-01\", \"activeTo\": \"2030-12-31\""))
                .exchange().expectStatus().is2xxSuccessful());
    }

    @Test
    void keepsThePortalsAndTheAnalystsIndicatorAnswersApartOnACountyUnderDisclosureControl() {
        // two banks in 黎川县 (361022) in 2019-08: withheld from the portal, shown to the analyst
        put(registeredBank(), "2019-08", lines(line(s.total(), "361022", "100"))).expectStatus().isCreated();
        put(registeredBank(), "2019-08", lines(line(s.total(), "361022", "200"))).expectStatus().isCreated();

        etags().tagsEachViewApart("/indicators?period=2019-08&region=361022");
    }

    @Test
    void countsSubmissionsByOutcomeAndRefusalsByRule() {
        String bank = registeredBank();
        double created = metric("cityfin_reports_submitted_total", "outcome=\"created\"", "period_type=\"month\"", "warnings=\"false\"");
        double unchanged = metric("cityfin_reports_submitted_total", "outcome=\"unchanged\"", "period_type=\"month\"");
        double refused = metric("cityfin_reports_submitted_total", "outcome=\"refused\"", "period_type=\"month\"");
        double negative = metric("cityfin_reports_refusals_total", "rule=\"NEGATIVE_VALUE\"");
        double lines = metric("cityfin_reports_lines_written_total");

        put(bank, "2020-05", lines(line(s.stock(), "361002", "10"), line(s.stock(), "361003", "20"))).expectStatus().isCreated();
        put(bank, "2020-05", lines(line(s.stock(), "361003", "20"), line(s.stock(), "361002", "10"))).expectStatus().isOk();
        put(bank, "2020-05", lines(line(s.stock(), "361002", "-1"), line(s.stock(), "361003", "-2"))).expectStatus().isEqualTo(422);

        assertThat(metric("cityfin_reports_submitted_total", "outcome=\"created\"", "period_type=\"month\"", "warnings=\"false\""))
                .isEqualTo(created + 1);
        assertThat(metric("cityfin_reports_submitted_total", "outcome=\"unchanged\"", "period_type=\"month\"")).isEqualTo(unchanged + 1);
        assertThat(metric("cityfin_reports_submitted_total", "outcome=\"refused\"", "period_type=\"month\"")).isEqualTo(refused + 1);
        assertThat(metric("cityfin_reports_refusals_total", "rule=\"NEGATIVE_VALUE\"")).isEqualTo(negative + 2);
        assertThat(metric("cityfin_reports_lines_written_total")).isEqualTo(lines + 2);
    }

    @Test
    void showsHowManyInstitutionsAreExpectedAndHaveReportedThisMonth() {
        java.time.LocalDate today = io.cityfin.common.period.CityClock.today(java.time.Clock.systemUTC());
        String thisMonth = String.format("%04d-%02d", today.getYear(), today.getMonthValue());
        String bank = registeredBank();
        completeness.refresh().block();
        double expected = metric("cityfin_reports_expected", "period=\"current\"");
        double received = metric("cityfin_reports_received", "period=\"current\"");

        put(bank, thisMonth, lines(line(s.stock(), "361002", "10"))).expectStatus().isCreated();
        completeness.refresh().block();

        assertThat(metric("cityfin_reports_expected", "period=\"current\"")).isEqualTo(expected).isPositive();
        assertThat(metric("cityfin_reports_received", "period=\"current\"")).isEqualTo(received + 1);
    }

    /** The value of the series of {@code name} carrying every one of {@code labels}; 0 when it does not exist yet. */
    protected double metric(String name, String... labels) {
        String text = web.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return text.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> java.util.Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void numbersConcurrentVersionsWithoutGapsRepeatsOrLostContent() {
        String bank = registeredBank();
        List<String> contents = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            contents.add(lines(line(s.stock(), "361002", Integer.toString(1000 + c))));
        }
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            requests.addAll(contents);
        }
        Collections.shuffle(requests);

        // WebTestClient's exchange() waits for the answer: each request runs on a thread of its own, 50 at once
        List<Map<String, Object>> created = Flux.fromIterable(requests)
                .flatMap(body -> Mono.fromCallable(() -> Map.<String, Object>of("body", body, "receipt",
                                as(Role.SUBMITTER, bank).put().uri("/reports/{bank}/2022-09", bank)
                                        .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                                        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                                        .returnResult().getResponseBody()))
                        .subscribeOn(Schedulers.boundedElastic()), 50)
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
        String body = lines(line(s.stock(), "361002", "777"));

        List<Integer> statuses = Flux.range(0, 50)
                .flatMap(i -> Mono.fromCallable(() -> as(Role.SUBMITTER, bank).put().uri("/reports/{bank}/2022-09", bank)
                                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                                .returnResult(String.class).getStatus().value())
                        .subscribeOn(Schedulers.boundedElastic()), 50)
                .collectList().block(Duration.ofSeconds(60));

        assertThat(statuses).as("one 201, the others 200").containsOnly(200, 201).containsOnlyOnce(201);

        as(Role.ADMIN, null).get().uri("/reports/{bank}/2022-09/versions", bank).exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(1);
    }

    @Test
    void tagsEveryVersionWithItsNumberAndStoresAChangeOnlyOntoTheVersionItNames() {
        String bank = registeredBank();
        String first = lines(line(s.stock(), "361002", "100"));
        String second = lines(line(s.stock(), "361002", "200"));

        put(bank, "2022-09", first).expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"");
        String etag = as(Role.SUBMITTER, bank).get().uri("/reports/{bank}/2022-09", bank).exchange()
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .returnResult(String.class).getResponseHeaders().getETag();
        put(bank, "2022-09", second, etag).expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");
        put(bank, "2022-09", second, "\"2\"").expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");

        put(bank, "2022-09", lines(line(s.stock(), "361002", "300")), etag).expectStatus().isEqualTo(412)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].parameter").isEqualTo("If-Match")
                .jsonPath("$.errors[0].code").isEqualTo("VERSION_MISMATCH");

        as(Role.ADMIN, null).get().uri("/reports/{bank}/2022-09/versions", bank).exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(2);
        as(Role.ADMIN, null).get().uri("/reports/{bank}/2022-09/versions/1", bank).exchange()
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"");
        put(bank, "2022-09", lines(line(s.stock(), "361002", "300")), "\"9\", \"2\"").expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"3\"");
    }

    @Test
    void keepsANewerVersionFromADelayedRetryOfAnOlderContent() {
        String bank = registeredBank();
        String older = lines(line(s.stock(), "361002", "100"));
        String newer = lines(line(s.stock(), "361002", "150"));
        put(bank, "2022-09", older).expectStatus().isCreated();
        put(bank, "2022-09", newer, "\"1\"").expectStatus().isCreated();

        put(bank, "2022-09", older, "\"1\"").expectStatus().isEqualTo(412);

        as(Role.ADMIN, null).get().uri("/reports/{bank}/2022-09", bank).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"")
                .expectBody()
                .jsonPath("$.version").isEqualTo(2)
                .jsonPath("$.lines[0].value").isEqualTo(150);
    }

    @Test
    void givesAWithdrawnThenRestoredReportANewETagThoughItsContentHashRepeats() {
        String bank = registeredBank();
        String body = lines(line(s.stock(), "361002", "100"));
        String hash = put(bank, "2022-09", body).expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody()
                .get("contentHash").toString();

        as(Role.ADMIN, null).post().uri("/reports/{bank}/2022-09/withdraw", bank).header(HttpHeaders.IF_MATCH, "\"2\"").exchange()
                .expectStatus().isEqualTo(412);
        as(Role.ADMIN, null).post().uri("/reports/{bank}/2022-09/withdraw", bank).header(HttpHeaders.IF_MATCH, "\"1\"").exchange()
                .expectStatus().isCreated().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");
        receipt(put(bank, "2022-09", body, "\"2\""), 201)
                .jsonPath("$.version").isEqualTo(3)
                .jsonPath("$.contentHash").isEqualTo(hash);

        put(bank, "2022-09", lines(line(s.stock(), "361002", "1")), "\"1\"").expectStatus().isEqualTo(412);
        as(Role.ANALYST, null).get().uri("/reports/{bank}/2022-09", bank).exchange()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"3\"");
    }

    @Test
    void refusesAnIfMatchOnAReportWithoutVersionsAndAMalformedOne() {
        String bank = registeredBank();
        String body = lines(line(s.stock(), "361002", "100"));

        put(bank, "2022-09", body, "*").expectStatus().isEqualTo(412);
        put(bank, "2022-09", body, "\"1\"").expectStatus().isEqualTo(412);
        put(bank, "2022-09", body, "1").expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].parameter").isEqualTo("If-Match")
                .jsonPath("$.errors[0].code").isEqualTo("INVALID_IF_MATCH");

        as(Role.ADMIN, null).get().uri("/reports/{bank}/2022-09", bank).exchange().expectStatus().isNotFound();
    }

    @Test
    void letsExactlyOneOfConcurrentChangesOntoTheSameVersionThrough() {
        String bank = registeredBank();
        put(bank, "2022-09", lines(line(s.stock(), "361002", "1"))).expectStatus().isCreated();

        // each request on a thread of its own: WebTestClient's exchange() waits for the answer
        List<Integer> statuses = Flux.range(2, 20)
                .flatMap(n -> Mono.fromCallable(() -> put(bank, "2022-09", lines(line(s.stock(), "361002", Integer.toString(n))), "\"1\"")
                                .returnResult(String.class).getStatus().value())
                        .subscribeOn(Schedulers.boundedElastic()), 20)
                .collectList().block(Duration.ofSeconds(60));

        assertThat(statuses).as("one 201, the others 412").containsOnly(201, 412).containsOnlyOnce(201);
        as(Role.ADMIN, null).get().uri("/reports/{bank}/2022-09/versions", bank).exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(2);
    }

    @Test
    void keepsTheLatestFiguresEqualToTheLinesOfTheLatestVersions() {
        String first = registeredBank();
        String second = registeredBank();
        String third = registeredBank();
        String firstReport = lines(line(s.stock(), "361002", "1000.50"), line(s.flow(), "361003", "50"));

        put(first, "2022-05", firstReport).expectStatus().isCreated();
        put(first, "2022-05", firstReport).expectStatus().isOk();
        put(first, "2022-05", lines(line(s.stock(), "361002", "1200"), line(s.total(), "361002", "7"))).expectStatus().isCreated();
        put(second, "2022-05", lines(line(s.stock(), "361002", "300"), line(s.stock(), "361021", "7.25"))).expectStatus().isCreated();
        withdraw(second, "2022-05").expectStatus().isCreated();
        put(third, "2022-05", lines(line(s.stock(), "361002", "40"), line(s.flow(), "361002", "4"))).expectStatus().isCreated();
        withdraw(third, "2022-05").expectStatus().isCreated();
        put(third, "2022-05", lines(line(s.stock(), "361021", "41"))).expectStatus().isCreated();
        assertThat(LatestFiguresCheck.differences(database)).containsOnly(
                entry("latest_line", 0L), entry("latest_sum", 0L), entry("latest_coverage", 0L));

        List<String[]> requests = new ArrayList<>();
        for (String bank : List.of(first, second, third)) {
            for (int c = 0; c < 5; c++) {
                String body = lines(line(s.stock(), "361002", Integer.toString(100 + c)),
                        c % 2 == 0 ? line(s.flow(), "361003", Integer.toString(c + 1)) : line(s.total(), "361022", Integer.toString(c + 1)));
                for (int i = 0; i < 4; i++) {
                    requests.add(new String[] {bank, body});
                }
            }
        }
        Collections.shuffle(requests);
        List<Integer> statuses = Flux.fromIterable(requests)
                .flatMap(request -> Mono.fromCallable(() -> put(request[0], "2022-05", request[1]).returnResult(String.class).getStatus().value())
                        .subscribeOn(Schedulers.boundedElastic()), 50)
                .collectList().block(Duration.ofSeconds(60));

        assertThat(statuses).hasSize(60).allMatch(status -> status == 200 || status == 201);
        assertThat(LatestFiguresCheck.latestLines(database, first, second, third)).isEqualTo(6);
        assertThat(LatestFiguresCheck.differences(database)).containsOnly(
                entry("latest_line", 0L), entry("latest_sum", 0L), entry("latest_coverage", 0L));
    }

    protected String registeredBank() {
        String code = newCode("BANK");
        registerBank(code, "\"activeFrom\": \"2015-01-01\"");
        return code;
    }

    /** A code no test has used yet, of the form the service's registry takes. */
    protected final String newCode(String tag) {
        return institutionCode(tag, BANKS.incrementAndGet());
    }

    /**
     * The {@code n}th test institution's code, {@code tag} saying what it is for: {@code 91361000<tag><n>} by default;
     * a service whose registry takes only USCCs (risk-service) overrides it.
     */
    protected String institutionCode(String tag, int n) {
        return "91361000" + tag + String.format("%06d", n);
    }

    protected void registerBank(String code, String activity) {
        as(Role.ADMIN, null).put().uri("/institutions/{code}", code).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(institution(activity)).exchange().expectStatus().isCreated();
    }

    protected String institution(String activity) {
        return institution(s.institutionType(), activity);
    }

    protected String institution(String type, String activity) {
        return "{\"name\": \"测试银行抚州分行\", \"type\": \"" + type + "\", \"region\": \"361002\", " + activity + "}";
    }

    protected WebTestClient.ResponseSpec withdraw(String bank, String period) {
        return as(Role.ADMIN, null).post().uri("/reports/{bank}/{period}/withdraw", bank, period).exchange();
    }

    protected WebTestClient.ResponseSpec put(String bank, String period, String body) {
        return as(Role.SUBMITTER, bank).put().uri("/reports/{bank}/{period}", bank, period)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    protected WebTestClient.ResponseSpec put(String bank, String period, String body, String ifMatch) {
        return as(Role.SUBMITTER, bank).put().uri("/reports/{bank}/{period}", bank, period).header(HttpHeaders.IF_MATCH, ifMatch)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    protected static WebTestClient.BodyContentSpec receipt(WebTestClient.ResponseSpec response, int status) {
        return response.expectStatus().isEqualTo(status).expectBody();
    }

    protected WebTestClient as(Role role, String institution) {
        return web.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + TestIdentity.token(role, institution)).build();
    }

    protected static String lines(String... lines) {
        return "{\"lines\": [" + String.join(", ", lines) + "]}";
    }

    protected static String line(String item, String region, String value) {
        return "{\"item\": \"" + item + "\", \"region\": \"" + region + "\", \"value\": " + value + "}";
    }
}
