package io.cityfin.common.http;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.problem.InvalidParameterException;

/**
 * RFC 9110's {@code If-None-Match}: {@code *} or a list of entity tags, compared weakly (a {@code W/} prefix is
 * ignored on both sides). A malformed value is a 400 problem {@code INVALID_IF_NONE_MATCH} naming the header.
 */
public record IfNoneMatch(boolean any, List<String> tags) {

    public static final String HEADER = "If-None-Match";

    public IfNoneMatch {
        tags = List.copyOf(tags);
    }

    /** The condition in a header's value; null when the header is absent or blank. */
    public static @Nullable IfNoneMatch parse(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (value.equals("*")) {
            return new IfNoneMatch(true, List.of());
        }
        List<String> tags = new ArrayList<>();
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == ',' || c == ' ' || c == '\t') {
                i++;
                continue;
            }
            int open = value.startsWith("W/", i) ? i + 2 : i;
            int close = open < value.length() && value.charAt(open) == '"' ? value.indexOf('"', open + 1) : -1;
            if (close < 0 || !IfMatch.opaque(value, open + 1, close) || (close + 1 < value.length() && !IfMatch.separator(value.charAt(close + 1)))) {
                throw malformed();
            }
            tags.add(value.substring(open, close + 1));
            i = close + 1;
        }
        if (tags.isEmpty()) {
            throw malformed();
        }
        return new IfNoneMatch(false, tags);
    }

    /** Whether {@code etag} (a quoted tag, as {@link EntityTag#of} makes) is among the tags, weakly compared. */
    public boolean matches(@Nullable String etag) {
        if (etag == null) {
            return false;
        }
        return any || tags.contains(etag.startsWith("W/") ? etag.substring(2) : etag);
    }

    /** Whether the header {@code header} (possibly absent) matches {@code etag}; a malformed header is a 400. */
    public static boolean matches(@Nullable String header, @Nullable String etag) {
        IfNoneMatch condition = parse(header);
        return condition != null && condition.matches(etag);
    }

    private static InvalidParameterException malformed() {
        return new InvalidParameterException(HEADER, "INVALID_IF_NONE_MATCH",
                "If-None-Match is * or a list of entity tags such as \"k3J9\" (the ETag of an answer already held).");
    }
}
