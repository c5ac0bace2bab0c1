package io.cityfin.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * {@code ./cityfin start}: PostgreSQL, then the six apps, then their readiness; stops everything on SIGTERM or
 * Ctrl-C. Plain Java, so the launcher itself is up in a fraction of a second.
 */
public final class Launcher {

    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);

    private static final int LOG_LINES = 30;

    private final PrintStream out;

    private final LauncherSettings settings;

    private final long startNanos;

    private final AppProcesses apps;

    /** Guards the short steps that create something to stop, so a stop never misses one. */
    private final Object lifecycle = new Object();

    private boolean stopped;

    private @Nullable PidFile pidFile;

    private @Nullable LocalPostgres postgres;

    private final SecureRandom random = new SecureRandom();

    private @Nullable AdminKey adminKey;

    private @Nullable SigningKeys signingKeys;

    private @Nullable ServiceKeys serviceKeys;

    private @Nullable LocalPrometheus prometheus;

    Launcher(PrintStream out, LauncherSettings settings, long startNanos) {
        this.out = out;
        this.settings = settings;
        this.startNanos = startNanos;
        List<String> java = new ArrayList<>();
        java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        java.addAll(settings.javaOptions());
        this.apps = new AppProcesses(java, settings.repoRoot(), settings.logDir(), out);
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        quietLibraryLogging();
        if (args.length > 0) {
            System.out.println("The launcher takes no arguments; see ./cityfin help");
            System.exit(2);
        }
        LauncherSettings settings;
        try {
            settings = LauncherSettings.from(System.getenv(), Path.of(""));
        }
        catch (IllegalArgumentException ex) {
            System.out.println(ex.getMessage());
            System.exit(1);
            return;
        }
        int code = new Launcher(System.out, settings, start).run();
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * A launcher that runs the platform from {@code repoRoot} as {@code ./cityfin start} would with these
     * environment variables (see the README), printing to {@code out}; for tests that start the real platform,
     * e.g. on other ports ({@code CITYFIN_PORT_BASE}) and in a data folder of their own ({@code CITYFIN_DATA_DIR}).
     *
     * @throws IllegalArgumentException naming the variable that is wrong
     */
    public static Launcher create(Map<String, String> environment, Path repoRoot, PrintStream out) {
        return new Launcher(out, LauncherSettings.from(environment, repoRoot), System.nanoTime());
    }

    /** Starts everything and blocks until the JVM is stopped; returns an exit code only when starting failed. */
    int run() {
        int code = start();
        if (code != 0 || isStopped() || Thread.currentThread().isInterrupted()) {
            return code;
        }
        apps.watchUnexpectedExits(app -> out.println("!! " + app.describe() + " exited unexpectedly with code "
                + app.process().exitValue() + "; the others keep running. See " + app.log()));
        try {
            Thread.currentThread().join(); // until Ctrl-C or ./cityfin stop runs the shutdown hook
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /**
     * Starts PostgreSQL and the six apps and waits until all are ready, without blocking afterwards; a shutdown hook
     * calls {@link #stop()}. Returns 0 when every app is ready (or a stop came first), 1 when starting failed: then
     * the reason (with an app's last log lines) is printed and everything is stopped again.
     */
    public int start() {
        List<String> missing = settings.apps().stream()
            .map(app -> app.jar(settings.repoRoot()))
            .filter(jar -> !Files.isRegularFile(jar))
            .map(jar -> settings.repoRoot().relativize(jar).toString())
            .toList();
        if (!missing.isEmpty()) {
            out.println("Missing app jar(s):");
            missing.forEach(jar -> out.println("  " + jar));
            out.println("Build them with ./cityfin build (or mvn -DskipTests package), then start again.");
            return 1;
        }
        try {
            Files.createDirectories(settings.logDir());
            pidFile = PidFile.acquire(settings.dataDir().resolve("launcher.pid"), ProcessHandle.current().pid());
        }
        catch (PidFile.AlreadyRunningException ex) {
            out.println(ex.getMessage());
            return 1;
        }
        catch (IOException ex) {
            out.println("Cannot use the data folder " + settings.dataDir() + ": " + ex);
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "cityfin-stop"));
        out.println("Starting CityFin (data in " + settings.dataDir() + ", launcher pid " + ProcessHandle.current().pid() + ")");
        try {
            prepareKeys();
            List<String> busy = busyPorts();
            if (!busy.isEmpty()) {
                out.println("Ports in use: " + String.join(", ", busy) + ". Is CityFin (or something else) already running?"
                        + " 'ss -ltnp' shows which process holds them (apps of a killed launcher keep running).");
                stop();
                return 1;
            }
            startDatabase();
            startApps();
            if (!awaitReadiness()) {
                stop();
                return 1;
            }
            startPrometheus();
        }
        catch (IOException | SQLException | RuntimeException ex) {
            if (!isStopped()) {
                out.println("CityFin could not start: " + (ex.getMessage() != null ? ex.getMessage() : ex.toString()));
                stop();
                return 1;
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** The process this launcher started for an app ({@code credit-service}); empty before it started one. */
    public Optional<ProcessHandle> process(String module) {
        return apps.running().stream()
            .filter(running -> running.app().module().equals(module))
            .map(running -> running.process().toHandle())
            .findFirst();
    }

    /** Stops the apps, then PostgreSQL, then removes the pid file; only the first call does anything. */
    public void stop() {
        synchronized (lifecycle) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        out.println("Stopping CityFin ...");
        LocalPrometheus localPrometheus = prometheus;
        if (localPrometheus != null) {
            localPrometheus.stop(STOP_GRACE);
            out.println("  Prometheus stopped");
        }
        apps.stopAll(STOP_GRACE);
        LocalPostgres database = postgres;
        if (database != null && database.isEmbedded()) {
            out.println("  stopping embedded PostgreSQL ...");
            try {
                database.close();
                out.println("  embedded PostgreSQL stopped");
            }
            catch (IOException | RuntimeException ex) {
                out.println("  embedded PostgreSQL did not stop cleanly: " + ex.getMessage());
            }
        }
        PidFile pid = pidFile;
        if (pid != null && pid.release()) {
            out.println("  removed " + pid.path());
        }
        out.println("CityFin stopped.");
        out.flush();
    }

    private boolean isStopped() {
        synchronized (lifecycle) {
            return stopped;
        }
    }

    private List<String> busyPorts() {
        List<Integer> ports = new ArrayList<>();
        for (AppSpec app : settings.apps()) {
            ports.add(app.port());
            ports.add(app.managementPort());
        }
        // a postmaster.pid means an earlier PostgreSQL may still run on this data; zonky then reuses it
        if (settings.externalDatabase() == null && !Files.exists(embeddedDataDir().resolve("postmaster.pid"))) {
            ports.add(settings.embeddedDbPort());
        }
        List<String> busy = new ArrayList<>();
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(port));
            }
            catch (IOException ex) {
                busy.add(Integer.toString(port));
            }
        }
        return busy;
    }

    /**
     * The admin API key, the internal token keys and the services' API keys: from the environment, or the data
     * folder's (made on the first start). Prints where they are, never a key.
     */
    private void prepareKeys() throws IOException {
        AdminKey admin = settings.adminApiKey();
        if (admin == null) {
            admin = AdminKey.loadOrCreate(settings.dataDir(), random, out::println);
        }
        out.println(admin.describe());
        SigningKeys signing = settings.signingKeys();
        if (signing == null) {
            signing = SigningKeys.loadOrCreate(settings.identityDir(), out::println);
        }
        out.println(signing.describe());
        ServiceKeys services = ServiceKeys.load(settings.serviceApiKeys(), settings.dataDir(), random, out::println);
        services.all().forEach(key -> out.println(key.describe()));
        adminKey = admin;
        signingKeys = signing;
        serviceKeys = services;
    }

    private Path embeddedDataDir() {
        return settings.dataDir().resolve("postgres");
    }

    private void startDatabase() throws IOException, SQLException {
        DatabaseUrl external = settings.externalDatabase();
        LocalPostgres database;
        synchronized (lifecycle) {
            if (stopped) {
                throw new IllegalStateException("stopping");
            }
            if (external != null) {
                out.println("PostgreSQL: " + external.display() + " (CITYFIN_DB_URL)");
                database = LocalPostgres.external(external);
            }
            else {
                out.println("PostgreSQL: starting embedded PostgreSQL on port " + settings.embeddedDbPort() + ", data in "
                        + embeddedDataDir() + " ...");
                long start = System.nanoTime();
                database = LocalPostgres.embedded(embeddedDataDir(), settings.embeddedDbPort(),
                        settings.logDir().resolve("postgres.log"));
                out.println("  up in " + seconds(Duration.ofNanos(System.nanoTime() - start))
                        + (database.isNewCluster() ? " (new, empty cluster)" : " (existing data)"));
            }
            postgres = database;
        }
        List<String> created = database.ensureDatabases(AppSpec.databases());
        out.println(created.isEmpty() ? "  databases: all " + AppSpec.databases().size() + " present"
                : "  databases: created " + String.join(", ", created));
    }

    private void startApps() throws IOException {
        out.println("Apps: " + String.join(" ", settings.javaOptions()) + "; logs in " + settings.logDir());
        for (AppSpec app : settings.apps()) {
            startApp(app);
        }
    }

    private AppProcesses.Running startApp(AppSpec app) throws IOException {
        DatabaseUrl server = requirePostgres().server();
        AdminKey admin = adminKey;
        SigningKeys signing = signingKeys;
        ServiceKeys services = serviceKeys;
        if (admin == null || signing == null || services == null) {
            throw new IllegalStateException("the keys are not prepared");
        }
        synchronized (lifecycle) {
            if (stopped) {
                throw new IllegalStateException("stopping");
            }
            AppProcesses.Running running = apps.start(app, app.environment(server, settings, admin, signing, services));
            out.println("  started " + running.describe() + " on port " + app.port());
            return running;
        }
    }

    /**
     * Stops one app of a started platform ({@code capital-market-service}), as {@link #stop()} stops them all: SIGTERM,
     * up to 20 s, then kill. The others keep running; {@link #start(String)} starts it again. For tests of what the
     * platform does while one service is away.
     *
     * @throws IllegalArgumentException for a module that is none of the six apps
     * @throws IllegalStateException before {@link #start()} has started the apps, or once the platform is stopping
     */
    public void stop(String module) {
        AppSpec app = app(module);
        requireRunningPlatform();
        out.println("Stopping " + module + " ...");
        apps.stopOne(app, STOP_GRACE);
    }

    /**
     * Starts one app of a started platform again after {@link #stop(String)} (or after it exited), with the same
     * environment as at the platform's start, and waits until it is ready. Returns 0 when it is ready, 1 when it exits
     * first or is not ready within the start timeout (its last log lines are printed; it is stopped again, the others
     * keep running).
     *
     * @throws IllegalArgumentException for a module that is none of the six apps
     * @throws IllegalStateException if the app is still running, before {@link #start()} has started the apps, or once
     *     the platform is stopping
     */
    public int start(String module) {
        AppSpec app = app(module);
        requireRunningPlatform();
        try {
            AppProcesses.Running running = startApp(app);
            Readiness.Probe probe = new Readiness.Probe(module, app.readinessUri(), running.process()::isAlive);
            Readiness.Outcome outcome = new Readiness(POLL_INTERVAL, POLL_TIMEOUT).await(List.of(probe),
                    settings.startTimeout(), ready -> out.println("  " + module + " ready"), this::isStopped);
            if (outcome instanceof Readiness.AllReady) {
                return 0;
            }
            out.println(module + " did not become ready: " + outcome);
            printLogTail(running);
            apps.stopOne(app, STOP_GRACE);
            return 1;
        }
        catch (IOException ex) {
            out.println(module + " could not start: " + ex.getMessage());
            return 1;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private AppSpec app(String module) {
        return settings.apps().stream().filter(app -> app.module().equals(module)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("No app " + module + "; the apps are "
                    + settings.apps().stream().map(AppSpec::module).toList()));
    }

    private void requireRunningPlatform() {
        if (isStopped() || postgres == null || apps.running().isEmpty()) {
            throw new IllegalStateException("the platform is not running: start() first");
        }
    }

    /** With {@code CITYFIN_PROMETHEUS=true}: Prometheus if it is installed; the platform runs on without it. */
    private void startPrometheus() throws IOException, InterruptedException {
        if (!settings.prometheus() || isStopped()) {
            return;
        }
        Optional<Path> binary = LocalPrometheus.findBinary(System.getenv("PATH"));
        if (binary.isEmpty()) {
            out.println("Prometheus: not started, no 'prometheus' on the PATH (Debian: apt-get install prometheus).");
            return;
        }
        synchronized (lifecycle) {
            if (stopped) {
                return;
            }
            prometheus = LocalPrometheus.start(binary.get(), settings);
        }
        LocalPrometheus started = prometheus;
        if (started != null && started.isRunningAfter(Duration.ofSeconds(1))) {
            out.println("Prometheus: " + started.url() + " (pid " + started.pid() + ", the six apps and the alert rules of "
                    + LocalPrometheus.LOCAL_CONFIG + "; log in " + settings.logDir().resolve("prometheus.log") + ")");
        }
        else {
            out.println("Prometheus exited at once; see " + settings.logDir().resolve("prometheus.log")
                    + " (port " + settings.prometheusPort() + " busy? CITYFIN_PROMETHEUS_PORT moves it).");
        }
    }

    private boolean awaitReadiness() throws InterruptedException {
        List<Readiness.Probe> probes = new ArrayList<>();
        Map<String, AppProcesses.Running> byName = new HashMap<>();
        for (AppProcesses.Running running : apps.running()) {
            probes.add(new Readiness.Probe(running.app().module(), running.app().readinessUri(), running.process()::isAlive));
            byName.put(running.app().module(), running);
        }
        out.println("Waiting for readiness (up to " + settings.startTimeout().toSeconds() + " s) ...");
        Readiness.Outcome outcome = new Readiness(POLL_INTERVAL, POLL_TIMEOUT).await(probes, settings.startTimeout(),
                probe -> out.println("  " + probe.name() + " ready after " + seconds(elapsed())), this::isStopped);
        if (outcome instanceof Readiness.AllReady) {
            printSummary();
            return true;
        }
        if (isStopped() || outcome instanceof Readiness.Cancelled) {
            return true;
        }
        if (outcome instanceof Readiness.Died died) {
            AppProcesses.Running running = byName.get(died.probe().name());
            out.println(running.describe() + " exited with code " + running.process().exitValue() + " before it was ready.");
            printLogTail(running);
        }
        else if (outcome instanceof Readiness.TimedOut timedOut) {
            out.println("Not ready after " + settings.startTimeout().toSeconds() + " s (CITYFIN_START_TIMEOUT_SECONDS): "
                    + String.join(", ", timedOut.notReady().stream().map(Readiness.Probe::name).toList()));
            timedOut.notReady().forEach(probe -> printLogTail(byName.get(probe.name())));
        }
        return false;
    }

    private void printLogTail(AppProcesses.Running running) {
        out.println("---- last " + LOG_LINES + " lines of " + running.log() + " ----");
        running.lastLogLines(LOG_LINES).forEach(line -> out.println("  " + line));
        out.println("----");
    }

    private void printSummary() {
        DatabaseUrl server = requirePostgres().server();
        out.println();
        out.println("CityFin is up in " + seconds(elapsed()) + ".");
        out.println();
        out.printf("  %-24s %-24s %s%n", "app", "public", "management");
        for (AppSpec app : settings.apps()) {
            out.printf("  %-24s %-24s %s%n", app.module(), app.publicUrl(), app.managementUrl());
        }
        out.printf("  %-24s %s%n", "PostgreSQL", server.display() + (requirePostgres().isEmbedded()
                ? " (embedded, data in " + embeddedDataDir() + ")" : " (CITYFIN_DB_URL)"));
        out.println();
        String gateway = settings.apps().get(0).publicUrl();
        out.println("  Gateway: " + gateway);
        AdminKey admin = adminKey;
        if (admin != null) {
            Path file = admin.file();
            out.println("  Admin:   " + (file == null ? "API key from " + AdminKey.VARIABLE : "API key in " + file));
            out.println("  Try:     " + admin.curlExample(gateway + "/api/v1/indicators?period=2022-09"));
        }
        out.println("  Logs:    " + settings.logDir() + "/<app>.log");
        out.println("  Stop:    ./cityfin stop   (or Ctrl-C here)");
        out.println();
    }

    private LocalPostgres requirePostgres() {
        LocalPostgres database = postgres;
        if (database == null) {
            throw new IllegalStateException("PostgreSQL is not started");
        }
        return database;
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** {@code 74.3 s}: whole tenths, no floating point. */
    static String seconds(Duration duration) {
        long tenths = duration.toMillis() / 100;
        return tenths / 10 + "." + tenths % 10 + " s";
    }

    /** zonky logs through SLF4J; its warnings and errors are worth seeing, its progress is not. */
    private static void quietLibraryLogging() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
    }

}
