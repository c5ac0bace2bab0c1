package io.cityfin.systemtests.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The problem rules the fuzzer applies to every 4xx, on good and bad examples. */
class ProblemCheckFuzzTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void acceptsAProblemWhoseErrorsEachCarryAPointerOrAParameter() {
        assertThat(ProblemCheck.violations(422, PROBLEM, """
                {"type":"about:blank","title":"Unprocessable","status":422,"errors":[
                  {"pointer":"/lines/0/value","code":"NEGATIVE_VALUE","message":"below zero"},
                  {"parameter":"period","code":"PERIOD_IN_FUTURE","message":"after today"}]}""")).isEmpty();
        assertThat(ProblemCheck.violations(404, PROBLEM + ";charset=UTF-8", "{\"status\":404,\"detail\":\"No report\"}")).isEmpty();
        assertThat(ProblemCheck.violations(400, PROBLEM, """
                {"status":400,"errors":[{"pointer":"","code":"MALFORMED_JSON","message":"not JSON"}]}""")).isEmpty();
    }

    @Test
    void refusesAnErrorWithNeitherPointerNorParameter() {
        assertThat(ProblemCheck.violations(400, PROBLEM, """
                {"status":400,"errors":[{"code":"INVALID","message":"bad"}]}"""))
            .containsExactly("errors/0 has neither a pointer nor a parameter");
        assertThat(ProblemCheck.violations(422, PROBLEM, """
                {"status":422,"errors":[{"pointer":"lines/0","code":"X","message":"m"}]}"""))
            .containsExactly("errors/0 has neither a pointer nor a parameter");
    }

    @Test
    void refusesA400Or422WithoutErrors() {
        assertThat(ProblemCheck.violations(400, PROBLEM, "{\"status\":400,\"detail\":\"Bad request\"}"))
            .containsExactly("a 400 without errors[] naming what is wrong");
        assertThat(ProblemCheck.violations(422, PROBLEM, "{\"status\":422,\"errors\":[]}"))
            .containsExactly("a 422 without errors[] naming what is wrong");
    }

    @Test
    void refusesAnotherContentTypeABodyThatIsNoObjectAndAWrongStatus() {
        assertThat(ProblemCheck.violations(404, "application/json", "{\"status\":404}"))
            .containsExactly("Content-Type application/json, not application/problem+json");
        assertThat(ProblemCheck.violations(415, null, ""))
            .containsExactly("Content-Type null, not application/problem+json", "the body is not a JSON object");
        assertThat(ProblemCheck.violations(403, PROBLEM, "{\"status\":401}")).containsExactly("status member 401, not 403");
        assertThat(ProblemCheck.violations(404, PROBLEM, "{\"status\":404,\"errors\":[{\"pointer\":\"/a\",\"code\":\"\"}]}"))
            .containsExactly("errors/0 has no code", "errors/0 has no message");
    }
}
