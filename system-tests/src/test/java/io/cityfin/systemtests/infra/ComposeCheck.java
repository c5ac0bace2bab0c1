package io.cityfin.systemtests.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * Checks a compose file against the apps, statically (there is no Docker engine to run it): every app is a service
 * with the variables it needs and the right values, health checks on its management port, an image built from its
 * exec jar; PostgreSQL has every app's database; Prometheus and Grafana get their files. Returns the problems found,
 * each naming the service; none means the file fits.
 */
final class ComposeCheck {

    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)(:?[-?][^}]*)?}");

    private static final Pattern CREATE_DATABASE = Pattern.compile("(?i)CREATE\\s+DATABASE\\s+\"?(\\w+)\"?");

    private final Map<String, Object> compose;

    private final Path composeDir;

    private final DeploymentNeeds needs;

    private final Repository repository;

    private final List<String> problems = new ArrayList<>();

    private ComposeCheck(Map<String, Object> compose, Path composeDir, DeploymentNeeds needs, Repository repository) {
        this.compose = compose;
        this.composeDir = composeDir;
        this.needs = needs;
        this.repository = repository;
    }

    static List<String> problems(Map<String, Object> compose, Path composeDir, DeploymentNeeds needs, Repository repository) {
        ComposeCheck check = new ComposeCheck(compose, composeDir, needs, repository);
        check.run();
        return check.problems;
    }

    private void run() {
        Map<String, Object> services = Yaml.map(compose, "services");
        if (services.isEmpty()) {
            problems.add("no services");
            return;
        }
        for (AppConfig app : needs.apps()) {
            if (!services.containsKey(app.module())) {
                problems.add(app.module() + ": no service of that name");
                continue;
            }
            Map<String, Object> service = Yaml.map(services, app.module());
            checkEnvironment(app, service, services);
            checkPorts(app.module(), service, app.port(), app.managementPort());
            checkHealthcheck(app, service);
            checkBuild(app, service);
        }
        checkServiceKeys(services);
        services.forEach((name, service) -> checkVolumes(name, Yaml.asMap(service)));
        checkPrometheus(services);
        checkGrafana(services);
    }

    private void checkEnvironment(AppConfig app, Map<String, Object> service, Map<String, Object> services) {
        Map<String, String> env = environment(service);
        String name = app.module();
        for (String variable : needs.required(app)) {
            String value = env.get(variable);
            if (value == null || value.isBlank()) {
                problems.add(name + ": " + variable + " is not set (the app reads it and has no usable default)");
            }
        }
        needs.expectedValues(app).forEach((variable, expected) -> {
            if (env.containsKey(variable) && !expected.equals(env.get(variable))) {
                problems.add(name + ": " + variable + " is " + env.get(variable) + ", the app's is " + expected);
            }
        });
        for (String variable : needs.forbidden(app)) {
            if (env.containsKey(variable)) {
                problems.add(name + ": gets " + variable + ", which only the gateway may hold");
            }
        }
        for (String variable : needs.secrets()) {
            String value = env.get(variable);
            if (value != null && !isRequiredInterpolation(value)) {
                problems.add(name + ": " + variable + " is written into the file; use ${" + variable + ":?...} from the"
                        + " environment (.env) instead");
            }
        }
        String profiles = env.getOrDefault("SPRING_PROFILES_ACTIVE", "");
        if (List.of(profiles.split(",")).stream().map(String::strip).anyMatch(DeploymentNeeds.LOCAL_PROFILE::equals)) {
            problems.add(name + ": runs the local profile (" + DeploymentNeeds.LAUNCHER_ONLY.get("SPRING_PROFILES_ACTIVE") + ")");
        }
        env.forEach((variable, value) -> needs.urlTarget(variable).ifPresent(target -> {
            String expected = "http://" + target.module() + ":" + target.port();
            if (!value.equals(expected)) {
                problems.add(name + ": " + variable + " is " + value + ", expected " + expected);
            } else if (!services.containsKey(target.module())) {
                problems.add(name + ": " + variable + " points at a service that is not in the file");
            }
        }));
        checkDatabase(app, env, service, services);
        checkRateLimitStore(app, env, service, services);
    }

    /**
     * The gateway's shared rate-limit store: with {@code CITYFIN_RATE_LIMIT_STORE=redis}, {@code SPRING_DATA_REDIS_URL}
     * names a Redis service of the file that has a health check and that the gateway waits for. No service gets either.
     */
    private void checkRateLimitStore(AppConfig app, Map<String, String> env, Map<String, Object> service,
            Map<String, Object> services) {
        if (!app.isGateway()) {
            for (String variable : List.of(DeploymentNeeds.RATE_LIMIT_STORE_VARIABLE, DeploymentNeeds.REDIS_URL_VARIABLE)) {
                if (env.containsKey(variable)) {
                    problems.add(app.module() + ": gets " + variable + ", which only the gateway reads");
                }
            }
            return;
        }
        if (!"redis".equals(env.get(DeploymentNeeds.RATE_LIMIT_STORE_VARIABLE))) {
            return;
        }
        String url = env.getOrDefault(DeploymentNeeds.REDIS_URL_VARIABLE, "");
        Matcher redisUrl = DeploymentNeeds.REDIS_URL.matcher(url);
        if (!redisUrl.matches()) {
            problems.add(app.module() + ": the rate-limit store is redis, but SPRING_DATA_REDIS_URL is '" + url
                    + "', not redis://<service>:<port>");
            return;
        }
        String host = redisUrl.group(1);
        if (!services.containsKey(host) || !String.valueOf(Yaml.map(services, host).get("image")).startsWith("redis:")) {
            problems.add(app.module() + ": SPRING_DATA_REDIS_URL names " + host + ", which is no service of the file with a redis image");
            return;
        }
        if (Yaml.map(services, host).get("healthcheck") == null) {
            problems.add(host + ": no healthcheck, so service_healthy never holds");
        }
        if (!"service_healthy".equals(Yaml.text(service, "depends_on", host, "condition"))) {
            problems.add(app.module() + ": does not wait for " + host + " to be healthy (depends_on ... service_healthy)");
        }
    }

    /**
     * Each service's own API key: the gateway and that service take it from the same place (the same {@code ${VAR}}
     * of {@code .env}), and no other app gets it.
     */
    private void checkServiceKeys(Map<String, Object> services) {
        Optional<AppConfig> gateway = needs.apps().stream().filter(AppConfig::isGateway).findFirst();
        if (gateway.isEmpty() || !services.containsKey(gateway.get().module())) {
            return;
        }
        Map<String, String> gatewayEnv = environment(Yaml.map(services, gateway.get().module()));
        needs.serviceKeys().forEach((owner, variable) -> {
            for (AppConfig app : needs.apps()) {
                if (app.isGateway() || !services.containsKey(app.module())) {
                    continue;
                }
                Map<String, String> env = environment(Yaml.map(services, app.module()));
                if (!app.module().equals(owner)) {
                    if (env.containsKey(variable)) {
                        problems.add(app.module() + ": gets " + variable + ", which only the gateway and " + owner + " may hold");
                    }
                } else if (env.containsKey(variable) && gatewayEnv.containsKey(variable)
                        && !env.get(variable).equals(gatewayEnv.get(variable))) {
                    problems.add(owner + ": " + variable + " is " + env.get(variable) + ", the gateway's is "
                            + gatewayEnv.get(variable) + "; both must take the same key");
                }
            }
        });
    }

    private void checkDatabase(AppConfig app, Map<String, String> env, Map<String, Object> service,
            Map<String, Object> services) {
        String host = env.get("DB_HOST");
        if (host == null) {
            return;
        }
        if (!services.containsKey(host)) {
            problems.add(app.module() + ": DB_HOST " + host + " is not a service in the file");
            return;
        }
        Map<String, Object> postgres = Yaml.map(services, host);
        if (!String.valueOf(postgres.get("image")).startsWith("postgres:")) {
            problems.add(app.module() + ": DB_HOST " + host + " does not run a postgres image");
        }
        if (!"service_healthy".equals(Yaml.text(service, "depends_on", host, "condition"))) {
            problems.add(app.module() + ": does not wait for " + host + " to be healthy (depends_on ... service_healthy)");
        }
        if (postgres.get("healthcheck") == null) {
            problems.add(host + ": no healthcheck, so service_healthy never holds");
        }
        Map<String, String> postgresEnv = environment(postgres);
        if (env.containsKey("DB_USER") && !env.get("DB_USER").equals(postgresEnv.get("POSTGRES_USER"))) {
            problems.add(app.module() + ": DB_USER " + env.get("DB_USER") + " is not " + host + "'s POSTGRES_USER, who owns"
                    + " the databases");
        }
        if (env.containsKey("DB_PASSWORD") && !env.get("DB_PASSWORD").equals(postgresEnv.get("POSTGRES_PASSWORD"))) {
            problems.add(app.module() + ": DB_PASSWORD is not " + host + "'s POSTGRES_PASSWORD");
        }
        Set<String> created = createdDatabases(host, postgres);
        String database = env.getOrDefault("DB_NAME", app.database());
        if (!created.contains(database)) {
            problems.add(app.module() + ": database " + database + " is not created by " + host
                    + "'s /docker-entrypoint-initdb.d scripts (creates " + created + ")");
        }
    }

    private Set<String> createdDatabases(String name, Map<String, Object> postgres) {
        Set<String> created = new LinkedHashSet<>();
        Optional<Path> initDir = bindMountSource(postgres, "/docker-entrypoint-initdb.d");
        if (initDir.isEmpty() || !Files.isDirectory(initDir.get())) {
            return created;
        }
        try (Stream<Path> files = Files.list(initDir.get())) {
            files.filter(file -> file.toString().endsWith(".sql")).sorted().forEach(file -> {
                Matcher database = CREATE_DATABASE.matcher(Yaml.read(file));
                while (database.find()) {
                    created.add(database.group(1));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return created;
    }

    private void checkPorts(String name, Map<String, Object> service, int... ports) {
        Map<Integer, Integer> published = new LinkedHashMap<>();
        for (Object entry : Yaml.list(service, "ports")) {
            if (entry instanceof Map<?, ?> map) {
                published.put(Integer.valueOf(String.valueOf(map.get("target"))),
                        Integer.valueOf(String.valueOf(map.get("published"))));
            } else {
                String[] parts = String.valueOf(entry).replaceAll("/(tcp|udp)$", "").split(":");
                published.put(Integer.valueOf(parts[parts.length - 1]),
                        Integer.valueOf(parts.length > 1 ? parts[parts.length - 2] : parts[0]));
            }
        }
        for (int port : ports) {
            if (!Integer.valueOf(port).equals(published.get(port))) {
                problems.add(name + ": port " + port + " is not published as " + port + " (architecture.md, \"Ports on one"
                        + " machine\"); published: " + published);
            }
        }
    }

    private void checkHealthcheck(AppConfig app, Map<String, Object> service) {
        List<Object> test = Yaml.list(service, "healthcheck", "test");
        String command = String.join(" ", test.stream().map(String::valueOf).toList());
        if (test.isEmpty()) {
            problems.add(app.module() + ": no healthcheck");
            return;
        }
        if (!command.contains(Integer.toString(app.managementPort())) || !command.contains(app.readinessPath())) {
            problems.add(app.module() + ": healthcheck [" + command + "] does not ask " + app.readinessPath()
                    + " on the management port " + app.managementPort());
        }
        String executable = String.valueOf(test.get(0)).equals("CMD") && test.size() > 1 ? String.valueOf(test.get(1)) : null;
        Optional<Path> dockerfile = dockerfile(service);
        if (executable != null && dockerfile.isPresent() && Files.isRegularFile(dockerfile.get())
                && !Yaml.read(dockerfile.get()).contains(executable)) {
            problems.add(app.module() + ": the healthcheck runs " + executable + ", which its Dockerfile does not install");
        }
    }

    private void checkBuild(AppConfig app, Map<String, Object> service) {
        String name = app.module();
        String image = Yaml.text(service, "image");
        String version = repository.projectVersion();
        if (image == null || !image.equals("cityfin/" + name + ":" + version)) {
            problems.add(name + ": image " + image + " is not cityfin/" + name + ":" + version + " (the name k8s/ uses)");
        }
        Optional<Path> dockerfile = dockerfile(service);
        if (dockerfile.isEmpty() || !Files.isRegularFile(dockerfile.get())) {
            problems.add(name + ": no build with an existing dockerfile");
            return;
        }
        if (!name.equals(Yaml.text(service, "build", "args", "MODULE"))) {
            problems.add(name + ": build arg MODULE is " + Yaml.text(service, "build", "args", "MODULE"));
        }
        String text = Yaml.read(dockerfile.get());
        String jar = "${MODULE}/target/${MODULE}-${VERSION}-" + repository.execClassifier() + ".jar";
        if (!text.contains(jar) || !text.contains("ARG VERSION=" + version)) {
            problems.add(name + ": " + composeDir.relativize(dockerfile.get()) + " does not copy " + jar + " with VERSION="
                    + version + " (the jar spring-boot's repackage makes)");
        }
        Path context = composeDir.resolve(Yaml.text(service, "build", "context")).normalize();
        Matcher copy = Pattern.compile("(?m)^COPY\\s+(?!--from)(\\S+)\\s").matcher(text);
        while (copy.find()) {
            if (!copy.group(1).contains("${") && !Files.exists(context.resolve(copy.group(1)))) {
                problems.add(name + ": the Dockerfile copies " + copy.group(1) + ", which is not in the build context");
            }
        }
        Path ignore = dockerfile.get().resolveSibling(dockerfile.get().getFileName() + ".dockerignore");
        if (Files.isRegularFile(ignore) && !Yaml.read(ignore).contains("-" + repository.execClassifier() + ".jar")) {
            problems.add(name + ": " + ignore.getFileName() + " keeps the exec jars out of the build context");
        }
    }

    private Optional<Path> dockerfile(Map<String, Object> service) {
        String context = Yaml.text(service, "build", "context");
        if (context == null) {
            return Optional.empty();
        }
        String file = Optional.ofNullable(Yaml.text(service, "build", "dockerfile")).orElse("Dockerfile");
        return Optional.of(composeDir.resolve(context).resolve(file).normalize());
    }

    private void checkVolumes(String name, Map<String, Object> service) {
        Map<String, Object> declared = Yaml.map(compose, "volumes");
        for (Object volume : Yaml.list(service, "volumes")) {
            String[] parts = String.valueOf(volume).split(":");
            String source = parts[0];
            if (source.startsWith(".") || source.startsWith("/")) {
                if (!Files.exists(composeDir.resolve(source))) {
                    problems.add(name + ": mounts " + source + ", which does not exist beside the compose file");
                }
            } else if (!compose.containsKey("volumes") || !declared.containsKey(source)) {
                problems.add(name + ": named volume " + source + " is not declared under volumes");
            }
        }
    }

    private void checkPrometheus(Map<String, Object> services) {
        Optional<String> found = serviceWithImage(services, "prom/prometheus:");
        if (found.isEmpty()) {
            problems.add("no Prometheus service (prom/prometheus image)");
            return;
        }
        String name = found.get();
        Map<String, Object> prometheus = Yaml.map(services, name);
        checkPorts(name, prometheus, 9090);
        String configFile = Yaml.list(prometheus, "command").stream().map(String::valueOf)
            .filter(argument -> argument.startsWith("--config.file=")).map(argument -> argument.substring(14))
            .findFirst().orElse("/etc/prometheus/prometheus.yml");
        Optional<Path> config = hostPathOf(prometheus, configFile);
        if (config.isEmpty() || !Files.isRegularFile(config.get())) {
            problems.add(name + ": " + configFile + " is not a mounted file");
            return;
        }
        Map<String, Object> scrape = Yaml.load(config.get());
        for (Object rules : Yaml.list(scrape, "rule_files")) {
            Path dir = config.get().resolveSibling(String.valueOf(rules)).getParent();
            if (!Files.isDirectory(dir)) {
                problems.add(name + ": rule_files " + rules + " names a folder that does not exist");
            }
        }
        for (AppConfig app : needs.apps()) {
            String target = app.module() + ":" + app.managementPort();
            boolean scraped = Yaml.list(scrape, "scrape_configs").stream().map(Yaml::asMap)
                .filter(job -> app.prometheusPath().equals(Yaml.text(job, "metrics_path")))
                .flatMap(job -> Yaml.list(job, "static_configs").stream())
                .flatMap(targets -> Yaml.list(targets, "targets").stream())
                .anyMatch(target::equals);
            if (!scraped) {
                problems.add(name + ": " + configFile + " does not scrape " + target + app.prometheusPath());
            }
            if (!app.exposedEndpoints().contains("prometheus")) {
                problems.add(app.module() + ": does not expose the prometheus endpoint that is scraped");
            }
        }
    }

    private void checkGrafana(Map<String, Object> services) {
        Optional<String> found = serviceWithImage(services, "grafana/grafana:");
        if (found.isEmpty()) {
            problems.add("no Grafana service (grafana/grafana image)");
            return;
        }
        String name = found.get();
        Map<String, Object> grafana = Yaml.map(services, name);
        checkPorts(name, grafana, 3000);
        Optional<Path> provisioning = bindMountSource(grafana, "/etc/grafana/provisioning");
        Optional<Path> dashboards = bindMountSource(grafana, "/var/lib/grafana/dashboards");
        if (provisioning.isEmpty() || dashboards.isEmpty()) {
            problems.add(name + ": provisioning (/etc/grafana/provisioning) or dashboards (/var/lib/grafana/dashboards)"
                    + " not mounted");
            return;
        }
        try (Stream<Path> files = Files.walk(provisioning.get())) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yml")).toList()) {
                Map<String, Object> provider = Yaml.load(file);
                for (Object source : Yaml.list(provider, "datasources")) {
                    Matcher url = Pattern.compile("https?://([^:/]+):(\\d+)").matcher(String.valueOf(Yaml.text(source, "url")));
                    if (!url.find() || !services.containsKey(url.group(1))) {
                        problems.add(name + ": data source " + Yaml.text(source, "url") + " is not a service in the file");
                    }
                }
                for (Object dashboardProvider : Yaml.list(provider, "providers")) {
                    String path = Yaml.text(dashboardProvider, "options", "path");
                    if (path != null && hostPathOf(grafana, path).isEmpty()) {
                        problems.add(name + ": dashboards path " + path + " is not mounted");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> serviceWithImage(Map<String, Object> services, String imagePrefix) {
        return services.entrySet().stream()
            .filter(entry -> String.valueOf(Yaml.text(entry.getValue(), "image")).startsWith(imagePrefix))
            .map(Map.Entry::getKey).findFirst();
    }

    /** The host folder bind-mounted exactly at {@code target}. */
    private Optional<Path> bindMountSource(Map<String, Object> service, String target) {
        for (Object volume : Yaml.list(service, "volumes")) {
            String[] parts = String.valueOf(volume).split(":");
            if (parts.length >= 2 && parts[1].equals(target) && (parts[0].startsWith(".") || parts[0].startsWith("/"))) {
                return Optional.of(composeDir.resolve(parts[0]).normalize());
            }
        }
        return Optional.empty();
    }

    /** Where a container path lives on the host, through the bind mount that holds it. */
    private Optional<Path> hostPathOf(Map<String, Object> service, String containerPath) {
        for (Object volume : Yaml.list(service, "volumes")) {
            String[] parts = String.valueOf(volume).split(":");
            if (parts.length >= 2 && (parts[0].startsWith(".") || parts[0].startsWith("/"))
                    && (containerPath.equals(parts[1]) || containerPath.startsWith(parts[1] + "/"))) {
                return Optional.of(composeDir.resolve(parts[0]).resolve(containerPath.substring(parts[1].length())
                    .replaceFirst("^/", "")).normalize());
            }
        }
        return Optional.empty();
    }

    /** The service's environment, from the map form or the {@code NAME=value} list form. */
    static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object environment = service.get("environment");
        if (environment instanceof Map<?, ?> map) {
            map.forEach((key, value) -> env.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
        } else if (environment instanceof List<?> list) {
            for (Object entry : list) {
                String[] pair = String.valueOf(entry).split("=", 2);
                env.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
        }
        return env;
    }

    /** {@code ${NAME}} or {@code ${NAME:?message}}: from the environment, with no fallback written in the file. */
    private static boolean isRequiredInterpolation(String value) {
        Matcher interpolation = INTERPOLATION.matcher(value);
        return interpolation.matches() && (interpolation.group(2) == null || interpolation.group(2).contains("?"));
    }
}
