package io.cityfin.common.http;

import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.problem.InvalidParameterException;

/**
 * The ETag of a versioned resource (a report, a record) and the {@code If-Match} precondition on it. The ETag is the
 * strong tag of the version number, {@code "3"}: a version number never repeats, while a content hash can (withdrawn,
 * then restored). {@code If-Match} is RFC 9110's: {@code *} or a list of entity tags, compared strongly (a weak tag
 * never matches); {@code *} matches any current version, so it fails where there is none yet.
 */
public record IfMatch(boolean any, Set<Integer> versions) {

    public static final String HEADER = "If-Match";

    public IfMatch {
        versions = Set.copyOf(versions);
    }

    /** The strong ETag of {@code version}. */
    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** The precondition in a header's value; null when the header is absent. A malformed value is a 400. */
    public static @Nullable IfMatch parse(@Nullable String header) {
        if (header == null) {
            return null;
        }
        String value = header.strip();
        if (value.equals("*")) {
            return new IfMatch(true, Set.of());
        }
        Set<Integer> versions = new HashSet<>();
        int i = 0;
        boolean tags = false;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == ',' || c == ' ' || c == '\t') {
                i++;
                continue;
            }
            boolean weak = value.startsWith("W/", i);
            int open = weak ? i + 2 : i;
            int close = open < value.length() && value.charAt(open) == '"' ? value.indexOf('"', open + 1) : -1;
            if (close < 0 || !opaque(value, open + 1, close) || (close + 1 < value.length() && !separator(value.charAt(close + 1)))) {
                throw malformed();
            }
            String tag = value.substring(open + 1, close);
            if (!weak && tag.matches("[1-9][0-9]{0,8}")) {
                versions.add(Integer.parseInt(tag));
            }
            tags = true;
            i = close + 1;
        }
        if (!tags) {
            throw malformed();
        }
        return new IfMatch(false, versions);
    }

    /** Whether the precondition holds when {@code latest} is the current version (0: there is none). */
    public boolean matches(int latest) {
        return latest > 0 && (any || versions.contains(latest));
    }

    /** Whether {@code value[from, to)} is an entity tag's opaque part (RFC 9110: visible characters; the caller ends it at the next quote). */
    static boolean opaque(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /** What may follow an entity tag in a list. */
    static boolean separator(char c) {
        return c == ',' || c == ' ' || c == '\t';
    }

    private static InvalidParameterException malformed() {
        return new InvalidParameterException(HEADER, "INVALID_IF_MATCH",
                "If-Match is * or a list of entity tags such as \"3\" (the ETag of the version it expects).");
    }
}
