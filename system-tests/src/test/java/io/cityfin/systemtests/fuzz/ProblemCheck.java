package io.cityfin.systemtests.fuzz;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What every 4xx must look like (architecture.md, "Errors"): RFC 9457 {@code application/problem+json} with its
 * {@code status}; a {@code 400} or {@code 422} names what is wrong in {@code errors}, and every entry of
 * {@code errors} carries a {@code pointer} (RFC 6901, into the body) or a {@code parameter}, a {@code code} and a
 * {@code message}.
 */
public final class ProblemCheck {

    private ProblemCheck() {
    }

    /** What is wrong with a 4xx answer; empty when it is a good problem. */
    public static List<String> violations(int status, String contentType, String body) {
        List<String> wrong = new ArrayList<>();
        if (contentType == null || !contentType.toLowerCase().startsWith("application/problem+json")) {
            wrong.add("Content-Type " + contentType + ", not application/problem+json");
        }
        JsonNode problem;
        try {
            problem = body == null || body.isBlank() ? null : RequestFactory.JSON.readTree(body);
        }
        catch (Exception e) {
            problem = null;
        }
        if (problem == null || !problem.isObject()) {
            wrong.add("the body is not a JSON object");
            return wrong;
        }
        if (!problem.path("status").isInt() || problem.path("status").asInt() != status) {
            wrong.add("status member " + problem.get("status") + ", not " + status);
        }
        JsonNode errors = problem.get("errors");
        if ((status == 400 || status == 422) && (errors == null || !errors.isArray() || errors.isEmpty())) {
            wrong.add("a " + status + " without errors[] naming what is wrong");
        }
        if (errors != null && !errors.isNull()) {
            if (!errors.isArray()) {
                wrong.add("errors is not an array");
                return wrong;
            }
            for (int i = 0; i < errors.size(); i++) {
                JsonNode error = errors.get(i);
                boolean pointer = error.path("pointer").isTextual()
                        && (error.path("pointer").asText().isEmpty() || error.path("pointer").asText().startsWith("/"));
                boolean parameter = error.path("parameter").isTextual() && !error.path("parameter").asText().isBlank();
                if (!pointer && !parameter) {
                    wrong.add("errors/" + i + " has neither a pointer nor a parameter");
                }
                if (!error.path("code").isTextual() || error.path("code").asText().isBlank()) {
                    wrong.add("errors/" + i + " has no code");
                }
                if (!error.path("message").isTextual()) {
                    wrong.add("errors/" + i + " has no message");
                }
            }
        }
        return wrong;
    }
}
