package io.cityfin.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The services' own API keys (issue #12): platform-service and risk-service read other services' published figures
 * through the gateway with a key of their own, which the gateway takes from configuration (subject
 * {@code service:<service>}, role ANALYST). Each key is its variable ({@code CITYFIN_PLATFORM_SERVICE_API_KEY}) if
 * set, else {@code <data>/<service>-api-key}, made on the first start as the admin key is (owner-only, reused after).
 * The launcher gives each key to the gateway and to its own service only, and prints where a key is, never the key.
 */
final class ServiceKeys {

    /** The services that call the gateway, each with the variable the gateway and that service read its key from. */
    static final Map<String, String> VARIABLES = variables("platform-service", "risk-service");

    private static final Pattern FORMAT = Pattern.compile(AdminKey.PREFIX + "[A-Za-z0-9_-]+");

    /** One service's key; its string form leaves the key out. */
    record Key(String service, String variable, String value, @Nullable Path file, boolean created) {

        /** The line the launcher prints at start: where the key is, not the key. */
        String describe() {
            String owner = service + "'s API key (gateway and " + service + " only)";
            if (file == null) {
                return owner + ": from " + variable;
            }
            return owner + ": " + file + " (" + (created ? "new, " : "") + "owner-only)";
        }

        @Override
        public String toString() {
            return "ServiceKeys.Key[" + service + ", " + (file == null ? variable : file.toString()) + "]";
        }
    }

    private final Map<String, Key> keys;

    private ServiceKeys(Map<String, Key> keys) {
        this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    }

    /**
     * Each service's key: {@code fromEnvironment}'s value for it (variable name to value, as the launcher read them),
     * or else the one in {@code <dataDir>/<service>-api-key}, created owner-only on the first start.
     *
     * @throws IOException if a file cannot be read or written, or does not hold a {@code cfk_} key; the message names
     *     the file, never its content
     */
    static ServiceKeys load(Map<String, String> fromEnvironment, Path dataDir, SecureRandom random, Consumer<String> notices)
            throws IOException {
        Map<String, Key> keys = new LinkedHashMap<>();
        for (Map.Entry<String, String> service : VARIABLES.entrySet()) {
            String variable = service.getValue();
            String value = fromEnvironment.get(variable);
            if (value != null && !value.isBlank()) {
                keys.put(service.getKey(), new Key(service.getKey(), variable, value, null, false));
                continue;
            }
            Path file = dataDir.resolve(fileName(service.getKey())).toAbsolutePath();
            OwnerOnlyFiles.Secret secret = OwnerOnlyFiles.readOrCreate(file, () -> AdminKey.generate(random), notices);
            String key = secret.text().strip();
            if (!FORMAT.matcher(key).matches()) {
                throw new IOException(file + " does not hold an API key (" + AdminKey.PREFIX + " followed by letters, digits,"
                        + " '-' or '_', on one line). Fix it, delete it to have a new key made, or set " + variable + ".");
            }
            keys.put(service.getKey(), new Key(service.getKey(), variable, key, file, secret.created()));
        }
        return new ServiceKeys(keys);
    }

    /** Keys as if every one came from its variable: {@code service -> key}. */
    static ServiceKeys of(Map<String, String> byService) {
        Map<String, Key> keys = new LinkedHashMap<>();
        byService.forEach((service, value) -> {
            String variable = VARIABLES.get(service);
            if (variable == null) {
                throw new IllegalArgumentException(service + " has no service key; only " + VARIABLES.keySet());
            }
            keys.put(service, new Key(service, variable, value, null, false));
        });
        return new ServiceKeys(keys);
    }

    /** {@code platform-service} reads {@code CITYFIN_PLATFORM_SERVICE_API_KEY}, as the gateway's application.yml says. */
    private static Map<String, String> variables(String... services) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String service : services) {
            variables.put(service, "CITYFIN_" + service.toUpperCase(Locale.ROOT).replace('-', '_') + "_API_KEY");
        }
        return Collections.unmodifiableMap(variables);
    }

    /** {@code platform-service-api-key}, beside {@code admin-api-key}. */
    static String fileName(String service) {
        return service + "-api-key";
    }

    /** Every service's key, in the order of {@link #VARIABLES}. */
    List<Key> all() {
        return new ArrayList<>(keys.values());
    }

    /** The key {@code module} calls the gateway with; {@code null} for an app that has none. */
    @Nullable Key of(String module) {
        return keys.get(module);
    }

    @Override
    public String toString() {
        return "ServiceKeys" + all();
    }

}
