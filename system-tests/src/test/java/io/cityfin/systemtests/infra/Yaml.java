package io.cityfin.systemtests.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;

/** Reading YAML as plain maps and lists (SnakeYAML's safe loader: merge keys, no custom types). */
final class Yaml {

    private Yaml() {
    }

    static Map<String, Object> load(Path file) {
        Object document = new org.yaml.snakeyaml.Yaml(options()).load(read(file));
        return document == null ? new LinkedHashMap<>() : asMap(document);
    }

    /** Every non-empty document of a {@code ---} separated file, in order. */
    static List<Map<String, Object>> loadAll(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new org.yaml.snakeyaml.Yaml(options()).loadAll(read(file))) {
            if (document != null) {
                documents.add(asMap(document));
            }
        }
        return documents;
    }

    /** Nested maps as dotted keys ({@code server.port}), list items as {@code key[0]}; values as text. */
    static Map<String, String> flatten(Map<String, Object> tree) {
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", tree, flat);
        return flat;
    }

    private static void flatten(String prefix, Object node, Map<String, String> flat) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, flat));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), flat);
            }
        } else if (node != null) {
            flat.put(prefix, String.valueOf(node));
        }
    }

    /** The map at {@code path} below {@code node}; empty when any step is missing or not a map. */
    static Map<String, Object> map(Object node, String... path) {
        Object found = at(node, path);
        return found instanceof Map<?, ?> ? asMap(found) : new LinkedHashMap<>();
    }

    /** The list at {@code path}; empty when missing or not a list. */
    static List<Object> list(Object node, String... path) {
        Object found = at(node, path);
        if (found instanceof List<?> list) {
            @SuppressWarnings("unchecked")
            List<Object> items = (List<Object>) list;
            return items;
        }
        return new ArrayList<>();
    }

    /** The scalar at {@code path} as text, or {@code null}. */
    static String text(Object node, String... path) {
        Object found = at(node, path);
        return found == null || found instanceof Map<?, ?> || found instanceof List<?> ? null : String.valueOf(found);
    }

    static Object at(Object node, String... path) {
        Object current = node;
        for (String step : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object node) {
        if (!(node instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("not a YAML mapping: " + node);
        }
        return (Map<String, Object>) node;
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return options;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
