package io.cityfin.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What can be checked without the apps' jars; {@code system-tests} starts the real platform with {@link Launcher#create}. */
class LauncherTest {

    @TempDir
    Path repo;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @Test
    void refusesToStartWhenAnAppJarIsMissingAndStartsNothing() {
        Launcher launcher = Launcher.create(Map.of("CITYFIN_PORT_BASE", "18080"), repo,
                new PrintStream(output, true, StandardCharsets.UTF_8));

        assertThat(launcher.start()).isEqualTo(1);

        assertThat(output.toString(StandardCharsets.UTF_8)).contains("Missing app jar(s):",
                "gateway/target/gateway-0.0.1-SNAPSHOT-exec.jar", "risk-service/target/risk-service-0.0.1-SNAPSHOT-exec.jar");
        assertThat(launcher.process("gateway")).isEmpty();
        assertThat(repo.resolve(".cityfin")).doesNotExist();
    }

}
