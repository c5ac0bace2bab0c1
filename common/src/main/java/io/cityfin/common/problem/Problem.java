package io.cityfin.common.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An RFC 9457 problem, ready to render: status, title, detail and the field errors of architecture.md. */
public record Problem(int status, String title, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = List.copyOf(errors);
    }

    /** The JSON members in RFC 9457 order; {@code errors} only when there are any. */
    public Map<String, Object> body(String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", instance);
        if (!errors.isEmpty()) {
            body.put("errors", errors.stream().map(Problem::errorBody).toList());
        }
        return body;
    }

    private static Map<String, Object> errorBody(FieldError error) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (error.pointer() != null) {
            body.put("pointer", error.pointer());
        } else {
            body.put("parameter", error.parameter());
        }
        body.put("code", error.code());
        body.put("message", error.message());
        return body;
    }
}
