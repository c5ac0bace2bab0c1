package io.cityfin.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code sh -c <script>} in place of {@code java}; the appended {@code -jar <jar>} become $0 and $1. */
class AppProcessesTest {

    private static final AppSpec CREDIT = AppSpec.ALL.get(1);

    private static final AppSpec RISK = AppSpec.ALL.get(5);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private AppProcesses apps;

    @AfterEach
    void killLeftovers() {
        if (apps != null) {
            apps.running().forEach(app -> app.process().destroyForcibly());
        }
    }

    @Test
    void runsTheExecJarWithTheJvmOptions() {
        apps = new AppProcesses(List.of("/opt/java/bin/java", "-Xmx512m"), Path.of("/repo"), dir, print());

        assertThat(apps.command(CREDIT)).containsExactly("/opt/java/bin/java", "-Xmx512m", "-jar",
                "/repo/credit-service/target/credit-service-0.0.1-SNAPSHOT-exec.jar");
    }

    @Test
    void appendsTheAppsOutputAndItsEnvironmentToItsLog() throws Exception {
        apps = shell("echo \"port $PORT db $DB_NAME\"; echo oops >&2");

        AppProcesses.Running first = apps.start(CREDIT, CREDIT.environment(server(), settings()));
        first.process().waitFor(10, TimeUnit.SECONDS);
        AppProcesses.Running second = apps.start(CREDIT, CREDIT.environment(server(), settings()));
        second.process().waitFor(10, TimeUnit.SECONDS);

        assertThat(first.log()).isEqualTo(dir.resolve("logs/credit-service.log"));
        List<String> lines = LogTail.lastLines(first.log(), 10);
        assertThat(lines).hasSize(6).filteredOn(line -> line.contains("cityfin launcher starts credit-service")).hasSize(2);
        assertThat(lines).filteredOn("port 8081 db cityfin_credit"::equals).hasSize(2);
        assertThat(lines).filteredOn("oops"::equals).hasSize(2);
        assertThat(second.lastLogLines(30)).hasSize(3).first().asString().contains("cityfin launcher starts credit-service");
    }

    @Test
    void stopsAppsWithSigterm() throws Exception {
        apps = shell("exec sleep 60");
        AppProcesses.Running credit = apps.start(CREDIT, Map.of());
        AppProcesses.Running risk = apps.start(RISK, Map.of());

        apps.stopAll(Duration.ofSeconds(10));

        assertThat(credit.process().isAlive()).isFalse();
        assertThat(risk.process().isAlive()).isFalse();
        assertThat(credit.process().exitValue()).isEqualTo(128 + 15);
        assertThat(printed()).contains("SIGTERM -> credit-service (pid " + credit.process().pid() + "), risk-service")
            .contains("2 app(s) stopped in");
    }

    @Test
    void killsAnAppThatIgnoresSigterm() throws Exception {
        apps = shell("trap '' TERM; echo started; exec sleep 60");
        AppProcesses.Running credit = apps.start(CREDIT, Map.of());
        awaitLogLine(credit, "started");

        apps.stopAll(Duration.ofMillis(300));

        assertThat(credit.process().isAlive()).isFalse();
        assertThat(printed()).contains("still running after 0.3 s, killing: credit-service");
    }

    @Test
    void stopsOnlyOnceAndStartsNothingAfterwards() throws Exception {
        apps = shell("exec sleep 60");
        apps.start(CREDIT, Map.of());

        apps.stopAll(Duration.ofSeconds(10));
        String afterFirstStop = printed();
        apps.stopAll(Duration.ofSeconds(10));

        assertThat(printed()).isEqualTo(afterFirstStop);
        assertThatIllegalStateException().isThrownBy(() -> apps.start(RISK, Map.of())).withMessageContaining("stopping");
    }

    @Test
    void reportsAnAppThatExitsUnexpectedlyButNotOnesItStops() throws Exception {
        apps = shell("if [ \"$PORT\" = 8085 ]; then exit 7; fi; exec sleep 60");
        apps.start(CREDIT, CREDIT.environment(server(), settings()));
        AppProcesses.Running risk = apps.start(RISK, RISK.environment(server(), settings()));
        CompletableFuture<AppProcesses.Running> exited = new CompletableFuture<>();

        apps.watchUnexpectedExits(exited::complete);

        assertThat(exited.get(10, TimeUnit.SECONDS)).isEqualTo(risk);
        assertThat(risk.process().exitValue()).isEqualTo(7);
        apps.stopAll(Duration.ofSeconds(10));
        assertThat(printed()).contains("risk-service (pid " + risk.process().pid() + ") had already exited with code 7");
    }

    private AppProcesses shell(String script) {
        return new AppProcesses(List.of("sh", "-c", script), dir, dir.resolve("logs"), print());
    }

    private PrintStream print() {
        return new PrintStream(output, true, StandardCharsets.UTF_8);
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private static DatabaseUrl server() {
        return new DatabaseUrl("postgres", "", "127.0.0.1", 15432, "postgres");
    }

    private LauncherSettings settings() {
        return LauncherSettings.from(Map.of(), dir);
    }

    private static void awaitLogLine(AppProcesses.Running app, String line) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!LogTail.lastLines(app.log(), 5).contains(line) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

}
