package io.cityfin.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The gateway's admin API key (issue #3): {@code CITYFIN_ADMIN_API_KEY} if set, else the key in
 * {@code <data>/admin-api-key}, made on the first start. The launcher passes it to the gateway only and never prints
 * it: it prints where the key is. {@link #toString()} leaves the key out too.
 */
final class AdminKey {

    static final String VARIABLE = "CITYFIN_ADMIN_API_KEY";

    static final String FILE_NAME = "admin-api-key";

    static final String PREFIX = "cfk_";

    /** 32 random bytes: 256 bits, 43 characters in base64url. */
    private static final int RANDOM_BYTES = 32;

    private static final Pattern FORMAT = Pattern.compile(PREFIX + "[A-Za-z0-9_-]+");

    private final String value;

    private final @Nullable Path file;

    private final boolean created;

    private AdminKey(String value, @Nullable Path file, boolean created) {
        this.value = value;
        this.file = file;
        this.created = created;
    }

    /** The key from {@code CITYFIN_ADMIN_API_KEY}, passed on unchanged. */
    static AdminKey fromEnvironment(String value) {
        return new AdminKey(value, null, false);
    }

    /**
     * Reads {@code <dataDir>/admin-api-key}, or creates it (owner-only) with a new key if it does not exist; see
     * {@link OwnerOnlyFiles#readOrCreate}.
     *
     * @throws IOException if the file cannot be read or written, or does not hold a {@code cfk_} key; the message
     *     names the file, never its content
     */
    static AdminKey loadOrCreate(Path dataDir, SecureRandom random, Consumer<String> notices) throws IOException {
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
        OwnerOnlyFiles.Secret key = OwnerOnlyFiles.readOrCreate(file, () -> generate(random), notices);
        String value = key.text().strip();
        if (!FORMAT.matcher(value).matches()) {
            throw new IOException(file + " does not hold an admin API key (" + PREFIX
                    + " followed by letters, digits, '-' or '_', on one line). Fix it, delete it to have a new key made,"
                    + " or set " + VARIABLE + ".");
        }
        return new AdminKey(value, file, key.created());
    }

    /** {@code cfk_} and 32 random bytes in base64url without padding: 47 characters. */
    static String generate(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The key itself: for the gateway's environment only. */
    String value() {
        return value;
    }

    /** The file the key is in; {@code null} when it comes from {@code CITYFIN_ADMIN_API_KEY}. */
    @Nullable Path file() {
        return file;
    }

    boolean created() {
        return created;
    }

    /** The line the launcher prints at start: where the key is, not the key. */
    String describe() {
        if (file == null) {
            return "Admin API key: from " + VARIABLE + " (use it as Authorization: Bearer <key>)";
        }
        return "Admin API key: " + file + " (" + (created ? "new, " : "") + "owner-only; use it as Authorization: Bearer <key>)";
    }

    /** A shell command that calls the gateway with the key, reading it where it is (the command holds no key). */
    String curlExample(String url) {
        String key = file == null ? "$" + VARIABLE : "$(cat " + shellWord(file.toString()) + ")";
        return "curl -H \"Authorization: Bearer " + key + "\" " + shellWord(url);
    }

    @Override
    public String toString() {
        return "AdminKey[" + (file == null ? VARIABLE : file.toString()) + "]";
    }

    /** {@code text} as one shell word: unchanged if it is plain, else in single quotes. */
    static String shellWord(String text) {
        if (text.matches("[A-Za-z0-9_./:=@%+,-]+")) {
            return text;
        }
        return "'" + text.replace("'", "'\\''") + "'";
    }

}
