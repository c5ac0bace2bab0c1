package io.cityfin.systemtests.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code infra/k8s} as read from disk: {@code kustomization.yaml}, every other YAML file below the folder with its
 * documents (by path relative to the folder, {@code optional/service-monitor.yaml}), and the README that says which
 * Secrets and ConfigMaps are created by hand.
 */
record Manifests(Map<String, Object> kustomization, Map<String, List<Map<String, Object>>> files, String readme) {

    static final String KUSTOMIZATION = "kustomization.yaml";

    /** Files here need CRDs a cluster may lack (CloudNativePG, Prometheus Operator): applied on their own. */
    static final String OPTIONAL = "optional/";

    static Manifests load(Path dir, Path readme) {
        Map<String, List<Map<String, Object>>> files = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.filter(Files::isRegularFile)
                .filter(path -> path.toString().endsWith(".yaml") || path.toString().endsWith(".yml"))
                .sorted()
                .forEach(path -> {
                    String relative = dir.relativize(path).toString().replace('\\', '/');
                    if (!relative.equals(KUSTOMIZATION)) {
                        files.put(relative, Yaml.loadAll(path));
                    }
                });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Manifests(Yaml.load(dir.resolve(KUSTOMIZATION)), files, Yaml.read(readme));
    }
}
