package io.cityfin.reporting.record;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * Writes a record's canonical form (architecture.md, "Versions, never overwrites"): one JSON object without spaces,
 * members in the order they are added, strings escaped as JSON requires, decimals as plain strings without trailing
 * zeros ({@code 1.50} → {@code "1.5"}), absent values as {@code null}; and the SHA-256 of such text.
 */
public final class CanonicalJson {

    private final StringBuilder json = new StringBuilder("{");

    private CanonicalJson() {
    }

    public static CanonicalJson object() {
        return new CanonicalJson();
    }

    public CanonicalJson put(String name, @Nullable String value) {
        member(name);
        if (value == null) {
            json.append("null");
        } else {
            string(value);
        }
        return this;
    }

    public CanonicalJson put(String name, @Nullable BigDecimal value) {
        return put(name, value == null ? null : plain(value));
    }

    @Override
    public String toString() {
        return json + "}";
    }

    /** A decimal as a plain string without trailing zeros; 0 as {@code "0"}. */
    public static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    /** The lower-case hex SHA-256 of the text's UTF-8 bytes. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void member(String name) {
        if (json.length() > 1) {
            json.append(',');
        }
        string(name);
        json.append(':');
    }

    private void string(String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
