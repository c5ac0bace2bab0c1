package io.cityfin.launcher;

import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The optional Prometheus of the local run ({@code ./cityfin start --prometheus}): Debian's {@code prometheus} binary,
 * if installed, with {@code infra/prometheus/prometheus-local.yml} and its alert rules, the targets moved to this run's
 * management ports, its data in {@code <data>/prometheus}, listening on 127.0.0.1 only.
 */
final class LocalPrometheus {

    static final String LOCAL_CONFIG = "infra/prometheus/prometheus-local.yml";

    private final Process process;

    private final int port;

    private LocalPrometheus(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The {@code prometheus} executable on {@code path} (the PATH variable), if any. */
    static Optional<Path> findBinary(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String folder : path.split(File.pathSeparator)) {
            Path candidate = Path.of(folder.isEmpty() ? "." : folder, "prometheus");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * {@code template} (the local scrape configuration, written for the default ports) for {@code apps}: each default
     * management target becomes the app's own, and the rule files are read from {@code rules} (an absolute folder).
     */
    static String configuration(String template, List<AppSpec> apps, Path rules) {
        String config = template;
        List<AppSpec> defaults = AppSpec.ALL;
        // through placeholders, so moving 9080 -> 9081 cannot be moved again by the next app's replacement
        for (int i = 0; i < defaults.size(); i++) {
            String target = "'127.0.0.1:" + defaults.get(i).managementPort() + "'";
            if (!config.contains(target)) {
                throw new IllegalArgumentException(LOCAL_CONFIG + " has no target " + target + " for " + defaults.get(i).module());
            }
            config = config.replace(target, "'@" + i + "@'");
        }
        for (int i = 0; i < apps.size(); i++) {
            config = config.replace("'@" + i + "@'", "'127.0.0.1:" + apps.get(i).managementPort() + "'");
        }
        return config.replace("  - rules/*.yml", "  - " + rules.resolve("*.yml"));
    }

    /** Starts Prometheus; its output goes to {@code <logs>/prometheus.log}. */
    static LocalPrometheus start(Path binary, LauncherSettings settings) throws IOException {
        Path home = settings.dataDir().resolve("prometheus");
        Files.createDirectories(home.resolve("data"));
        Path infra = settings.repoRoot().resolve(LOCAL_CONFIG);
        Path config = home.resolve("prometheus.yml");
        Files.writeString(config, configuration(Files.readString(infra, StandardCharsets.UTF_8), settings.apps(),
                infra.getParent().resolve("rules")), StandardCharsets.UTF_8);
        Path log = settings.logDir().resolve("prometheus.log");
        Process process = new ProcessBuilder(binary.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + home.resolve("data"),
                "--web.listen-address=127.0.0.1:" + settings.prometheusPort())
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(Redirect.appendTo(log.toFile()))
            .start();
        return new LocalPrometheus(process, settings.prometheusPort());
    }

    String url() {
        return "http://localhost:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** Whether it is still running after {@code wait}: a bad configuration or a busy port ends it at once. */
    boolean isRunningAfter(Duration wait) throws InterruptedException {
        return !process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        }
        catch (InterruptedException ex) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
