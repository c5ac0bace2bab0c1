package io.cityfin.systemtests.monitoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every PromQL expression in {@code infra/}: the {@code expr} of each alert and recording rule in
 * {@code infra/prometheus/rules/*.yml}, and of each panel target and template variable in
 * {@code infra/grafana/dashboards/*.json}.
 */
public final class InfraQueries {

    /**
     * Series Prometheus makes itself, not the apps: {@code up} (did the scrape work) and the alert state series
     * {@code ALERTS} / {@code ALERTS_FOR_STATE}. Nothing else may be named that the apps do not expose.
     */
    public static final Set<String> MADE_BY_PROMETHEUS = Set.of("up", "ALERTS", "ALERTS_FOR_STATE");

    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*(.+?)\\s*,\\s*\\w+\\s*\\)");

    /** One expression and where it is: a file and the rule or panel. */
    public record Query(String where, String expression) {

        public Set<String> metricNames() {
            return PromQl.metricNames(expression);
        }
    }

    private InfraQueries() {
    }

    /** All expressions under {@code infra} (the folder). */
    public static List<Query> in(Path infra) {
        List<Query> queries = new ArrayList<>();
        for (Path rules : files(infra.resolve("prometheus/rules"), ".yml")) {
            queries.addAll(rules(rules));
        }
        for (Path dashboard : files(infra.resolve("grafana/dashboards"), ".json")) {
            queries.addAll(dashboard(dashboard));
        }
        return queries;
    }

    /**
     * The metric names {@code queries} use that are neither in {@code exposed} nor made by Prometheus, each as
     * "where: name".
     */
    public static Set<String> unknownMetrics(List<Query> queries, Set<String> exposed) {
        Set<String> unknown = new TreeSet<>();
        for (Query query : queries) {
            for (String name : query.metricNames()) {
                if (!exposed.contains(name) && !MADE_BY_PROMETHEUS.contains(name)) {
                    unknown.add(query.where() + ": " + name);
                }
            }
        }
        return unknown;
    }

    @SuppressWarnings("unchecked")
    static List<Query> rules(Path file) {
        List<Query> queries = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            Map<String, Object> document = new Yaml().load(in);
            for (Map<String, Object> group : (List<Map<String, Object>>) document.get("groups")) {
                for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                    Object name = rule.containsKey("alert") ? rule.get("alert") : rule.get("record");
                    queries.add(new Query(file.getFileName() + " " + name, String.valueOf(rule.get("expr"))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return queries;
    }

    static List<Query> dashboard(Path file) {
        JsonNode root = JsonMapper.builder().build().readTree(file.toFile());
        List<Query> queries = new ArrayList<>();
        panels(file.getFileName().toString(), root.path("panels"), queries);
        for (JsonNode variable : root.path("templating").path("list")) {
            JsonNode query = variable.path("query");
            String text = query.isObject() ? query.path("query").asString() : query.asString();
            Matcher labelValues = LABEL_VALUES.matcher(text);
            String expression = labelValues.find() ? labelValues.group(1) : text;
            if (!expression.isBlank()) {
                queries.add(new Query(file.getFileName() + " variable " + variable.path("name").asString(), expression));
            }
        }
        return queries;
    }

    private static void panels(String file, JsonNode panels, List<Query> queries) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                if (target.has("expr")) {
                    queries.add(new Query(file + " panel '" + panel.path("title").asString() + "'", target.path("expr").asString()));
                }
            }
            panels(file, panel.path("panels"), queries); // collapsed rows hold their panels
        }
    }

    private static List<Path> files(Path folder, String suffix) {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(path -> path.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
