package io.cityfin.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
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

        AppProcesses.Running first = apps.start(CREDIT, environment(CREDIT));
        first.process().waitFor(10, TimeUnit.SECONDS);
        AppProcesses.Running second = apps.start(CREDIT, environment(CREDIT));
        second.process().waitFor(10, TimeUnit.SECONDS);

        assertThat(first.log()).isEqualTo(dir.resolve("logs/credit-service.log"));
        List<String> lines = LogTail.lastLines(first.log(), 10);
        assertThat(lines).hasSize(6).filteredOn(line -> line.contains("cityfin launcher starts credit-service")).hasSize(2);
        assertThat(lines).filteredOn("port 8081 db cityfin_credit"::equals).hasSize(2);
        assertThat(lines).filteredOn("oops"::equals).hasSize(2);
        assertThat(second.lastLogLines(30)).hasSize(3).first().asString().contains("cityfin launcher starts credit-service");
    }

    @Test
    void onlyTheGatewayProcessSeesTheAdminKeyAndTheSigningKey() throws Exception {
        apps = shell("echo \"$PORT admin=${CITYFIN_ADMIN_API_KEY:-none} signing=${CITYFIN_IDENTITY_SIGNING_KEY:+set}"
                + " kid=${CITYFIN_IDENTITY_KEY_ID:-none} public=${CITYFIN_IDENTITY_PUBLIC_KEYS:+set}\"");
        AppSpec gateway = AppSpec.ALL.get(0);

        AppProcesses.Running gatewayRun = apps.start(gateway, environment(gateway));
        AppProcesses.Running creditRun = apps.start(CREDIT, environment(CREDIT));
        gatewayRun.process().waitFor(10, TimeUnit.SECONDS);
        creditRun.process().waitFor(10, TimeUnit.SECONDS);

        assertThat(gatewayRun.lastLogLines(5))
            .contains("8080 admin=" + KeyFixtures.ADMIN_KEY_VALUE + " signing=set kid=" + KeyFixtures.KEY_ID + " public=set");
        assertThat(creditRun.lastLogLines(5)).contains("8081 admin=none signing= kid=none public=set");
    }

    @Test
    void aServiceInheritsNoGatewaySecretFromTheLaunchersEnvironment() {
        Map<String, String> inherited = new HashMap<>(Map.of("PATH", "/usr/bin", "CITYFIN_ADMIN_API_KEY", "cfk_from-shell",
                "CITYFIN_IDENTITY_SIGNING_KEY", "private", "CITYFIN_IDENTITY_KEY_ID", "kid",
                "CITYFIN_IDENTITY_PUBLIC_KEYS", "kid:public"));

        AppProcesses.applyEnvironment(inherited, environment(CREDIT));

        assertThat(inherited).containsEntry("PATH", "/usr/bin")
            .containsEntry("PORT", "8081")
            .containsEntry("CITYFIN_IDENTITY_PUBLIC_KEYS", KeyFixtures.KEY_ID + ":" + KeyFixtures.PUBLIC_KEY)
            .doesNotContainKeys("CITYFIN_ADMIN_API_KEY", "CITYFIN_IDENTITY_SIGNING_KEY", "CITYFIN_IDENTITY_KEY_ID");
    }

    @Test
    void aServiceInheritsNoServiceKeyFromTheLaunchersEnvironmentOnlyItsOwnFromTheLauncher() {
        Map<String, String> credit = new HashMap<>(Map.of("CITYFIN_PLATFORM_SERVICE_API_KEY", "cfk_from-shell",
                "CITYFIN_RISK_SERVICE_API_KEY", "cfk_risk-from-shell"));
        Map<String, String> platform = new HashMap<>(credit);

        AppProcesses.applyEnvironment(credit, environment(CREDIT));
        AppProcesses.applyEnvironment(platform, environment(AppSpec.ALL.get(4)));

        assertThat(credit).doesNotContainKeys("CITYFIN_PLATFORM_SERVICE_API_KEY", "CITYFIN_RISK_SERVICE_API_KEY");
        assertThat(platform).containsEntry("CITYFIN_PLATFORM_SERVICE_API_KEY", KeyFixtures.PLATFORM_KEY_VALUE)
            .doesNotContainKey("CITYFIN_RISK_SERVICE_API_KEY");
    }

    @Test
    void stopsOneAppAndStartsItAgainWhileTheOthersRun() throws Exception {
        apps = shell("echo started; exec sleep 60");
        AppProcesses.Running credit = apps.start(CREDIT, Map.of());
        AppProcesses.Running risk = apps.start(RISK, Map.of());
        awaitLogLine(credit, "started");

        apps.stopOne(CREDIT, Duration.ofSeconds(10));

        assertThat(credit.process().isAlive()).isFalse();
        assertThat(risk.process().isAlive()).isTrue();
        assertThat(printed()).contains("credit-service (pid " + credit.process().pid() + ") stopped in");
        AppProcesses.Running again = apps.start(CREDIT, Map.of());
        assertThat(again.process().isAlive()).isTrue();
        assertThat(apps.running()).extracting(AppProcesses.Running::process).containsExactlyInAnyOrder(risk.process(), again.process());
    }

    @Test
    void refusesToStartAnAppThatStillRuns() throws Exception {
        apps = shell("exec sleep 60");
        AppProcesses.Running credit = apps.start(CREDIT, Map.of());

        assertThatIllegalStateException().isThrownBy(() -> apps.start(CREDIT, Map.of()))
            .withMessage("credit-service is still running (pid " + credit.process().pid() + ")");
    }

    @Test
    void theGatewayGetsItsSecretsFromTheLauncherNotFromTheInheritedEnvironment() {
        AppSpec gateway = AppSpec.ALL.get(0);
        Map<String, String> inherited = new HashMap<>(Map.of("CITYFIN_ADMIN_API_KEY", "cfk_from-shell"));

        AppProcesses.applyEnvironment(inherited, environment(gateway));

        assertThat(inherited).containsEntry("CITYFIN_ADMIN_API_KEY", KeyFixtures.ADMIN_KEY_VALUE)
            .containsEntry("CITYFIN_IDENTITY_SIGNING_KEY", KeyFixtures.PRIVATE_KEY)
            .containsEntry("CITYFIN_IDENTITY_KEY_ID", KeyFixtures.KEY_ID);
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
        apps.start(CREDIT, environment(CREDIT));
        AppProcesses.Running risk = apps.start(RISK, environment(RISK));
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

    private Map<String, String> environment(AppSpec app) {
        return app.environment(server(), LauncherSettings.from(Map.of(), dir), KeyFixtures.adminKey(),
                KeyFixtures.signingKeys(), KeyFixtures.serviceKeys());
    }

    private static void awaitLogLine(AppProcesses.Running app, String line) {
        Awaitility.await("'" + line + "' in " + app.log()).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> LogTail.lastLines(app.log(), 5).contains(line));
    }

}
