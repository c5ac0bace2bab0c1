package io.cityfin.gateway.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Key secrets: {@code cfk_} and 256 random bits (base64url, 43 characters). Only their SHA-256 is stored: with that
 * much entropy a fast hash is as safe as a slow one and lets a key be found by its hash.
 */
public final class ApiKeySecrets {

    public static final String PREFIX = "cfk_";
    /** {@code cfk_} and 43 base64url characters, as {@link #generate()} makes them: 47 in all. */
    public static final int LENGTH = 47;
    static final int PREFIX_SHOWN = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Whether {@code presented} has the form of a key: {@code cfk_} and 43 base64url characters. Anything else cannot
     * be a key, so it is refused without a hash or a look-up (an Authorization header is up to 8 KB of anything).
     */
    public static boolean isWellFormed(String presented) {
        if (presented.length() != LENGTH || !presented.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            char c = presented.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first characters, enough to recognise a key in a list, far too few to guess the rest. */
    public static String shownPrefix(String secret) {
        return secret.substring(0, Math.min(PREFIX_SHOWN, secret.length()));
    }
}
