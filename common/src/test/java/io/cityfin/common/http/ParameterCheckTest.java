package io.cityfin.common.http;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.cityfin.common.config.CityfinWebAutoConfiguration;
import reactor.core.publisher.Mono;

/** A control character or an absurdly long value in a path or query parameter is a 400 naming it, never a 500. */
@WebFluxTest(controllers = ParameterCheckTest.ReportController.class)
@ImportAutoConfiguration(CityfinWebAutoConfiguration.class)
class ParameterCheckTest {

    @Autowired
    WebTestClient web;

    @Test
    void namesThePathVariableThatCarriesAControlCharacter() {
        refused("/reports/AB%00CD/2022-09", "institutionCode", "CONTROL_CHARACTER");
        refused("/reports/ABCD/2022-09%1F", "period", "CONTROL_CHARACTER");
        refused("/reports/AB%0ACD/2022-09", "institutionCode", "CONTROL_CHARACTER");
    }

    @Test
    void namesTheQueryParameterThatCarriesAControlCharacter() {
        refused("/indicators?period=%00", "period", "CONTROL_CHARACTER");
        refused("/indicators?period=2022-09&region=3610%0902", "region", "CONTROL_CHARACTER");
    }

    @Test
    void refusesAnAbsurdlyLongValue() {
        String code = "A".repeat(ParameterCheck.MAX_LENGTH + 1);
        refused("/reports/" + code + "/2022-09", "institutionCode", "TOO_LONG");
        refused("/indicators?period=" + code, "period", "TOO_LONG");
        refused("/" + code, "path", "TOO_LONG");
    }

    @Test
    void namesThePathWhereNoMappingHasAVariable() {
        refused("/nowhere/a%00b", "path", "CONTROL_CHARACTER");
    }

    @Test
    void letsOrdinaryParametersThrough() {
        web.get().uri("/reports/91361000BANK000001/2022-09").exchange().expectStatus().isOk()
                .expectBody(String.class).isEqualTo("91361000BANK000001 2022-09");
        web.get().uri("/indicators?period=2022-09&region=" + "3".repeat(ParameterCheck.MAX_LENGTH)).exchange().expectStatus().isOk();
        web.get().uri("/indicators?period=抚州").exchange().expectStatus().isOk();
    }

    @Test
    void readsWholeNumberParametersOnlyInDecimalDigits() {
        web.get().uri("/warnings/16").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("16");
        web.get().uri("/investments?year=2021").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("2021");
        web.get().uri("/investments?year=-7").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("-7");

        refused("/warnings/0x10", "id", "INVALID_PARAMETER");
        refused("/warnings/%2310", "id", "INVALID_PARAMETER");
        refused("/warnings/+16", "id", "INVALID_PARAMETER");
        refused("/warnings/99999999999999999999", "id", "INVALID_PARAMETER");
        refused("/investments?year=0x7E5", "year", "INVALID_PARAMETER");
        refused("/investments?year=2021.0", "year", "INVALID_PARAMETER");
    }

    /** {@code uri} as sent, percent-escapes included (a template would escape the {@code %}). */
    private void refused(String uri, String parameter, String code) {
        web.get().uri(URI.create(uri)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].parameter").isEqualTo(parameter)
                .jsonPath("$.errors[0].code").isEqualTo(code);
    }

    @SpringBootConfiguration
    @Import(ReportController.class)
    static class TestApplication {
    }

    @RestController
    static class ReportController {

        @GetMapping("/reports/{institutionCode}/{period}")
        Mono<String> report(@PathVariable("institutionCode") String institutionCode, @PathVariable("period") String period) {
            return Mono.just(institutionCode + " " + period);
        }

        @GetMapping("/warnings/{id}")
        Mono<String> warning(@PathVariable("id") Long id) {
            return Mono.just(id.toString());
        }

        @GetMapping("/investments")
        Mono<String> investments(@RequestParam("year") Integer year) {
            return Mono.just(year.toString());
        }

        @GetMapping("/indicators")
        Mono<String> indicators(@RequestParam("period") String period, @RequestParam(name = "region", required = false) String region) {
            return Mono.just(period);
        }
    }
}
