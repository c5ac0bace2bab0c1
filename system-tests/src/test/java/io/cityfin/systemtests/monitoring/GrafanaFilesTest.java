package io.cityfin.systemtests.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Grafana files of {@code infra/grafana}: every panel, target and variable of every dashboard uses the one data
 * source the provisioning defines (by uid), dashboards have unique uids, panels unique ids, and the dashboard
 * provider reads the folder the dashboards are mounted at. Grafana itself is not run here; a wrong uid would leave
 * panels empty without an error, which is what this catches.
 */
class GrafanaFilesTest {

    private static final Path GRAFANA = Path.of(System.getProperty("cityfin.root", "..")).toAbsolutePath().normalize()
            .resolve("infra/grafana");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyPanelTargetAndVariableUsesTheProvisionedPrometheus() throws IOException {
        String uid = provisionedDataSourceUid();
        List<String> wrong = new ArrayList<>();
        for (Path file : dashboards()) {
            JsonNode dashboard = JSON.readTree(file.toFile());
            for (JsonNode panel : panels(dashboard.path("panels"))) {
                if (!"row".equals(panel.path("type").asString())) {
                    check(file, "panel '" + panel.path("title").asString() + "'", panel.path("datasource"), uid, wrong);
                    panel.path("targets").forEach(target -> check(file, "a target of '" + panel.path("title").asString() + "'",
                            target.path("datasource"), uid, wrong));
                }
            }
            dashboard.path("templating").path("list").forEach(variable -> check(file, "variable " + variable.path("name").asString(),
                    variable.path("datasource"), uid, wrong));
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void dashboardsHaveUniqueUidsAndTitlesAndTheirPanelsUniqueIds() throws IOException {
        Set<String> uids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (Path file : dashboards()) {
            JsonNode dashboard = JSON.readTree(file.toFile());
            assertThat(uids.add(dashboard.path("uid").asString())).as(file + " uid").isTrue();
            assertThat(titles.add(dashboard.path("title").asString())).as(file + " title").isTrue();
            List<Integer> ids = panels(dashboard.path("panels")).stream().map(panel -> panel.path("id").asInt()).toList();
            assertThat(ids).as(file + " panel ids").doesNotHaveDuplicates().doesNotContain(0);
        }
        assertThat(uids).hasSize(3);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theProviderReadsTheFolderTheDashboardsAreMountedAt() throws IOException {
        try (InputStream in = Files.newInputStream(GRAFANA.resolve("provisioning/dashboards/cityfin.yml"))) {
            Map<String, Object> provider = ((List<Map<String, Object>>) new Yaml().<Map<String, Object>>load(in).get("providers")).get(0);
            assertThat(((Map<String, Object>) provider.get("options")).get("path")).isEqualTo("/var/lib/grafana/dashboards");
        }
        String compose = Files.readString(GRAFANA.getParent().resolve("docker-compose.yml"));
        assertThat(compose).contains("./grafana/dashboards:/var/lib/grafana/dashboards")
            .contains("./grafana/provisioning:/etc/grafana/provisioning");
    }

    private static void check(Path file, String what, JsonNode dataSource, String uid, List<String> wrong) {
        if (!uid.equals(dataSource.path("uid").asString()) || !"prometheus".equals(dataSource.path("type").asString())) {
            wrong.add(file.getFileName() + " " + what + ": " + dataSource);
        }
    }

    @SuppressWarnings("unchecked")
    private static String provisionedDataSourceUid() throws IOException {
        try (InputStream in = Files.newInputStream(GRAFANA.resolve("provisioning/datasources/prometheus.yml"))) {
            List<Map<String, Object>> sources = (List<Map<String, Object>>) new Yaml().<Map<String, Object>>load(in).get("datasources");
            assertThat(sources).hasSize(1);
            return (String) sources.get(0).get("uid");
        }
    }

    private static List<Path> dashboards() throws IOException {
        try (Stream<Path> files = Files.list(GRAFANA.resolve("dashboards"))) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** The panels, those inside collapsed rows included. */
    private static List<JsonNode> panels(JsonNode panels) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode panel : panels) {
            all.add(panel);
            all.addAll(panels(panel.path("panels")));
        }
        return all;
    }
}
