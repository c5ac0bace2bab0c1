package io.cityfin.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * What the launcher reads from its environment; every value has a local default.
 *
 * @param repoRoot the folder holding the modules (the working directory; {@code ./cityfin} changes into it)
 * @param externalDatabase the server from {@code CITYFIN_DB_URL}, or {@code null} for the embedded one
 * @param portBase the gateway's public port; the services take the next five, management ports are public + 1000
 * @param demoData passed to every app as {@code CITYFIN_DEMO_DATA}
 * @param adminApiKey the key from {@code CITYFIN_ADMIN_API_KEY}, or {@code null} for the one in {@code <data>/admin-api-key}
 * @param signingKeys the key pair from the three {@code CITYFIN_IDENTITY_*} variables, or {@code null} for the one in
 *     {@code <data>/identity}
 * @param prometheus whether to start a local Prometheus ({@code CITYFIN_PROMETHEUS=true}, what
 *     {@code ./cityfin start --prometheus} sets), on {@code prometheusPort} ({@code CITYFIN_PROMETHEUS_PORT}, 9090)
 * @param passedOn the launcher's {@code CITYFIN_*} and {@code LOGGING_*} variables every app gets as they are (say
 *     {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs} for JSON logs), without the secrets
 * @param serviceApiKeys the services' API keys set in the environment ({@code CITYFIN_PLATFORM_SERVICE_API_KEY} -> key);
 *     a service's key that is not set is the one in {@code <data>/<service>-api-key}
 */
record LauncherSettings(Path repoRoot, Path dataDir, @Nullable DatabaseUrl externalDatabase, int embeddedDbPort,
        int portBase, String demoData, List<String> javaOptions, Duration startTimeout, @Nullable AdminKey adminApiKey,
        @Nullable SigningKeys signingKeys, boolean prometheus, int prometheusPort, Map<String, String> passedOn,
        Map<String, String> serviceApiKeys) {

    static final List<String> DEFAULT_JAVA_OPTIONS =
            List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m", "-Xss512k", "-XX:+ExitOnOutOfMemoryError");

    static final int DEFAULT_DB_PORT = 15432;

    static final int DEFAULT_START_TIMEOUT_SECONDS = 180;

    static final int DEFAULT_PROMETHEUS_PORT = 9090;

    /** @throws IllegalArgumentException naming the variable that is wrong */
    static LauncherSettings from(Map<String, String> env, Path workingDirectory) {
        Path root = workingDirectory.toAbsolutePath().normalize();
        String dataDir = value(env, "CITYFIN_DATA_DIR");
        String dbUrl = value(env, "CITYFIN_DB_URL");
        String javaOpts = value(env, "CITYFIN_JAVA_OPTS");
        String demoData = value(env, "CITYFIN_DEMO_DATA");
        String adminApiKey = value(env, AdminKey.VARIABLE);
        return new LauncherSettings(root,
                dataDir == null ? root.resolve(".cityfin") : root.resolve(dataDir).normalize(),
                dbUrl == null ? null : DatabaseUrl.parse(dbUrl),
                number(env, "CITYFIN_DB_PORT", DEFAULT_DB_PORT, 1, 65535),
                number(env, "CITYFIN_PORT_BASE", AppSpec.DEFAULT_PORT_BASE, 1, AppSpec.MAX_PORT_BASE),
                demoData == null ? "true" : demoData,
                javaOpts == null ? DEFAULT_JAVA_OPTIONS : Arrays.asList(javaOpts.strip().split("\\s+")),
                Duration.ofSeconds(number(env, "CITYFIN_START_TIMEOUT_SECONDS", DEFAULT_START_TIMEOUT_SECONDS, 1, 3600)),
                adminApiKey == null ? null : AdminKey.fromEnvironment(adminApiKey),
                signingKeys(env),
                "true".equalsIgnoreCase(value(env, "CITYFIN_PROMETHEUS")),
                number(env, "CITYFIN_PROMETHEUS_PORT", DEFAULT_PROMETHEUS_PORT, 1, 65535),
                passedOn(env),
                serviceApiKeys(env));
    }

    private static Map<String, String> serviceApiKeys(Map<String, String> env) {
        Map<String, String> keys = new TreeMap<>();
        for (String variable : ServiceKeys.VARIABLES.values()) {
            String value = value(env, variable);
            if (value != null) {
                keys.put(variable, value);
            }
        }
        return Map.copyOf(keys);
    }

    private static Map<String, String> passedOn(Map<String, String> env) {
        Map<String, String> passed = new TreeMap<>();
        env.forEach((name, value) -> {
            if ((name.startsWith("CITYFIN_") || name.startsWith("LOGGING_")) && !AppSpec.SECRET_VARIABLES.contains(name)) {
                passed.put(name, value);
            }
        });
        return Map.copyOf(passed);
    }

    /** Where the admin API key is when {@code CITYFIN_ADMIN_API_KEY} is unset. */
    Path adminKeyFile() {
        return dataDir.resolve(AdminKey.FILE_NAME);
    }

    /** Where the key pair is when the {@code CITYFIN_IDENTITY_*} variables are unset. */
    Path identityDir() {
        return dataDir.resolve(SigningKeys.DIRECTORY);
    }

    Path logDir() {
        return dataDir.resolve("logs");
    }

    /** The six apps on this run's ports. */
    List<AppSpec> apps() {
        return AppSpec.all(portBase);
    }

    /** All three {@code CITYFIN_IDENTITY_*} variables, or none: half a deployment setup is a mistake, not a choice. */
    private static @Nullable SigningKeys signingKeys(Map<String, String> env) {
        String signingKey = value(env, SigningKeys.SIGNING_KEY_VARIABLE);
        String keyId = value(env, SigningKeys.KEY_ID_VARIABLE);
        String publicKeys = value(env, SigningKeys.PUBLIC_KEYS_VARIABLE);
        if (signingKey != null && keyId != null && publicKeys != null) {
            return SigningKeys.fromEnvironment(signingKey, keyId, publicKeys);
        }
        List<String> set = SigningKeys.VARIABLES.stream().filter(name -> value(env, name) != null).toList();
        if (!set.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", SigningKeys.VARIABLES) + " go together: set all three,"
                    + " or none for the launcher's own key pair in <data>/" + SigningKeys.DIRECTORY + "; only "
                    + String.join(" and ", set) + (set.size() == 1 ? " is" : " are") + " set");
        }
        return null;
    }

    private static @Nullable String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    private static int number(Map<String, String> env, String name, int defaultValue, int min, int max) {
        String value = value(env, name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        }
        catch (NumberFormatException ex) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + ", not '" + value + "'");
    }

}
