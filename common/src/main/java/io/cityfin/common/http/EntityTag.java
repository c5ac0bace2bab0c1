package io.cityfin.common.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * A strong entity tag made from the parts that decide an answer (a data version, a view, a query, other tags): the
 * first 128 bits of their SHA-256, base64url, in quotes. Parts are separated unambiguously, so ("a", "bc") and
 * ("ab", "c") give different tags.
 */
public final class EntityTag {

    private EntityTag() {
    }

    public static String of(Object... parts) {
        MessageDigest digest = sha256();
        for (Object part : parts) {
            byte[] bytes = String.valueOf(part).getBytes(StandardCharsets.UTF_8);
            digest.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16), (byte) (bytes.length >>> 8), (byte) bytes.length});
            digest.update(bytes);
        }
        byte[] hash = digest.digest();
        return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16)) + "\"";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
