import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue #14's flood benchmark (run by bench/flood.sh; see bench/README.md): a real caller's latency through the gateway
 * alone, then while a flood of made-up API keys arrives at a fixed rate, in one run. Prints the p50s and their ratio,
 * the flood's answers, and what the flood cost: the gateway's key look-ups (its metric) and the transactions of its
 * database (pg_stat_database), and the CPU seconds of the gateway and PostgreSQL per phase.
 */
public class Flood {

    static final String GATEWAY = env("GATEWAY_URL", "http://127.0.0.1:28080");
    static final String MANAGEMENT = env("MANAGEMENT_URL", "http://127.0.0.1:29080");
    static final int FLOOD_RATE = Integer.parseInt(env("FLOOD_RATE", "930"));
    static final int PHASE_SECONDS = Integer.parseInt(env("PHASE_SECONDS", "20"));
    static final String REAL_PATH = env("REAL_PATH", "/api/v1/credit/catalogue");
    static final int REAL_INTERVAL_MS = Integer.parseInt(env("REAL_INTERVAL_MS", "20"));
    /** At most this many flood requests in flight, as an attacker's connections would be; what cannot go is counted. */
    static final int FLOOD_IN_FLIGHT = Integer.parseInt(env("FLOOD_IN_FLIGHT", "64"));
    static final Pattern MISS = Pattern.compile("cityfin_gateway_keys_lookups_total\\{[^}]*result=\"miss\"[^}]*} ([0-9.E]+)");

    public static void main(String[] args) throws Exception {
        String admin = Files.readString(Path.of(System.getenv("ADMIN_KEY_FILE"))).trim();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        String realKey = issueKey(client, admin);
        System.out.printf("Real caller: GET %s every %d ms with an ANALYST key; flood: %d requests/s of made-up keys, %d s per phase%n",
                REAL_PATH, REAL_INTERVAL_MS, FLOOD_RATE, PHASE_SECONDS);

        for (int i = 0; i < 300; i++) { // warm-up: JIT, connection pools, the key cache
            get(client, REAL_PATH, realKey);
        }
        Map<String, Phase> phases = new LinkedHashMap<>();
        phases.put("unloaded", phase(client, realKey, 0));
        phases.put("flood", phase(client, realKey, FLOOD_RATE));
        phases.put("unloaded again", phase(client, realKey, 0));

        System.out.println();
        System.out.printf("%-15s %9s %9s %9s %10s %12s %12s %11s %10s %10s%n", "phase", "real p50", "real p95", "real n",
                "answered/s", "flood 401", "flood 429", "look-ups", "gw db tx", "gw CPU s");
        phases.forEach((name, p) -> System.out.printf("%-15s %7.2fms %7.2fms %9d %10.0f %12d %12d %11.0f %10d %10.2f%n", name,
                p.p50(), p.p95(), p.latencies.size(), p.answered() / (double) PHASE_SECONDS, p.statuses.getOrDefault(401, 0L),
                p.statuses.getOrDefault(429, 0L), p.lookUps, p.gatewayTransactions, p.cpu.getOrDefault("gateway", 0.0)));
        Phase unloaded = phases.get("unloaded");
        Phase flood = phases.get("flood");
        System.out.printf("%nRatio of the real caller's p50 under the flood to its unloaded p50: %.2fx (goal <= 1.5x)%n",
                flood.p50() / unloaded.p50());
        System.out.printf("CPU seconds per phase: %s%n", phases.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().cpu).toList());
        System.out.printf("Flood answers (0: not sent, %d already in flight; -1: failed %s): %s; real caller's answers under the flood: %s%n",
                FLOOD_IN_FLIGHT, flood.errors, flood.statuses, flood.realStatuses);
    }

    static Phase phase(HttpClient client, String realKey, int floodRate) throws Exception {
        Phase phase = new Phase();
        double missesBefore = misses(client);
        long transactionsBefore = gatewayTransactions();
        Map<String, Double> cpuBefore = cpu();
        AtomicBoolean running = new AtomicBoolean(true);
        ScheduledExecutorService flood = Executors.newSingleThreadScheduledExecutor();
        HttpClient floodClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        SecureRandom random = new SecureRandom();
        AtomicLong owed = new AtomicLong();
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(FLOOD_IN_FLIGHT);
        if (floodRate > 0 && !env("JFR_PID", "").isBlank()) { // the gateway's profile of the flood phase (flood.sh: PROFILE=1)
            new ProcessBuilder("jcmd", env("JFR_PID", ""), "JFR.start", "name=flood", "settings=profile",
                    "duration=" + PHASE_SECONDS + "s", "filename=" + env("OUT_DIR", "/tmp") + "/gateway-flood.jfr")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
        if (floodRate > 0) {
            long start = System.nanoTime();
            flood.scheduleAtFixedRate(() -> { // a fixed rate: sends what is due since the start, whatever the answers take
                long due = (System.nanoTime() - start) * floodRate / 1_000_000_000L;
                while (owed.get() < due && running.get()) {
                    owed.incrementAndGet();
                    if (!inFlight.tryAcquire()) {
                        phase.statuses.merge(0, 1L, Long::sum); // not sent: FLOOD_IN_FLIGHT requests still open
                        continue;
                    }
                    byte[] bytes = new byte[32];
                    random.nextBytes(bytes);
                    String madeUp = "cfk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                    floodClient.sendAsync(request("/api/v1/indicators?period=2022-09", madeUp), HttpResponse.BodyHandlers.discarding())
                            .whenComplete((response, error) -> {
                                inFlight.release();
                                phase.statuses.merge(error != null ? -1 : response.statusCode(), 1L, Long::sum);
                                if (error != null) {
                                    phase.errors.merge(error.getClass().getSimpleName(), 1L, Long::sum);
                                }
                            });
                }
            }, 0, 5, TimeUnit.MILLISECONDS);
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(PHASE_SECONDS);
        while (System.nanoTime() < end) {
            long sent = System.nanoTime();
            int status = get(client, REAL_PATH, realKey);
            phase.latencies.add((System.nanoTime() - sent) / 1e6);
            phase.realStatuses.merge(status, 1L, Long::sum);
            long next = sent + TimeUnit.MILLISECONDS.toNanos(REAL_INTERVAL_MS);
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
        running.set(false);
        flood.shutdownNow();
        phase.floodSent = owed.get();
        TimeUnit.SECONDS.sleep(1); // the flood's last answers
        phase.lookUps = misses(client) - missesBefore;
        phase.gatewayTransactions = gatewayTransactions() - transactionsBefore;
        Map<String, Double> cpuAfter = cpu();
        cpuAfter.forEach((name, seconds) -> phase.cpu.put(name, Math.round((seconds - cpuBefore.getOrDefault(name, 0.0)) * 100) / 100.0));
        return phase;
    }

    static final class Phase {
        final List<Double> latencies = new ArrayList<>();
        final Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        final Map<String, Long> errors = new ConcurrentHashMap<>();
        final Map<Integer, Long> realStatuses = new TreeMap<>();
        final Map<String, Double> cpu = new TreeMap<>();
        long floodSent;
        double lookUps;
        long gatewayTransactions;

        /** Flood requests answered (any status). */
        long answered() {
            return statuses.entrySet().stream().filter(e -> e.getKey() > 0).mapToLong(Map.Entry::getValue).sum();
        }

        double p50() {
            return percentile(0.50);
        }

        double p95() {
            return percentile(0.95);
        }

        double percentile(double p) {
            double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
        }
    }

    static String issueKey(HttpClient client, String admin) throws Exception {
        HttpResponse<String> issued = client.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/v1/admin/api-keys"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"label\": \"flood bench real caller\", \"roles\": [\"ANALYST\"]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher key = Pattern.compile("\"key\"\\s*:\\s*\"(cfk_[^\"]+)\"").matcher(issued.body());
        if (issued.statusCode() != 201 || !key.find()) {
            throw new IllegalStateException("could not issue a key: " + issued.statusCode() + " " + issued.body());
        }
        return key.group(1);
    }

    static int get(HttpClient client, String path, String key) throws Exception {
        return client.send(request(path, key), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static HttpRequest request(String path, String key) {
        return HttpRequest.newBuilder(URI.create(GATEWAY + path)).header("Authorization", "Bearer " + key)
                .timeout(Duration.ofSeconds(10)).GET().build();
    }

    static double misses(HttpClient client) throws Exception {
        String metrics = client.send(HttpRequest.newBuilder(URI.create(MANAGEMENT + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher miss = MISS.matcher(metrics);
        return miss.find() ? Double.parseDouble(miss.group(1)) : Double.NaN;
    }

    /** Transactions of the gateway's database so far (psql; the statistics are flushed within a second). */
    static long gatewayTransactions() throws Exception {
        TimeUnit.MILLISECONDS.sleep(1100);
        Process psql = new ProcessBuilder("psql", "-X", "-A", "-t", "-d", "cityfin_gateway", "-c",
                "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = 'cityfin_gateway'").start();
        String out = new String(psql.getInputStream().readAllBytes()).trim();
        psql.waitFor();
        return out.isEmpty() ? -1 : Long.parseLong(out);
    }

    /**
     * CPU seconds (user + system) of each process in CPU_PIDS (name=pid,...) and of its living children (PostgreSQL's
     * backends are the postmaster's), plus those of children that have ended.
     */
    static Map<String, Double> cpu() throws Exception {
        Map<String, Double> seconds = new TreeMap<>();
        List<String[]> all = new ArrayList<>();
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    all.add(fields(Files.readString(process.resolve("stat"))));
                } catch (java.io.IOException gone) {
                    // ended meanwhile
                }
            }
        }
        for (String entry : env("CPU_PIDS", "").split(",")) {
            String[] parts = entry.split("=");
            if (parts.length != 2 || parts[1].isBlank() || !Files.exists(Path.of("/proc", parts[1], "stat"))) {
                continue;
            }
            long ticks = ticks(fields(Files.readString(Path.of("/proc", parts[1], "stat"))), true);
            for (String[] process : all) {
                if (process[1].equals(parts[1])) { // its parent
                    ticks += ticks(process, false);
                }
            }
            seconds.put(parts[0], ticks / 100.0);
        }
        return seconds;
    }

    /** The fields after the command name: [0] state, [1] ppid, ..., [11] utime, [12] stime, [13] cutime, [14] cstime. */
    static String[] fields(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    static long ticks(String[] fields, boolean withEndedChildren) {
        int[] columns = withEndedChildren ? new int[] {11, 12, 13, 14} : new int[] {11, 12};
        return Arrays.stream(columns).mapToLong(i -> Long.parseLong(fields[i])).sum();
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
