package io.cityfin.systemtests.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a deployment (compose, Kubernetes) must give each app, derived from the apps and the launcher: the launcher's
 * variables except the local-run-only ones, plus every placeholder without a usable default. The gateway-only
 * secrets must not reach a service (architecture.md: no service can mint a token).
 */
record DeploymentNeeds(List<AppConfig> apps, LauncherEnvironment launcher) {

    /**
     * Launcher variables a deployment leaves out, and why. {@link #unjustifiedLauncherOnly} checks the reasons still
     * hold.
     */
    static final Map<String, String> LAUNCHER_ONLY = Map.of(
            "SPRING_PROFILES_ACTIVE", "the local profile lets the gateway run on a generated signing key; a deployment"
                    + " configures the key pair instead, so it must not run the local profile",
            "CITYFIN_DATA_DIR", "the launcher's own folder (embedded PostgreSQL, keys, logs); no app reads it");

    /** The local-run profile a deployment must not activate. */
    static final String LOCAL_PROFILE = "local";

    /** Where a calling service finds the gateway (its {@code cityfin.published.gateway-url}). */
    static final String GATEWAY_URL_VARIABLE = "CITYFIN_GATEWAY_URL";

    /** The gateway's rate-limit store ({@code memory} or {@code redis}) and, for {@code redis}, where Redis is. */
    static final String RATE_LIMIT_STORE_VARIABLE = "CITYFIN_RATE_LIMIT_STORE";
    static final String REDIS_URL_VARIABLE = "SPRING_DATA_REDIS_URL";
    static final Pattern REDIS_URL = Pattern.compile("redis://([\\w.-]+):(\\d+)/?");

    /** The gateway's configured service keys: {@code cityfin.gateway.keys.service-keys.<service>: ${VARIABLE:}}. */
    private static final String SERVICE_KEYS_PREFIX = "cityfin.gateway.keys.service-keys.";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");

    static DeploymentNeeds read(Repository repository) {
        return new DeploymentNeeds(AppConfig.readAll(repository), LauncherEnvironment.read(repository));
    }

    /** The variables {@code app} must be given, in a stable order. */
    Set<String> required(AppConfig app) {
        Set<String> required = new LinkedHashSet<>();
        addLauncherVariables(launcher.everyApp(), required, app);
        if (app.isGateway()) {
            addLauncherVariables(launcher.gatewayOnly(), required, app);
        }
        if (serviceKeys().containsKey(app.module())) {
            addLauncherVariables(launcher.callersOnly(), required, app);
        }
        app.variables().values().stream().filter(AppConfig.Variable::needsValue).map(AppConfig.Variable::name)
            .forEach(required::add);
        required.removeAll(LAUNCHER_ONLY.keySet());
        return required;
    }

    /**
     * What a service must never be given: the gateway's secrets (and its view of the other services). The services'
     * own API keys are left to {@link #serviceKeys}: each belongs to the gateway and one service.
     */
    Set<String> forbidden(AppConfig app) {
        if (app.isGateway()) {
            return Set.of();
        }
        Set<String> forbidden = new LinkedHashSet<>();
        addLauncherVariables(launcher.gatewayOnly(), forbidden, app);
        forbidden.removeAll(serviceKeys().values());
        return forbidden;
    }

    /**
     * The services that call the gateway with a key of their own, each with the variable that holds it: the gateway's
     * {@code cityfin.gateway.keys.service-keys.<service>: ${VARIABLE:}}. The gateway and that service must get the same
     * key, and no other app may get it.
     */
    Map<String, String> serviceKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        apps.stream().filter(AppConfig::isGateway).findFirst().ifPresent(gateway -> gateway.properties().forEach((name, value) -> {
            Matcher placeholder = PLACEHOLDER.matcher(value);
            if (name.startsWith(SERVICE_KEYS_PREFIX) && placeholder.find()) {
                keys.put(name.substring(SERVICE_KEYS_PREFIX.length()), placeholder.group(1));
            }
        }));
        return keys;
    }

    /** The values that follow from the app itself: its ports and its database. */
    Map<String, String> expectedValues(AppConfig app) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("PORT", Integer.toString(app.port()));
        values.put("MANAGEMENT_PORT", Integer.toString(app.managementPort()));
        values.put("DB_NAME", app.database());
        values.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        return values;
    }

    /** The app a {@code *_URL} variable of the gateway points at, or the gateway for a service's {@code CITYFIN_GATEWAY_URL}. */
    Optional<AppConfig> urlTarget(String variable) {
        if (variable.equals(GATEWAY_URL_VARIABLE)) {
            return apps.stream().filter(AppConfig::isGateway).findFirst();
        }
        return apps.stream().filter(app -> !app.isGateway() && app.urlVariable().equals(variable)).findFirst();
    }

    /** Variables whose values are secrets: they must come from the environment or a Secret, never the file itself. */
    Set<String> secrets() {
        Set<String> secrets = new LinkedHashSet<>(launcher.gatewayOnly());
        secrets.remove(LauncherEnvironment.URL_VARIABLES);
        secrets.remove(LauncherEnvironment.SERVICE_KEYS);
        secrets.addAll(serviceKeys().values());
        secrets.add("DB_PASSWORD");
        return secrets;
    }

    AppConfig app(String module) {
        return apps.stream().filter(app -> app.module().equals(module)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no app " + module));
    }

    /** Any file as text, binary ones too: a variable name is ASCII either way. */
    private static String latin1(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void addLauncherVariables(Set<String> names, Set<String> into, AppConfig app) {
        for (String name : names) {
            switch (name) {
                case LauncherEnvironment.URL_VARIABLES ->
                        apps.stream().filter(other -> !other.isGateway()).map(AppConfig::urlVariable).forEach(into::add);
                case LauncherEnvironment.SERVICE_KEYS -> into.addAll(serviceKeys().values());
                case LauncherEnvironment.OWN_SERVICE_KEY -> {
                    String own = serviceKeys().get(app.module());
                    if (own != null) {
                        into.add(own);
                    }
                }
                default -> into.add(name);
            }
        }
    }

    /**
     * Launcher-only variables an app's main code or resources do read after all (apart from the profile, which
     * Spring reads): then leaving them out of a deployment would be a mistake.
     */
    static List<String> unjustifiedLauncherOnly(Repository repository) {
        List<String> problems = new ArrayList<>();
        List<String> modules = new ArrayList<>(repository.modules());
        modules.remove("launcher");
        modules.remove("system-tests");
        for (String module : modules) {
            Path main = repository.path(module + "/src/main");
            if (!Files.isDirectory(main)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(main)) {
                files.filter(Files::isRegularFile).forEach(file -> {
                    String text = latin1(file);
                    LAUNCHER_ONLY.keySet().stream()
                        .filter(name -> !name.equals("SPRING_PROFILES_ACTIVE"))
                        .filter(text::contains)
                        .forEach(name -> problems.add(repository.root().relativize(file) + " reads " + name
                                + ", which the deployment files leave out as launcher-only"));
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return problems;
    }
}
