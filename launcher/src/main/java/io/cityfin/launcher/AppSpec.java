package io.cityfin.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One of the six apps: its Maven module, public port and database. Ports follow architecture.md
 * ("Ports on one machine"): gateway 8080, the services 8081–8085, management = public + 1000.
 */
record AppSpec(String module, int port, String database) {

    /** The gateway's public port; the services follow it in this order. */
    static final int DEFAULT_PORT_BASE = 8080;

    /** The highest port base whose last management port ({@code base + 5 + 1000}) is still a port. */
    static final int MAX_PORT_BASE = 65535 - 1005;

    static final List<AppSpec> ALL = all(DEFAULT_PORT_BASE);

    static final String VERSION = "0.0.1-SNAPSHOT";

    /**
     * The secrets only the gateway gets: the admin API key and the private signing key (with its key id). An app
     * inherits the launcher's environment, so {@link AppProcesses} also takes these out of what a service inherits.
     */
    static final Set<String> GATEWAY_ONLY_VARIABLES =
            Set.of(AdminKey.VARIABLE, SigningKeys.SIGNING_KEY_VARIABLE, SigningKeys.KEY_ID_VARIABLE);

    /**
     * Every secret an app gets only from {@link #environment}: the gateway-only ones and the services' own API keys
     * (each to the gateway and its own service). {@link AppProcesses} takes them out of what an app inherits, and
     * the launcher does not pass them on as it passes other {@code CITYFIN_*} variables.
     */
    static final Set<String> SECRET_VARIABLES = secretVariables();

    /** Where a service that calls the gateway finds it ({@code cityfin.published.gateway-url}). */
    static final String GATEWAY_URL_VARIABLE = "CITYFIN_GATEWAY_URL";

    /** The six apps with the gateway on {@code portBase} and the services on the next five ports. */
    static List<AppSpec> all(int portBase) {
        return List.of(
                new AppSpec("gateway", portBase, "cityfin_gateway"),
                new AppSpec("credit-service", portBase + 1, "cityfin_credit"),
                new AppSpec("insurance-service", portBase + 2, "cityfin_insurance"),
                new AppSpec("capital-market-service", portBase + 3, "cityfin_capital_market"),
                new AppSpec("platform-service", portBase + 4, "cityfin_platform"),
                new AppSpec("risk-service", portBase + 5, "cityfin_risk"));
    }

    private static Set<String> secretVariables() {
        Set<String> secrets = new java.util.LinkedHashSet<>(GATEWAY_ONLY_VARIABLES);
        secrets.addAll(ServiceKeys.VARIABLES.values());
        return Set.copyOf(secrets);
    }

    static List<String> databases() {
        return ALL.stream().map(AppSpec::database).toList();
    }

    int managementPort() {
        return port + 1000;
    }

    boolean isGateway() {
        return module.equals("gateway");
    }

    /** The runnable jar the module's build makes (the spring-boot repackage with the {@code exec} classifier). */
    Path jar(Path repoRoot) {
        return repoRoot.resolve(module).resolve("target").resolve(module + "-" + VERSION + "-exec.jar");
    }

    URI readinessUri() {
        return URI.create("http://127.0.0.1:" + managementPort() + "/actuator/health/readiness");
    }

    String publicUrl() {
        return "http://localhost:" + port;
    }

    String managementUrl() {
        return "http://localhost:" + managementPort() + "/actuator/health";
    }

    /** The name of the variable that tells the gateway where this service is: {@code CREDIT_SERVICE_URL}. */
    String urlVariable() {
        return module.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL";
    }

    /**
     * The variables this app is started with, on top of the launcher's own environment: the launcher's
     * {@code CITYFIN_*} and {@code LOGGING_*} variables, then this app's own. Every app gets the public key(s) of the
     * internal tokens; only the gateway gets the admin API key, the private signing key and every service's API key;
     * a service that calls the gateway gets its own API key and the gateway's URL.
     */
    Map<String, String> environment(DatabaseUrl server, LauncherSettings settings, AdminKey adminKey,
            SigningKeys signingKeys, ServiceKeys serviceKeys) {
        Map<String, String> env = new LinkedHashMap<>(settings.passedOn());
        env.put("PORT", Integer.toString(port));
        env.put("MANAGEMENT_PORT", Integer.toString(managementPort()));
        env.put("DB_HOST", server.host());
        env.put("DB_PORT", Integer.toString(server.port()));
        env.put("DB_NAME", database);
        env.put("DB_USER", server.user());
        env.put("DB_PASSWORD", server.password());
        env.put("SPRING_PROFILES_ACTIVE", "local");
        env.put("CITYFIN_DATA_DIR", settings.dataDir().toString());
        env.put("CITYFIN_DEMO_DATA", settings.demoData());
        env.put(SigningKeys.PUBLIC_KEYS_VARIABLE, signingKeys.publicKeys());
        if (isGateway()) {
            env.put(AdminKey.VARIABLE, adminKey.value());
            env.put(SigningKeys.SIGNING_KEY_VARIABLE, signingKeys.signingKey());
            env.put(SigningKeys.KEY_ID_VARIABLE, signingKeys.keyId());
            for (AppSpec service : settings.apps()) {
                if (!service.isGateway()) {
                    env.put(service.urlVariable(), "http://127.0.0.1:" + service.port());
                }
            }
            for (ServiceKeys.Key serviceKey : serviceKeys.all()) {
                env.put(serviceKey.variable(), serviceKey.value());
            }
        }
        ServiceKeys.Key ownKey = serviceKeys.of(module);
        if (ownKey != null) {
            env.put(GATEWAY_URL_VARIABLE, "http://127.0.0.1:" + settings.portBase());
            env.put(ownKey.variable(), ownKey.value());
        }
        return env;
    }

}
