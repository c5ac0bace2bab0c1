package io.cityfin.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LauncherSettingsTest {

    @Test
    void defaultsToTheEmbeddedDatabaseAndTheDataFolderInTheRepo() {
        LauncherSettings settings = LauncherSettings.from(Map.of(), Path.of("/repo"));

        assertThat(settings.dataDir()).isEqualTo(Path.of("/repo/.cityfin"));
        assertThat(settings.logDir()).isEqualTo(Path.of("/repo/.cityfin/logs"));
        assertThat(settings.externalDatabase()).isNull();
        assertThat(settings.embeddedDbPort()).isEqualTo(15432);
        assertThat(settings.portBase()).isEqualTo(8080);
        assertThat(settings.apps()).isEqualTo(AppSpec.ALL);
        assertThat(settings.demoData()).isEqualTo("true");
        assertThat(settings.javaOptions())
            .containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m", "-Xss512k");
        assertThat(settings.startTimeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(settings.adminApiKey()).isNull();
    }

    @Test
    void readsEveryVariable() {
        LauncherSettings settings = LauncherSettings.from(Map.of(
                "CITYFIN_DATA_DIR", "build/data",
                "CITYFIN_DB_URL", "postgresql://cityfin:pw@db:5433",
                "CITYFIN_DB_PORT", "25432",
                "CITYFIN_PORT_BASE", "18080",
                "CITYFIN_DEMO_DATA", "false",
                "CITYFIN_JAVA_OPTS", "  -Xmx1g   -XX:+UseParallelGC ",
                "CITYFIN_START_TIMEOUT_SECONDS", "300",
                "CITYFIN_ADMIN_API_KEY", "cfk_x"), Path.of("/repo"));

        assertThat(settings.dataDir()).isEqualTo(Path.of("/repo/build/data"));
        assertThat(settings.externalDatabase()).isEqualTo(new DatabaseUrl("cityfin", "pw", "db", 5433, "postgres"));
        assertThat(settings.embeddedDbPort()).isEqualTo(25432);
        assertThat(settings.portBase()).isEqualTo(18080);
        assertThat(settings.apps()).extracting(AppSpec::port).containsExactly(18080, 18081, 18082, 18083, 18084, 18085);
        assertThat(settings.demoData()).isEqualTo("false");
        assertThat(settings.javaOptions()).isEqualTo(List.of("-Xmx1g", "-XX:+UseParallelGC"));
        assertThat(settings.startTimeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(settings.adminApiKey()).isEqualTo("cfk_x");
    }

    @Test
    void keepsAnAbsoluteDataFolder() {
        assertThat(LauncherSettings.from(Map.of("CITYFIN_DATA_DIR", "/var/cityfin"), Path.of("/repo")).dataDir())
            .isEqualTo(Path.of("/var/cityfin"));
    }

    @Test
    void refusesANumberThatIsNone() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> LauncherSettings.from(Map.of("CITYFIN_DB_PORT", "fifteen"), Path.of("/repo")))
            .withMessage("CITYFIN_DB_PORT must be a whole number from 1 to 65535, not 'fifteen'");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> LauncherSettings.from(Map.of("CITYFIN_START_TIMEOUT_SECONDS", "0"), Path.of("/repo")))
            .withMessageStartingWith("CITYFIN_START_TIMEOUT_SECONDS must be");
    }

    @Test
    void refusesAPortBaseWhoseManagementPortsWouldNotFit() {
        assertThat(LauncherSettings.from(Map.of("CITYFIN_PORT_BASE", "64530"), Path.of("/repo")).apps().get(5).managementPort())
            .isEqualTo(65535);
        assertThatIllegalArgumentException()
            .isThrownBy(() -> LauncherSettings.from(Map.of("CITYFIN_PORT_BASE", "64531"), Path.of("/repo")))
            .withMessage("CITYFIN_PORT_BASE must be a whole number from 1 to 64530, not '64531'");
    }

}
