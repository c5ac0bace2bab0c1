package io.cityfin.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.cityfin.common.config.CityfinWebAutoConfiguration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import reactor.core.publisher.Mono;

@WebFluxTest(controllers = ProblemHandlingTest.ThingController.class, properties = "spring.http.codecs.max-in-memory-size=1KB")
@ImportAutoConfiguration(CityfinWebAutoConfiguration.class)
class ProblemHandlingTest {

    @Autowired
    WebTestClient web;

    @Test
    void namesAPathParameterOfTheWrongType() {
        problem(web.get().uri("/things/abc").exchange(), 400)
                .jsonPath("$.errors[0].parameter").isEqualTo("id")
                .jsonPath("$.errors[0].code").isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void answersMalformedJsonWithAPointer() {
        problem(post("{\"name\": \"a\", "), 400)
                .jsonPath("$.errors[0].pointer").exists()
                .jsonPath("$.errors[0].code").isEqualTo("MALFORMED_JSON");
    }

    @Test
    void pointsAtAValueOfTheWrongType() {
        problem(post("{\"name\": \"a\", \"lines\": [{\"value\": 1}, {\"value\": \"many\"}]}"), 400)
                .jsonPath("$.errors[0].pointer").isEqualTo("/lines/1/value")
                .jsonPath("$.errors[0].code").isEqualTo("WRONG_TYPE");
    }

    @Test
    void pointsAtAMissingRequiredField() {
        problem(post("{\"lines\": []}"), 400)
                .jsonPath("$.errors[0].pointer").isEqualTo("/name")
                .jsonPath("$.errors[0].code").isEqualTo("MISSING_FIELD");
    }

    @Test
    void pointsAtAMissingFieldInsideAList() {
        problem(post("{\"name\": \"a\", \"lines\": [{\"value\": 1}, {}]}"), 400)
                .jsonPath("$.errors[0].pointer").isEqualTo("/lines/1/value");
    }

    @Test
    void answersABrokenRuleWith422AndOneErrorPerFault() {
        problem(post("{\"name\": \"rule\", \"lines\": [{\"value\": -1}]}"), 422)
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].pointer").isEqualTo("/lines/0/value")
                .jsonPath("$.errors[0].code").isEqualTo("NEGATIVE_VALUE");
    }

    @Test
    void answersAnUnsupportedMediaTypeWithAProblem() {
        problem(web.post().uri("/things").contentType(MediaType.TEXT_PLAIN).bodyValue("name=a").exchange(), 415);
    }

    @Test
    void answersAnOversizeBodyWith413() {
        String big = "{\"name\": \"" + "x".repeat(4096) + "\"}";

        problem(post(big), 413).jsonPath("$.errors[0].code").isEqualTo("BODY_TOO_LARGE");
    }

    @Test
    void answersAnUnknownRouteWithAProblemEvenToABrowser() {
        problem(web.get().uri("/nowhere").accept(MediaType.TEXT_HTML).exchange(), 404)
                .jsonPath("$.detail").isEqualTo("No resource at /nowhere.");
    }

    @Test
    void hidesTheDetailsOfAnUnexpectedFailure() {
        problem(web.get().uri("/things/13").exchange(), 500)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).doesNotContain("password=hunter2"));
    }

    private WebTestClient.ResponseSpec post(String json) {
        return web.post().uri("/things").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    private static WebTestClient.BodyContentSpec problem(WebTestClient.ResponseSpec response, int status) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.title").isNotEmpty()
                .jsonPath("$.instance").isNotEmpty();
    }

    @SpringBootConfiguration
    @Import(ThingController.class)
    static class TestApplication {
    }

    record Line(@NotNull BigDecimal value) {
    }

    record Thing(@NotNull String name, @Valid List<Line> lines) {
    }

    @RestController
    @Validated
    static class ThingController {

        @GetMapping("/things/{id}")
        Mono<String> get(@PathVariable("id") Long id) {
            if (id == 13) {
                return Mono.error(new IllegalStateException("connection failed: password=hunter2"));
            }
            return Mono.just("thing " + id);
        }

        @PostMapping(path = "/things", consumes = MediaType.APPLICATION_JSON_VALUE)
        Mono<String> create(@Valid @RequestBody Mono<Thing> thing) {
            return thing.map(t -> {
                if (t.name().equals("rule")) {
                    throw new RuleViolationException("The thing breaks a rule.",
                            List.of(FieldError.atPointer("/lines/0/value", "NEGATIVE_VALUE", "value is negative")));
                }
                return t.name();
            });
        }
    }
}
