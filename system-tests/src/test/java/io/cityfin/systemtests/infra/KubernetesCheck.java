package io.cityfin.systemtests.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks {@code infra/k8s} against the apps: the kustomization lists exactly the plain manifests; each app has a
 * Deployment with its ports, the variables it needs (from env, ConfigMaps, and Secrets that exist or that the README
 * creates), liveness and readiness probes on the Actuator groups at the management port and scrape annotations; the
 * Services, HorizontalPodAutoscalers and PodDisruptionBudgets point at existing Deployments; the optional
 * ServiceMonitor and PostgreSQL cluster fit too. Kustomize's labels are applied first, as {@code kubectl kustomize}
 * would. Returns the problems found; none means the manifests fit.
 */
final class KubernetesCheck {

    private static final Set<String> KUSTOMIZATION_FIELDS = Set.of("apiVersion", "kind", "namespace", "labels",
            "commonLabels", "commonAnnotations", "resources", "images");

    private static final Pattern CREATED_BY_HAND = Pattern.compile(
            "kubectl\\s+(?:(?:-n|--namespace)[ =]\\S+\\s+)?create\\s+(secret\\s+generic|configmap)\\s+([\\w.-]+)([^\\n]*)");

    private static final Pattern FROM_KEY = Pattern.compile("--from-(?:literal|file)=([\\w.-]+)=");

    private static final Pattern CREATE_DATABASE = Pattern.compile("(?i)CREATE\\s+DATABASE\\s+\"?(\\w+)\"?");

    private final Manifests manifests;

    private final DeploymentNeeds needs;

    private final Repository repository;

    private final List<String> problems = new ArrayList<>();

    /** The listed resources' objects, with kustomize's labels applied. */
    private final List<Map<String, Object>> objects = new ArrayList<>();

    private final List<Map<String, Object>> optionalObjects = new ArrayList<>();

    /** Secret or ConfigMap name -> keys, for everything a pod may reference. */
    private final Map<String, Set<String>> secretKeys = new LinkedHashMap<>();

    private final Map<String, Map<String, String>> configMaps = new LinkedHashMap<>();

    /** Deployment -> variable -> where its value comes from ({@code Secret cityfin-service-keys key risk-service}, ...). */
    private final Map<String, Map<String, String>> sources = new LinkedHashMap<>();

    private KubernetesCheck(Manifests manifests, DeploymentNeeds needs, Repository repository) {
        this.manifests = manifests;
        this.needs = needs;
        this.repository = repository;
    }

    static List<String> problems(Manifests manifests, DeploymentNeeds needs, Repository repository) {
        KubernetesCheck check = new KubernetesCheck(manifests, needs, repository);
        check.run();
        return check.problems;
    }

    private void run() {
        checkKustomization();
        indexConfiguration();
        for (AppConfig app : needs.apps()) {
            Optional<Map<String, Object>> deployment = find("Deployment", app.module());
            if (deployment.isEmpty()) {
                problems.add(app.module() + ": no Deployment of that name");
                continue;
            }
            checkDeployment(app, deployment.get());
            checkAppService(app);
            if (objects.stream().noneMatch(object -> "HorizontalPodAutoscaler".equals(kind(object))
                    && app.module().equals(Yaml.text(object, "spec", "scaleTargetRef", "name")))) {
                problems.add(app.module() + ": no HorizontalPodAutoscaler");
            }
        }
        checkServiceKeys();
        for (Map<String, Object> object : objects) {
            switch (kind(object)) {
                case "Service" -> checkSelectorAndPorts(object);
                case "HorizontalPodAutoscaler" -> checkAutoscaler(object);
                case "PodDisruptionBudget" -> checkSelects("PodDisruptionBudget " + name(object),
                        Yaml.map(object, "spec", "selector", "matchLabels"));
                default -> {
                }
            }
        }
        for (Map<String, Object> object : optionalObjects) {
            switch (kind(object)) {
                case "ServiceMonitor" -> checkServiceMonitor(object);
                case "Cluster" -> checkPostgresCluster(object);
                default -> {
                }
            }
        }
    }

    private void checkKustomization() {
        Map<String, Object> kustomization = manifests.kustomization();
        kustomization.keySet().stream().filter(key -> !KUSTOMIZATION_FIELDS.contains(key))
            .forEach(key -> problems.add("kustomization.yaml: field " + key + " is not one this check knows"));
        List<String> listed = Yaml.list(kustomization, "resources").stream().map(String::valueOf).toList();
        for (String resource : listed) {
            if (!manifests.files().containsKey(resource)) {
                problems.add("kustomization.yaml: resource " + resource + " does not exist");
            } else if (resource.startsWith(Manifests.OPTIONAL)) {
                problems.add("kustomization.yaml: lists " + resource + ", which needs a CRD a cluster may lack");
            }
        }
        manifests.files().forEach((file, documents) -> {
            if (file.startsWith(Manifests.OPTIONAL)) {
                optionalObjects.addAll(documents);
            } else if (!listed.contains(file)) {
                problems.add(file + ": not listed in kustomization.yaml");
            } else {
                documents.forEach(document -> objects.add(withKustomizeLabels(document)));
            }
        });
        String namespace = Yaml.text(kustomization, "namespace");
        if (namespace != null) {
            if (find("Namespace", namespace).isEmpty()) {
                problems.add("kustomization.yaml: namespace " + namespace + " is not created by any resource");
            }
            for (Map<String, Object> object : optionalObjects) {
                if (!namespace.equals(Yaml.text(object, "metadata", "namespace"))) {
                    problems.add(kind(object) + " " + name(object) + ": not in namespace " + namespace);
                }
            }
        }
    }

    /** The labels kustomize adds: to every object, to pod templates and selectors as the kustomization says. */
    private Map<String, Object> withKustomizeLabels(Map<String, Object> object) {
        Map<String, Object> kustomization = manifests.kustomization();
        List<Object[]> sets = new ArrayList<>();
        if (!Yaml.map(kustomization, "commonLabels").isEmpty()) {
            sets.add(new Object[] {Yaml.map(kustomization, "commonLabels"), true, true});
        }
        for (Object entry : Yaml.list(kustomization, "labels")) {
            sets.add(new Object[] {Yaml.map(entry, "pairs"), Boolean.parseBoolean(Yaml.text(entry, "includeSelectors")),
                Boolean.parseBoolean(Yaml.text(entry, "includeTemplates"))});
        }
        for (Object[] set : sets) {
            @SuppressWarnings("unchecked")
            Map<String, Object> pairs = (Map<String, Object>) set[0];
            boolean selectors = (Boolean) set[1];
            boolean templates = selectors || (Boolean) set[2];
            putAll(object, pairs, "metadata", "labels");
            if (templates && Yaml.at(object, "spec", "template") != null) {
                putAll(object, pairs, "spec", "template", "metadata", "labels");
            }
            if (selectors) {
                if ("Service".equals(kind(object))) {
                    putAll(object, pairs, "spec", "selector");
                } else if (Yaml.at(object, "spec", "selector") != null) {
                    putAll(object, pairs, "spec", "selector", "matchLabels");
                }
            }
        }
        return object;
    }

    private static void putAll(Map<String, Object> object, Map<String, Object> pairs, String... path) {
        Map<String, Object> current = object;
        for (String step : path) {
            if (!(current.get(step) instanceof Map<?, ?>)) {
                current.put(step, new LinkedHashMap<String, Object>());
            }
            current = Yaml.asMap(current.get(step));
        }
        current.putAll(pairs);
    }

    private void indexConfiguration() {
        for (Map<String, Object> object : objects) {
            if ("ConfigMap".equals(kind(object))) {
                Map<String, String> data = new LinkedHashMap<>();
                Yaml.map(object, "data").forEach((key, value) -> data.put(key, String.valueOf(value)));
                configMaps.put(name(object), data);
            } else if ("Secret".equals(kind(object))) {
                Set<String> keys = new LinkedHashSet<>(Yaml.map(object, "data").keySet());
                keys.addAll(Yaml.map(object, "stringData").keySet());
                secretKeys.put(name(object), keys);
            }
        }
        for (Map<String, Object> object : optionalObjects) {
            if ("Cluster".equals(kind(object))) {
                // CloudNativePG makes <cluster>-app, a basic-auth Secret of the database owner
                secretKeys.put(name(object) + "-app", Set.of("username", "password"));
            }
        }
        Matcher created = CREATED_BY_HAND.matcher(manifests.readme().replace("\\\n", " "));
        while (created.find()) {
            Set<String> keys = new LinkedHashSet<>();
            Matcher key = FROM_KEY.matcher(created.group(3));
            while (key.find()) {
                keys.add(key.group(1));
            }
            if (created.group(1).startsWith("secret")) {
                secretKeys.put(created.group(2), keys);
            } else {
                Map<String, String> data = new LinkedHashMap<>();
                keys.forEach(name -> data.put(name, "(set by hand)"));
                configMaps.putIfAbsent(created.group(2), data);
            }
        }
    }

    private void checkDeployment(AppConfig app, Map<String, Object> deployment) {
        String name = "Deployment " + app.module();
        Map<String, Object> pod = Yaml.map(deployment, "spec", "template", "spec");
        List<Object> containers = Yaml.list(pod, "containers");
        if (containers.isEmpty()) {
            problems.add(name + ": no containers");
            return;
        }
        Map<String, Object> container = Yaml.asMap(containers.get(0));
        String image = Yaml.text(container, "image");
        String expectedImage = "cityfin/" + app.module() + ":" + repository.projectVersion();
        if (!expectedImage.equals(image)) {
            problems.add(name + ": image " + image + " is not " + expectedImage + " (the image compose builds)");
        }
        Map<String, Integer> ports = containerPorts(container);
        if (!Integer.valueOf(app.port()).equals(ports.get("http"))) {
            problems.add(name + ": containerPort http is " + ports.get("http") + ", the app's port is " + app.port());
        }
        if (!Integer.valueOf(app.managementPort()).equals(ports.get("management"))) {
            problems.add(name + ": containerPort management is " + ports.get("management") + ", the app's is "
                    + app.managementPort());
        }
        checkProbe(name, app, container, ports, "livenessProbe", app.livenessPath(), true);
        checkProbe(name, app, container, ports, "readinessProbe", app.readinessPath(), true);
        checkProbe(name, app, container, ports, "startupProbe", app.livenessPath(), false);
        checkScrapeAnnotations(name, app, Yaml.map(deployment, "spec", "template", "metadata", "annotations"));
        checkEnvironment(name, app, container);
        if (!"false".equals(Yaml.text(pod, "enableServiceLinks"))) {
            problems.add(name + ": enableServiceLinks is not false; a Service named db or management would set DB_PORT"
                    + " or MANAGEMENT_PORT to tcp://...");
        }
    }

    private void checkProbe(String name, AppConfig app, Map<String, Object> container, Map<String, Integer> ports,
            String probe, String path, boolean required) {
        if (!(container.get(probe) instanceof Map<?, ?>)) {
            if (required) {
                problems.add(name + ": no " + probe);
            }
            return;
        }
        String actualPath = Yaml.text(container, probe, "httpGet", "path");
        String portText = Yaml.text(container, probe, "httpGet", "port");
        // a probe may name a container port or give any number
        Integer port = portText != null && portText.matches("\\d+") ? Integer.valueOf(portText) : ports.get(portText);
        if (!path.equals(actualPath) || !Integer.valueOf(app.managementPort()).equals(port)) {
            problems.add(name + ": " + probe + " asks " + actualPath + " on port " + port + ", expected " + path
                    + " on the management port " + app.managementPort());
        }
    }

    private void checkScrapeAnnotations(String name, AppConfig app, Map<String, Object> annotations) {
        if (!"true".equals(String.valueOf(annotations.get("prometheus.io/scrape")))) {
            return;
        }
        if (!Integer.toString(app.managementPort()).equals(String.valueOf(annotations.get("prometheus.io/port")))
                || !app.prometheusPath().equals(String.valueOf(annotations.get("prometheus.io/path")))) {
            problems.add(name + ": scrape annotations name port " + annotations.get("prometheus.io/port") + " path "
                    + annotations.get("prometheus.io/path") + ", expected " + app.managementPort() + " "
                    + app.prometheusPath());
        }
        if (!app.exposedEndpoints().contains("prometheus")) {
            problems.add(app.module() + ": does not expose the prometheus endpoint that is scraped");
        }
    }

    private void checkEnvironment(String name, AppConfig app, Map<String, Object> container) {
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> fromSecrets = new LinkedHashSet<>();
        Map<String, String> from = sources.computeIfAbsent(app.module(), module -> new LinkedHashMap<>());
        for (Object source : Yaml.list(container, "envFrom")) {
            String configMap = Yaml.text(source, "configMapRef", "name");
            String secret = Yaml.text(source, "secretRef", "name");
            if (configMap != null && configMaps.containsKey(configMap)) {
                values.putAll(configMaps.get(configMap));
            } else if (secret != null && secretKeys.containsKey(secret)) {
                secretKeys.get(secret).forEach(key -> values.put(key, "(secret)"));
                secretKeys.get(secret).forEach(key -> from.put(key, "Secret " + secret + " key " + key));
                fromSecrets.addAll(secretKeys.get(secret));
            } else {
                problems.add(name + ": envFrom " + (configMap != null ? "ConfigMap " + configMap : "Secret " + secret)
                        + " is neither in the manifests nor created in the README");
            }
        }
        for (Object entry : Yaml.list(container, "env")) {
            String variable = Yaml.text(entry, "name");
            if (Yaml.at(entry, "value") != null) {
                values.put(variable, Yaml.text(entry, "value"));
                from.put(variable, "value " + Yaml.text(entry, "value"));
            }
            String secret = Yaml.text(entry, "valueFrom", "secretKeyRef", "name");
            String configMap = Yaml.text(entry, "valueFrom", "configMapKeyRef", "name");
            if (secret != null) {
                String key = Yaml.text(entry, "valueFrom", "secretKeyRef", "key");
                if (!secretKeys.getOrDefault(secret, Set.of()).contains(key)) {
                    problems.add(name + ": " + variable + " comes from Secret " + secret + " key " + key
                            + ", which neither the manifests, the operator nor the README's kubectl create makes");
                }
                values.put(variable, "(secret)");
                fromSecrets.add(variable);
                from.put(variable, "Secret " + secret + " key " + key);
            } else if (configMap != null) {
                String key = Yaml.text(entry, "valueFrom", "configMapKeyRef", "key");
                if (!configMaps.getOrDefault(configMap, Map.of()).containsKey(key)) {
                    problems.add(name + ": " + variable + " comes from ConfigMap " + configMap + " key " + key
                            + ", which neither the manifests nor the README's kubectl create makes");
                }
                values.put(variable, configMaps.getOrDefault(configMap, Map.of()).getOrDefault(key, ""));
            }
        }
        for (String variable : needs.required(app)) {
            if (!values.containsKey(variable) || values.get(variable).isBlank()) {
                problems.add(name + ": " + variable + " is not set (the app reads it and has no usable default)");
            }
        }
        needs.expectedValues(app).forEach((variable, expected) -> {
            if (values.containsKey(variable) && !expected.equals(values.get(variable))) {
                problems.add(name + ": " + variable + " is " + values.get(variable) + ", the app's is " + expected);
            }
        });
        for (String variable : needs.forbidden(app)) {
            if (values.containsKey(variable)) {
                problems.add(name + ": gets " + variable + ", which only the gateway may hold");
            }
        }
        for (String variable : needs.secrets()) {
            if (values.containsKey(variable) && !fromSecrets.contains(variable)) {
                problems.add(name + ": " + variable + " is not taken from a Secret");
            }
        }
        String profiles = values.getOrDefault("SPRING_PROFILES_ACTIVE", "");
        if (List.of(profiles.split(",")).stream().map(String::strip).anyMatch(DeploymentNeeds.LOCAL_PROFILE::equals)) {
            problems.add(name + ": runs the local profile");
        }
        values.forEach((variable, value) -> needs.urlTarget(variable).ifPresent(target -> checkServiceUrl(name, variable,
                value, target)));
        checkRateLimitStore(name, app, values);
        String host = values.get("DB_HOST");
        optionalObjects.stream().filter(object -> "Cluster".equals(kind(object))).findFirst().ifPresent(cluster -> {
            if (host != null && !host.equals(name(cluster) + "-rw")) {
                problems.add(name + ": DB_HOST is " + host + ", but the PostgreSQL cluster's primary is " + name(cluster)
                        + "-rw");
            }
        });
        if (host != null && (host.contains("127.0.0.1") || host.equals("localhost"))) {
            problems.add(name + ": DB_HOST is " + host + ", the pod itself");
        }
    }

    /**
     * Each service's own API key: the gateway's Deployment and that service's take it from the same Secret key, and no
     * other Deployment gets it.
     */
    private void checkServiceKeys() {
        Map<String, String> gateway = needs.apps().stream().filter(AppConfig::isGateway).findFirst()
            .map(app -> sources.getOrDefault(app.module(), Map.of())).orElse(Map.of());
        needs.serviceKeys().forEach((owner, variable) -> sources.forEach((module, from) -> {
            if (needs.apps().stream().anyMatch(app -> app.isGateway() && app.module().equals(module))) {
                return;
            }
            if (!module.equals(owner)) {
                if (from.containsKey(variable)) {
                    problems.add("Deployment " + module + ": gets " + variable + ", which only the gateway and " + owner
                            + " may hold");
                }
            } else if (from.containsKey(variable) && gateway.containsKey(variable)
                    && !from.get(variable).equals(gateway.get(variable))) {
                problems.add("Deployment " + owner + ": " + variable + " comes from " + from.get(variable)
                        + ", the gateway's from " + gateway.get(variable) + "; both must take the same key");
            }
        }));
    }

    /**
     * The gateway's shared rate-limit store: with {@code CITYFIN_RATE_LIMIT_STORE=redis}, {@code SPRING_DATA_REDIS_URL}
     * reaches a Deployment running a redis image through a Service port. No service gets either variable.
     */
    private void checkRateLimitStore(String name, AppConfig app, Map<String, String> values) {
        if (!app.isGateway()) {
            for (String variable : List.of(DeploymentNeeds.RATE_LIMIT_STORE_VARIABLE, DeploymentNeeds.REDIS_URL_VARIABLE)) {
                if (values.containsKey(variable)) {
                    problems.add(name + ": gets " + variable + ", which only the gateway reads");
                }
            }
            return;
        }
        if (!"redis".equals(values.get(DeploymentNeeds.RATE_LIMIT_STORE_VARIABLE))) {
            return;
        }
        String url = values.getOrDefault(DeploymentNeeds.REDIS_URL_VARIABLE, "");
        Matcher redisUrl = DeploymentNeeds.REDIS_URL.matcher(url);
        if (!redisUrl.matches()) {
            problems.add(name + ": the rate-limit store is redis, but SPRING_DATA_REDIS_URL is '" + url
                    + "', not redis://<service>:<port>");
            return;
        }
        Optional<Map<String, Object>> service = find("Service", redisUrl.group(1).split("\\.")[0]);
        boolean reaches = service.isPresent()
                && Yaml.list(service.get(), "spec", "ports").stream().anyMatch(entry -> redisUrl.group(2).equals(Yaml.text(entry, "port")))
                && objects.stream().filter(object -> "Deployment".equals(kind(object)))
                    .filter(deployment -> podLabels(deployment).entrySet()
                            .containsAll(Yaml.map(service.get(), "spec", "selector").entrySet())
                            && !Yaml.map(service.get(), "spec", "selector").isEmpty())
                    .anyMatch(deployment -> Yaml.list(deployment, "spec", "template", "spec", "containers").stream()
                            .anyMatch(container -> String.valueOf(Yaml.text(container, "image")).startsWith("redis:")));
        if (!reaches) {
            problems.add(name + ": SPRING_DATA_REDIS_URL " + url + " does not reach a Deployment running a redis image"
                    + " through a Service port");
        }
    }

    private void checkServiceUrl(String name, String variable, String value, AppConfig target) {
        Matcher url = Pattern.compile("http://([\\w.-]+):(\\d+)/?").matcher(value);
        if (!url.matches()) {
            problems.add(name + ": " + variable + " is " + value + ", not http://<service>:<port>");
            return;
        }
        Optional<Map<String, Object>> service = find("Service", url.group(1).split("\\.")[0]);
        int port = Integer.parseInt(url.group(2));
        boolean reaches = service.isPresent()
                && Yaml.list(service.get(), "spec", "ports").stream()
                    .anyMatch(entry -> String.valueOf(port).equals(Yaml.text(entry, "port")))
                && selectsApp(Yaml.map(service.get(), "spec", "selector"), target.module())
                && port == target.port();
        if (!reaches) {
            problems.add(name + ": " + variable + " " + value + " does not reach " + target.module() + "'s public port "
                    + target.port() + " through a Service");
        }
    }

    private void checkAppService(AppConfig app) {
        Optional<Map<String, Object>> service = find("Service", app.module());
        if (service.isEmpty()) {
            problems.add(app.module() + ": no Service of that name");
            return;
        }
        Map<String, String> ports = new LinkedHashMap<>();
        Yaml.list(service.get(), "spec", "ports").forEach(port -> ports.put(Yaml.text(port, "name"), Yaml.text(port, "port")));
        if (!Integer.toString(app.port()).equals(ports.get("http"))
                || !Integer.toString(app.managementPort()).equals(ports.get("management"))) {
            problems.add("Service " + app.module() + ": ports " + ports + ", expected http " + app.port() + " and management "
                    + app.managementPort());
        }
        if (!selectsApp(Yaml.map(service.get(), "spec", "selector"), app.module())) {
            problems.add("Service " + app.module() + ": does not select the pods of Deployment " + app.module());
        }
    }

    private void checkSelectorAndPorts(Map<String, Object> service) {
        String name = "Service " + name(service);
        Map<String, Object> selector = Yaml.map(service, "spec", "selector");
        List<Map<String, Object>> pods = checkSelects(name, selector);
        for (Object port : Yaml.list(service, "spec", "ports")) {
            String target = Optional.ofNullable(Yaml.text(port, "targetPort")).orElse(Yaml.text(port, "port"));
            for (Map<String, Object> pod : pods) {
                boolean found = Yaml.list(pod, "spec", "template", "spec", "containers").stream()
                    .map(container -> resolvePort(target, containerPorts(Yaml.asMap(container))))
                    .anyMatch(Objects::nonNull);
                if (!found) {
                    problems.add(name + ": targetPort " + target + " is no container port of Deployment " + name(pod));
                }
            }
        }
    }

    /** The Deployments whose pods {@code selector} matches; a problem when none does. */
    private List<Map<String, Object>> checkSelects(String name, Map<String, Object> selector) {
        List<Map<String, Object>> matched = objects.stream().filter(object -> "Deployment".equals(kind(object)))
            .filter(deployment -> !selector.isEmpty()
                    && podLabels(deployment).entrySet().containsAll(selector.entrySet()))
            .toList();
        if (matched.isEmpty()) {
            problems.add(name + ": selector " + selector + " matches the pods of no Deployment");
        }
        return matched;
    }

    private boolean selectsApp(Map<String, Object> selector, String module) {
        return find("Deployment", module)
            .map(deployment -> !selector.isEmpty() && podLabels(deployment).entrySet().containsAll(selector.entrySet()))
            .orElse(false);
    }

    private void checkAutoscaler(Map<String, Object> autoscaler) {
        String name = "HorizontalPodAutoscaler " + name(autoscaler);
        String kind = Yaml.text(autoscaler, "spec", "scaleTargetRef", "kind");
        String target = Yaml.text(autoscaler, "spec", "scaleTargetRef", "name");
        Optional<Map<String, Object>> deployment = "Deployment".equals(kind) ? find("Deployment", target) : Optional.empty();
        if (deployment.isEmpty()) {
            problems.add(name + ": scales " + kind + " " + target + ", which is not a Deployment in the manifests");
            return;
        }
        int min = Integer.parseInt(Optional.ofNullable(Yaml.text(autoscaler, "spec", "minReplicas")).orElse("1"));
        int max = Integer.parseInt(Optional.ofNullable(Yaml.text(autoscaler, "spec", "maxReplicas")).orElse("0"));
        if (min < 1 || max < min) {
            problems.add(name + ": minReplicas " + min + ", maxReplicas " + max);
        }
        if (Yaml.at(deployment.get(), "spec", "replicas") != null) {
            problems.add("Deployment " + target + ": sets replicas, which every apply would reset under its autoscaler");
        }
        boolean onCpu = Yaml.list(autoscaler, "spec", "metrics").stream()
            .anyMatch(metric -> "cpu".equals(Yaml.text(metric, "resource", "name")));
        boolean requestsCpu = Yaml.list(deployment.get(), "spec", "template", "spec", "containers").stream()
            .allMatch(container -> Yaml.text(container, "resources", "requests", "cpu") != null);
        if (onCpu && !requestsCpu) {
            problems.add(name + ": scales on CPU utilisation, but Deployment " + target + " requests no CPU");
        }
    }

    private void checkServiceMonitor(Map<String, Object> monitor) {
        String name = "ServiceMonitor " + name(monitor);
        Map<String, Object> selector = Yaml.map(monitor, "spec", "selector", "matchLabels");
        for (AppConfig app : needs.apps()) {
            Optional<Map<String, Object>> service = find("Service", app.module());
            if (service.isEmpty()) {
                continue;
            }
            if (selector.isEmpty() || !Yaml.map(service.get(), "metadata", "labels").entrySet().containsAll(selector.entrySet())) {
                problems.add(name + ": does not select Service " + app.module());
                continue;
            }
            Set<String> portNames = new LinkedHashSet<>();
            Yaml.list(service.get(), "spec", "ports").forEach(port -> portNames.add(Yaml.text(port, "name")));
            for (Object endpoint : Yaml.list(monitor, "spec", "endpoints")) {
                String port = Yaml.text(endpoint, "port");
                String path = Yaml.text(endpoint, "path");
                Integer number = portNames.contains(port) ? Yaml.list(service.get(), "spec", "ports").stream()
                    .filter(entry -> port.equals(Yaml.text(entry, "name")))
                    .map(entry -> Integer.valueOf(Yaml.text(entry, "port"))).findFirst().orElse(null) : null;
                if (!Integer.valueOf(app.managementPort()).equals(number) || !app.prometheusPath().equals(path)) {
                    problems.add(name + ": scrapes port " + port + " path " + path + " of Service " + app.module()
                            + ", expected its management port " + app.managementPort() + " " + app.prometheusPath());
                }
            }
        }
    }

    private void checkPostgresCluster(Map<String, Object> cluster) {
        Set<String> databases = new LinkedHashSet<>();
        Optional.ofNullable(Yaml.text(cluster, "spec", "bootstrap", "initdb", "database")).ifPresent(databases::add);
        for (Object statement : Yaml.list(cluster, "spec", "bootstrap", "initdb", "postInitSQL")) {
            Matcher database = CREATE_DATABASE.matcher(String.valueOf(statement));
            while (database.find()) {
                databases.add(database.group(1));
            }
        }
        for (AppConfig app : needs.apps()) {
            if (!databases.contains(app.database())) {
                problems.add("Cluster " + name(cluster) + ": does not create " + app.module() + "'s database "
                        + app.database());
            }
        }
    }

    private static Map<String, Integer> containerPorts(Map<String, Object> container) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (Object port : Yaml.list(container, "ports")) {
            Integer number = Integer.valueOf(Yaml.text(port, "containerPort"));
            ports.put(Optional.ofNullable(Yaml.text(port, "name")).orElse(number.toString()), number);
        }
        return ports;
    }

    /** A Service's target port: a container port's name, or a number that is one of the container's ports. */
    private static Integer resolvePort(String port, Map<String, Integer> ports) {
        if (port == null) {
            return null;
        }
        if (ports.containsKey(port)) {
            return ports.get(port);
        }
        return port.matches("\\d+") && ports.containsValue(Integer.valueOf(port)) ? Integer.valueOf(port) : null;
    }

    private static Map<String, Object> podLabels(Map<String, Object> deployment) {
        return Yaml.map(deployment, "spec", "template", "metadata", "labels");
    }

    private Optional<Map<String, Object>> find(String kind, String name) {
        return objects.stream().filter(object -> kind.equals(kind(object)) && name.equals(name(object))).findFirst();
    }

    private static String kind(Map<String, Object> object) {
        return String.valueOf(object.get("kind"));
    }

    private static String name(Map<String, Object> object) {
        return Yaml.text(object, "metadata", "name");
    }
}
