package io.cityfin.systemtests.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

/**
 * Checks one answer against the request's contract: no 5xx; a mutation that breaks the contract or a rule is refused
 * (4xx); a 4xx is a good problem ({@link ProblemCheck}); and the answer (its status, content type and body) is one the
 * operation's contract lists, as Atlassian's validator reads it.
 */
public final class ResponseCheck {

    /** What a finding is about; the report groups by it. */
    public enum Kind {
        APP_DIED, AFTER_APP_DIED, SERVER_ERROR, ACCEPTED_BAD_INPUT, BAD_PROBLEM, CONTRACT, STORED_ON_REFUSAL, NO_ANSWER
    }

    public record Violation(Kind kind, String detail) {
    }

    /**
     * Answers HTTP itself may give to any operation, which the contracts do not list operation by operation: no or a
     * bad key (the gateway's {@code 401}), a body over the limit, a content type the operation does not read, too
     * many requests. They are still checked as problems.
     */
    static final Set<Integer> GENERIC_STATUSES = Set.of(401, 406, 413, 415, 429);

    private ResponseCheck() {
    }

    public static List<Violation> check(FuzzRequest request, OpenApiInteractionValidator validator, int status,
            String contentType, String body) {
        List<Violation> found = new ArrayList<>();
        if (status >= 500) {
            found.add(new Violation(Kind.SERVER_ERROR, "answered " + status));
            return found;
        }
        if (request.mustRefuse() && status < 400) {
            found.add(new Violation(Kind.ACCEPTED_BAD_INPUT, "answered " + status + " to " + request.mutation()));
        }
        if (status >= 400) {
            for (String wrong : ProblemCheck.violations(status, contentType, body)) {
                found.add(new Violation(Kind.BAD_PROBLEM, wrong));
            }
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
        if (contentType != null) {
            response.withContentType(contentType);
        }
        if (body != null && !body.isEmpty()) {
            response.withBody(body);
        }
        ValidationReport report = validator.validateResponse(request.path(),
                Request.Method.valueOf(request.endpoint().method().toUpperCase(Locale.ROOT)), response.build());
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() != ValidationReport.Level.ERROR || ignored(request, status, message.getKey())) {
                continue;
            }
            found.add(new Violation(Kind.CONTRACT, message.getKey() + ": " + FuzzRequest.shorten(message.getMessage(), 300)));
        }
        return found;
    }

    private static boolean ignored(FuzzRequest request, int status, String key) {
        if (key.startsWith("validation.request")) {
            return true; // only the answer is checked here; the mutated requests break their contract on purpose
        }
        if (key.equals("validation.response.status.unknown") && GENERIC_STATUSES.contains(status)) {
            return true;
        }
        // a mutated path parameter (say an empty one) can leave the path no operation's: routing answers, not an operation
        return key.equals("validation.response.path.missing") && !request.isValid();
    }
}
