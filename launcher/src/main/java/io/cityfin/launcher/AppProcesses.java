package io.cityfin.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** The app processes the launcher started: one JVM per app, its output appended to {@code <logs>/<module>.log}. */
final class AppProcesses {

    private final List<String> javaCommand;

    private final Path repoRoot;

    private final Path logDirectory;

    private final PrintStream out;

    private final List<Running> running = new ArrayList<>();

    private boolean stopping;

    /**
     * @param javaCommand the java executable and its options, e.g. {@code [/usr/bin/java, -Xmx512m]}
     * @param repoRoot where the modules are; also the apps' working directory
     */
    AppProcesses(List<String> javaCommand, Path repoRoot, Path logDirectory, PrintStream out) {
        this.javaCommand = List.copyOf(javaCommand);
        this.repoRoot = repoRoot;
        this.logDirectory = logDirectory;
        this.out = out;
    }

    /** A started app; its output starts at byte {@code logStart} of {@code log}. */
    record Running(AppSpec app, Process process, Path log, long logStart) {

        List<String> lastLogLines(int count) {
            return LogTail.lastLines(log, count, logStart);
        }

        String describe() {
            return app.module() + " (pid " + process.pid() + ")";
        }

    }

    List<String> command(AppSpec app) {
        List<String> command = new ArrayList<>(javaCommand);
        command.add("-jar");
        command.add(app.jar(repoRoot).toString());
        return command;
    }

    synchronized Running start(AppSpec app, Map<String, String> environment) throws IOException {
        if (stopping) {
            throw new IllegalStateException("the launcher is stopping; not starting " + app.module());
        }
        for (Running earlier : running) {
            if (earlier.app().module().equals(app.module()) && earlier.process().isAlive()) {
                throw new IllegalStateException(app.module() + " is still running (pid " + earlier.process().pid() + ")");
            }
        }
        running.removeIf(earlier -> earlier.app().module().equals(app.module()));
        Files.createDirectories(logDirectory);
        Path log = logDirectory.resolve(app.module() + ".log");
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        Files.writeString(log, "==== " + OffsetDateTime.now() + " cityfin launcher starts " + app.module() + " ====\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command(app))
            .directory(repoRoot.toFile())
            .redirectErrorStream(true)
            .redirectOutput(Redirect.appendTo(log.toFile()));
        applyEnvironment(builder.environment(), environment);
        Running started = new Running(app, builder.start(), log, logStart);
        running.add(started);
        return started;
    }

    /**
     * Puts {@code environment} into the environment {@code inherited} from the launcher, after taking the secrets out
     * of it ({@link AppSpec#SECRET_VARIABLES}): they reach an app only through {@code environment}, so a service does
     * not inherit, say, a {@code CITYFIN_ADMIN_API_KEY} or another service's API key exported in the shell.
     */
    static void applyEnvironment(Map<String, String> inherited, Map<String, String> environment) {
        inherited.keySet().removeAll(AppSpec.SECRET_VARIABLES);
        inherited.putAll(environment);
    }

    synchronized List<Running> running() {
        return List.copyOf(running);
    }

    synchronized boolean isStopping() {
        return stopping;
    }

    /** Calls {@code onUnexpectedExit} for each app that exits before {@link #stopAll} began. */
    void watchUnexpectedExits(Consumer<Running> onUnexpectedExit) {
        for (Running app : running()) {
            app.process().onExit().thenRun(() -> {
                if (!isStopping()) {
                    onUnexpectedExit.accept(app);
                }
            });
        }
    }

    /**
     * Sends SIGTERM to every app, waits up to {@code grace} for all of them, then kills the rest. Only the first call
     * does anything.
     */
    void stopAll(Duration grace) {
        List<Running> apps;
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
            apps = List.copyOf(running);
        }
        List<Running> alive = new ArrayList<>();
        for (Running app : apps) {
            if (app.process().isAlive()) {
                alive.add(app);
            }
            else {
                out.println("  " + app.describe() + " had already exited with code " + app.process().exitValue());
            }
        }
        if (alive.isEmpty()) {
            return;
        }
        out.println("  SIGTERM -> " + String.join(", ", alive.stream().map(Running::describe).toList()));
        long start = System.nanoTime();
        alive.forEach(app -> app.process().destroy());
        long deadline = start + grace.toNanos();
        List<Running> stubborn = new ArrayList<>();
        for (Running app : alive) {
            if (!awaitExit(app.process(), deadline)) {
                stubborn.add(app);
            }
        }
        if (stubborn.isEmpty()) {
            out.println("  " + alive.size() + " app(s) stopped in " + Launcher.seconds(Duration.ofNanos(System.nanoTime() - start)));
            return;
        }
        out.println("  still running after " + Launcher.seconds(grace) + ", killing: "
                + String.join(", ", stubborn.stream().map(Running::describe).toList()));
        stubborn.forEach(app -> app.process().destroyForcibly());
        stubborn.forEach(app -> awaitExit(app.process(), System.nanoTime() + TimeUnit.SECONDS.toNanos(5)));
    }

    /** Stops one app as {@link #stopAll} stops them all: SIGTERM, up to {@code grace}, then kill. */
    void stopOne(AppSpec app, Duration grace) {
        Running target;
        synchronized (this) {
            if (stopping) {
                throw new IllegalStateException("the launcher is stopping");
            }
            target = running.stream().filter(started -> started.app().module().equals(app.module())).findFirst()
                .orElseThrow(() -> new IllegalStateException(app.module() + " was not started"));
        }
        if (!target.process().isAlive()) {
            out.println("  " + target.describe() + " had already exited with code " + target.process().exitValue());
            return;
        }
        long start = System.nanoTime();
        target.process().destroy();
        if (awaitExit(target.process(), start + grace.toNanos())) {
            out.println("  " + target.describe() + " stopped in " + Launcher.seconds(Duration.ofNanos(System.nanoTime() - start)));
            return;
        }
        out.println("  " + target.describe() + " still running after " + Launcher.seconds(grace) + ", killing it");
        target.process().destroyForcibly();
        awaitExit(target.process(), System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
    }

    private static boolean awaitExit(Process process, long deadlineNanos) {
        try {
            process.onExit().get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        }
        catch (TimeoutException | ExecutionException ex) {
            return !process.isAlive();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

}
