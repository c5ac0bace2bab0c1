package io.cityfin.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPrometheusTest {

    /** The repository's own local scrape file: what the launcher really rewrites. */
    private static final Path LOCAL_CONFIG = Path.of("..").resolve(LocalPrometheus.LOCAL_CONFIG);

    @Test
    void movesEveryTargetToThisRunsManagementPortsAndReadsTheRulesFromTheRepository() throws IOException {
        LauncherSettings settings = LauncherSettings.from(Map.of("CITYFIN_PORT_BASE", "18080"), Path.of("/repo"));

        String config = LocalPrometheus.configuration(Files.readString(LOCAL_CONFIG), settings.apps(),
                Path.of("/repo/infra/prometheus/rules"));

        for (AppSpec app : settings.apps()) {
            assertThat(config).contains("'127.0.0.1:" + app.managementPort() + "'");
        }
        assertThat(config).doesNotContain(":908").contains("  - /repo/infra/prometheus/rules/*.yml")
            .doesNotContain("- rules/*.yml");
    }

    @Test
    void keepsTheDefaultPortsAtTheDefaultPortBase() throws IOException {
        String template = Files.readString(LOCAL_CONFIG);

        String config = LocalPrometheus.configuration(template, AppSpec.ALL, Path.of("/r"));

        assertThat(config).isEqualTo(template.replace("  - rules/*.yml", "  - /r/*.yml"));
    }

    @Test
    void refusesATemplateThatLacksAnApp() {
        assertThatThrownBy(() -> LocalPrometheus.configuration("scrape_configs: []", AppSpec.ALL, Path.of("/r")))
            .hasMessageContaining("gateway");
    }

    @Test
    void findsAnExecutablePrometheusOnThePathOnly(@TempDir Path folder) throws IOException {
        Path empty = Files.createDirectories(folder.resolve("empty"));
        Path bin = Files.createDirectories(folder.resolve("bin"));
        Path binary = Files.writeString(bin.resolve("prometheus"), "#!/bin/sh\n");
        String path = empty + java.io.File.pathSeparator + bin;

        assertThat(LocalPrometheus.findBinary(path)).as("not executable yet").isEmpty();
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(LocalPrometheus.findBinary(path)).contains(binary);
        assertThat(LocalPrometheus.findBinary(empty.toString())).isEmpty();
    }

    @Test
    void isOffUnlessAskedForOnPort9090() {
        LauncherSettings plain = LauncherSettings.from(Map.of(), Path.of("/repo"));
        LauncherSettings asked = LauncherSettings.from(Map.of("CITYFIN_PROMETHEUS", "true", "CITYFIN_PROMETHEUS_PORT", "19090"),
                Path.of("/repo"));

        assertThat(plain.prometheus()).isFalse();
        assertThat(plain.prometheusPort()).isEqualTo(9090);
        assertThat(asked.prometheus()).isTrue();
        assertThat(asked.prometheusPort()).isEqualTo(19090);
    }
}
