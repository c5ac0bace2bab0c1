package io.cityfin.systemtests.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.cityfin.systemtests.fuzz.Contract.Endpoint;

/**
 * One request the fuzzer sends: the path and query already percent-encoded byte by byte, so that a NUL or a control
 * character reaches the server as {@code %00}; the body as raw bytes, so that text no JSON library would write
 * (duplicate members, {@code 1e999999999}) goes out as it is.
 *
 * @param mutation the mutation's name, or {@code valid}
 * @param target what the mutation changed: a JSON pointer, a parameter or a header; "" for a valid request
 * @param mustRefuse whether only a 4xx is a right answer (every mutation that breaks the contract or a rule)
 * @param contentType the Content-Type header, or {@code null} for none
 */
public record FuzzRequest(Endpoint endpoint, String mutation, String target, boolean mustRefuse, String path,
        String query, Map<String, String> headers, String contentType, byte[] body) {

    public static final String VALID = "valid";

    public String uri() {
        return query.isEmpty() ? path : path + "?" + query;
    }

    public boolean isValid() {
        return mutation.equals(VALID);
    }

    /** The request in one line for a failure report: control characters shown as {@code \\uXXXX}, a long body cut. */
    public String describe() {
        StringBuilder text = new StringBuilder(endpoint.method()).append(' ').append(shorten(uri(), 200));
        headers.forEach((name, value) -> text.append(" [").append(name).append(": ").append(shorten(value, 60)).append(']'));
        if (contentType != null && !contentType.equals("application/json")) {
            text.append(" [Content-Type: ").append(contentType).append(']');
        }
        if (body != null) {
            text.append(' ').append(shorten(new String(body, StandardCharsets.UTF_8), 300));
        }
        return text.toString();
    }

    static String shorten(String text, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            }
            else {
                out.append(c);
            }
        }
        if (out.length() >= max) {
            out.append("…(").append(text.length()).append(" chars)");
        }
        return out.toString();
    }
}
