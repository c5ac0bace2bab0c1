package io.cityfin.common.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.cityfin.common.config.CityfinWebAutoConfiguration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies through the real auto-configuration: the strict reader refuses what no body may carry, with a
 * pointer and a stable code, before a controller sees it; Boot's own mapper (the one WebClient uses) stays lenient.
 */
@WebFluxTest(controllers = StrictBodyTest.LineController.class)
@ImportAutoConfiguration(CityfinWebAutoConfiguration.class)
class StrictBodyTest {

    @Autowired
    WebTestClient web;

    @Autowired
    JsonMapper bootMapper;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "1e999999999                | VALUE_TOO_LARGE",
            "-1e999999999               | VALUE_TOO_LARGE",
            "'\"1E+999999999\"'         | VALUE_TOO_LARGE",
            "100000000000000000000      | VALUE_TOO_LARGE",
            "1000000000000000           | VALUE_TOO_LARGE",
            "-1000000000000000          | VALUE_TOO_LARGE",
            "1E+15                      | VALUE_TOO_LARGE",
            "1e-999999999               | TOO_MANY_DECIMALS",
            "'\"1e-999999999\"'         | TOO_MANY_DECIMALS",
            "0E-999999999               | TOO_MANY_DECIMALS"})
    void refusesAnAmountOfTenToTheFifteenOrMoreOrWithAbsurdDecimalsWith422AndAPointer(String value, String code) {
        refused(post(line("\"item\": \"A\", \"value\": " + value)), 422, "/lines/0/value", code);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"999999999999999.99", "-999999999999999.99", "\"999999999999999.99\"", "9.99E+14", "0", "0E+999999999",
            "1.50000000000000000000"})
    void acceptsAnAmountBelowTenToTheFifteen(String value) {
        post(line("\"item\": \"A\", \"value\": " + value)).expectStatus().isOk();
    }

    @Test
    void refusesACountOfTenToTheFifteenOrMore() {
        post(line("\"item\": \"A\", \"count\": 999999999999999")).expectStatus().isOk();
        refused(post(line("\"item\": \"A\", \"count\": 1000000000000000")), 422, "/lines/0/count", "VALUE_TOO_LARGE");
        refused(post(line("\"item\": \"A\", \"count\": -9223372036854775808")), 422, "/lines/0/count", "VALUE_TOO_LARGE");
    }

    @Test
    void refusesANumberWithTooManyCharacters() {
        refused(post(line("\"item\": \"A\", \"value\": 0." + "0".repeat(200) + "1")), 422, "/lines/0", "NUMBER_TOO_LONG");
    }

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"0000", "0001", "0009", "000A", "000D", "001B", "001F"})
    void refusesAControlCharacterInAnyText(String hex) {
        refused(post(line("\"item\": \"A\\u" + hex + "B\", \"value\": 1")), 422, "/lines/0/item", "CONTROL_CHARACTER");
        refused(post("{\"name\": \"a\\u" + hex + "\", \"lines\": []}"), 422, "/name", "CONTROL_CHARACTER");
        refused(post("{\"name\": \"a\", \"tags\": [\"ok\", \"b\\u" + hex + "\"], \"lines\": []}"), 422, "/tags/1", "CONTROL_CHARACTER");
    }

    @Test
    void acceptsTextBeyondTheControlCharacters() {
        post("{\"name\": \"抚州 \\u007F\\u00A0 ü\", \"lines\": []}").expectStatus().isOk();
    }

    @Test
    void refusesAnUnknownMemberWith400AndItsPointer() {
        refused(post(line("\"item\": \"A\", \"value\": 1, \"vaule\": 2")), 400, "/lines/0/vaule", "UNKNOWN_MEMBER");
        refused(post("{\"name\": \"a\", \"lines\": [], \"extra\": {\"deep\": [1]}}"), 400, "/extra", "UNKNOWN_MEMBER");
        refused(post("{\"name\": \"a\", \"" + "n".repeat(300) + "\": 1}"), 400, "", "UNKNOWN_MEMBER");
    }

    @Test
    void refusesADuplicateMemberWith400AndItsPointer() {
        refused(post(line("\"item\": \"A\", \"value\": 1, \"value\": 2")), 400, "/lines/0/value", "DUPLICATE_MEMBER");
        refused(post("{\"name\": \"a\", \"name\": \"b\", \"lines\": []}"), 400, "/name", "DUPLICATE_MEMBER");
    }

    @Test
    void refusesContentAfterTheDocument() {
        refused(post("{\"name\": \"a\", \"lines\": []} {\"name\": \"b\"}"), 400, "", "MALFORMED_JSON");
        refused(post("{\"name\": \"a\", \"lines\": []} x"), 400, "", "MALFORMED_JSON");
    }

    @Test
    void refusesNestingDeeperThanAnyContract() {
        String deep = "[".repeat(StrictJson.MAX_NESTING_DEPTH + 1) + "]".repeat(StrictJson.MAX_NESTING_DEPTH + 1);

        web.post().uri("/anything").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"a\": " + deep + "}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("TOO_DEEP");
        web.post().uri("/anything").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"a\": [[[1]]]}").exchange()
                .expectStatus().isOk();
    }

    @Test
    void refusesATextOverItsMaxLengthWith422AndTooLong() {
        post("{\"name\": \"" + "x".repeat(20) + "\", \"lines\": []}").expectStatus().isOk();
        refused(post("{\"name\": \"" + "x".repeat(21) + "\", \"lines\": []}"), 422, "/name", "TOO_LONG");
        refused(post("{\"name\": \"" + "x".repeat(StrictJson.MAX_STRING_LENGTH + 1) + "\", \"lines\": []}"), 422, "/name", "TOO_LONG");
    }

    @Test
    void keepsAMissingRequiredMemberA400EvenBesideARuleFault() {
        refused(post("{\"lines\": []}"), 400, "/name", "MISSING_FIELD");
        post("{\"tags\": [\"" + "x".repeat(30) + "\"], \"lines\": []}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(2);
    }

    @Test
    void keepsMalformedJsonAndWrongTypesA400() {
        refused(post("{\"name\": \"a\", "), 400, null, "MALFORMED_JSON");
        refused(post(line("\"item\": \"A\", \"value\": \"many\"")), 400, "/lines/0/value", "WRONG_TYPE");
    }

    @Test
    void refusesAnEmptyStringWhereADateOrNumberGoes() {
        post(line("\"item\": \"A\", \"on\": \"2022-09-30\", \"value\": \"1.5\"")).expectStatus().isOk();
        post(line("\"item\": \"\", \"value\": 1")).expectStatus().isOk();

        refused(post(line("\"item\": \"A\", \"on\": \"\"")), 400, "/lines/0/on", "WRONG_TYPE");
        refused(post(line("\"item\": \"A\", \"value\": \"\"")), 400, "/lines/0/value", "WRONG_TYPE");
        refused(post(line("\"item\": \"A\", \"count\": \" \"")), 400, "/lines/0/count", "WRONG_TYPE");
        refused(post(line("\"item\": \"A\", \"on\": []")), 400, "/lines/0/on", "WRONG_TYPE");
        refused(post(line("\"item\": \"A\", \"value\": []")), 400, "/lines/0/value", "WRONG_TYPE");
    }

    @Test
    void refusesANumberOrBooleanWhereATextGoesAndADateTimeWhereADateGoes() {
        refused(post("{\"name\": 12.34567, \"lines\": []}"), 400, "/name", "WRONG_TYPE");
        refused(post("{\"name\": 1e999999999, \"lines\": []}"), 400, "/name", "WRONG_TYPE");
        refused(post("{\"name\": 42, \"lines\": []}"), 400, "/name", "WRONG_TYPE");
        refused(post("{\"name\": true, \"lines\": []}"), 400, "/name", "WRONG_TYPE");
        refused(post(line("\"item\": \"A\", \"on\": \"2022-06-28T00:00:00Z\"")), 400, "/lines/0/on", "WRONG_TYPE");
        refused(post(line("\"item\": \"A\", \"on\": [2022, 6, 28]")), 400, "/lines/0/on", "WRONG_TYPE");
        refused(post(line("\"item\": \"A\", \"on\": \"2022-02-30\"")), 400, "/lines/0/on", "WRONG_TYPE");
        refused(post(line("\"item\": \"A\", \"on\": \"2022-6-28\"")), 400, "/lines/0/on", "WRONG_TYPE");

        post("{\"name\": \"-Infinity\", \"lines\": []}").expectStatus().isOk();
    }

    @Test
    void leavesBootsOwnMapperLenientForTheClientsThatUseIt() {
        Map<String, Object> read = bootMapper.readValue("{\"sum\": 1e20, \"tiny\": 1e-30, \"extra\": \"a\\u0000\"}", new tools.jackson.core.type.TypeReference<Map<String, Object>>() { });
        Line line = bootMapper.readValue("{\"item\": \"A\", \"value\": 100000000000000000000, \"vaule\": 1}", Line.class);

        assertThat(read).containsKey("extra");
        assertThat(line.value()).isEqualByComparingTo("1E+20");
    }

    private WebTestClient.ResponseSpec post(String json) {
        return web.post().uri("/lines").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private static String line(String members) {
        return "{\"name\": \"a\", \"lines\": [{" + members + "}]}";
    }

    private static void refused(WebTestClient.ResponseSpec response, int status, String pointer, String code) {
        WebTestClient.BodyContentSpec body = response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].code").isEqualTo(code);
        if (pointer != null) {
            body.jsonPath("$.errors[0].pointer").isEqualTo(pointer);
        }
    }

    @SpringBootConfiguration
    @Import(LineController.class)
    static class TestApplication {
    }

    record Line(String item, BigDecimal value, Long count, LocalDate on) {
    }

    record Report(@NotNull @Size(max = 20) String name, List<@Size(max = 20) String> tags, @Valid List<Line> lines) {
    }

    @RestController
    static class LineController {

        @PostMapping(path = "/lines", consumes = MediaType.APPLICATION_JSON_VALUE)
        Mono<String> lines(@Valid @RequestBody Mono<Report> report) {
            return report.map(Report::name);
        }

        @PostMapping(path = "/anything", consumes = MediaType.APPLICATION_JSON_VALUE)
        Mono<String> anything(@RequestBody Mono<Map<String, Object>> body) {
            return body.map(Map::toString);
        }
    }
}
