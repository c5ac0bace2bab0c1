package io.cityfin.systemtests.infra;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One of the six apps as its own configuration describes it: {@code <module>/src/main/resources/application.yml}
 * over common's {@code cityfin-defaults.properties}, and the management port rule of {@code CityfinDefaults}.
 *
 * @param variables every environment variable its configuration reads as {@code ${NAME:default}}, with its default
 *     ({@code null} when there is none)
 * @param properties the effective properties: the defaults, overridden by the app's application.yml
 */
record AppConfig(String module, int port, int managementPort, String database, Map<String, Variable> variables,
        Map<String, String> properties) {

    static final String DEFAULTS = "common/src/main/resources/cityfin-defaults.properties";

    static final String MANAGEMENT_PORT_RULE = "common/src/main/java/io/cityfin/common/config/CityfinDefaults.java";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    private static final Pattern PORT = Pattern.compile("\\$\\{PORT:(\\d+)}|^(\\d+)$");

    /** An environment variable in a {@code ${NAME:default}} placeholder. */
    record Variable(String name, String defaultValue) {

        /**
         * Whether a deployment must set it: no usable default (none, or empty: the admin key), or a default that only
         * works on one machine ({@code DB_HOST}'s 127.0.0.1, the service URLs).
         */
        boolean needsValue() {
            return defaultValue == null || defaultValue.isBlank() || defaultValue.contains("127.0.0.1")
                    || defaultValue.contains("localhost");
        }
    }

    /** The apps: the root POM's modules that have a {@code src/main/resources/application.yml}. */
    static List<AppConfig> readAll(Repository repository) {
        String defaultsText = repository.read(DEFAULTS);
        Properties defaults = new Properties();
        try {
            defaults.load(new StringReader(defaultsText));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int offset = managementPortOffset(repository.read(MANAGEMENT_PORT_RULE));
        List<AppConfig> apps = new ArrayList<>();
        for (String module : repository.modules()) {
            String yml = module + "/src/main/resources/application.yml";
            if (repository.exists(yml)) {
                apps.add(read(module, repository.read(yml), Yaml.flatten(Yaml.load(repository.path(yml))), defaults,
                        defaultsText, offset));
            }
        }
        return apps;
    }

    private static AppConfig read(String module, String ymlText, Map<String, String> yml, Properties defaults,
            String defaultsText, int offset) {
        Map<String, String> properties = new LinkedHashMap<>();
        defaults.stringPropertyNames().stream().sorted().forEach(name -> properties.put(name, defaults.getProperty(name)));
        properties.putAll(yml);
        String name = properties.get("spring.application.name");
        if (!module.equals(name)) {
            throw new IllegalStateException(module + ": spring.application.name is " + name + ", not the module name");
        }
        String port = properties.getOrDefault("server.port", "");
        Matcher portMatch = PORT.matcher(port);
        if (!portMatch.find()) {
            throw new IllegalStateException(module + ": server.port " + port + " names no default port");
        }
        int publicPort = Integer.parseInt(portMatch.group(1) != null ? portMatch.group(1) : portMatch.group(2));
        String database = properties.get("cityfin.database");
        if (database == null) {
            throw new IllegalStateException(module + ": no cityfin.database");
        }
        Map<String, Variable> variables = new LinkedHashMap<>();
        for (String text : List.of(defaultsText, ymlText)) {
            Matcher placeholder = PLACEHOLDER.matcher(text);
            while (placeholder.find()) {
                variables.put(placeholder.group(1), new Variable(placeholder.group(1), placeholder.group(2)));
            }
        }
        return new AppConfig(module, publicPort, publicPort + offset, database, variables, properties);
    }

    static int managementPortOffset(String source) {
        Matcher offset = Pattern.compile("MANAGEMENT_PORT_OFFSET\\s*=\\s*(\\d+)").matcher(source);
        if (!offset.find()) {
            throw new IllegalStateException("no MANAGEMENT_PORT_OFFSET in " + MANAGEMENT_PORT_RULE);
        }
        return Integer.parseInt(offset.group(1));
    }

    boolean isGateway() {
        return module.equals("gateway");
    }

    /** The variable the gateway finds this service under, as its application.yml names it: {@code CREDIT_SERVICE_URL}. */
    String urlVariable() {
        return module.toUpperCase(Locale.ROOT).replace('-', '_') + "_URL";
    }

    /** Actuator's base path on the management port. */
    String actuatorBase() {
        return properties.getOrDefault("management.endpoints.web.base-path", "/actuator");
    }

    String livenessPath() {
        return healthGroupPath("liveness");
    }

    String readinessPath() {
        return healthGroupPath("readiness");
    }

    /** {@code /actuator/health/<group>}, when the app turns the probes on and defines the group. */
    private String healthGroupPath(String group) {
        boolean probes = Boolean.parseBoolean(properties.get("management.endpoint.health.probes.enabled"));
        if (!probes || !properties.containsKey("management.endpoint.health.group." + group + ".include")) {
            throw new IllegalStateException(module + " has no health group " + group);
        }
        return actuatorBase() + "/health/" + group;
    }

    String prometheusPath() {
        return actuatorBase() + "/prometheus";
    }

    Set<String> exposedEndpoints() {
        return Arrays.stream(properties.getOrDefault("management.endpoints.web.exposure.include", "health").split(","))
            .map(String::strip)
            .collect(Collectors.toSet());
    }
}
