package io.cityfin.reporting.record;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The two pieces of canonical form (architecture.md, "Versions, never overwrites") that {@link RecordJson} builds on:
 * a decimal as a plain string without trailing zeros ({@code 1.50} → {@code "1.5"}), and the SHA-256 of a text.
 */
public final class CanonicalJson {

    private CanonicalJson() {
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
}
