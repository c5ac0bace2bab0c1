import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue #4's ingestion benchmark (not a test): BANKS banks × every credit item × REGIONS regions submitted through the
 * gateway, one SUBMITTER key per bank, next to a COPY of the same number of rows into the same report_line table; then
 * the indicator query of one period and region, through the API and as EXPLAIN ANALYZE. Run it with bench/ingest.sh,
 * which starts a private platform; on its own it needs a running platform and these variables:
 *
 * GATEWAY_URL (http://127.0.0.1:28080), ADMIN_KEY_FILE, BANKS (1000), REGIONS (3), CONCURRENCY (16), WARMUP (100),
 * MONTHS (1), PERIOD (2022-09), QUERY_REGION (361002), QUERY_RUNS (20), KEYS (per-bank | admin),
 * OUT_DIR (where plans and CSV summaries go), and PGHOST/PGPORT/PGUSER/PGDATABASE for psql (cityfin_credit).
 *
 * Single-file source program: java bench/Ingest.java (Java 17, no libraries; psql on the PATH).
 */
public class Ingest {

    /** The county-level regions of data-standard.md (every region but the city, 361000). */
    static final String[] COUNTIES = {"361002", "361003", "361021", "361022", "361023", "361024", "361025", "361026",
            "361027", "361028", "361030", "361090"};

    static final String[] TYPES = {"STATE_OWNED_BANK", "JOINT_STOCK_BANK", "CITY_COMMERCIAL_BANK", "RURAL_COMMERCIAL_BANK",
            "VILLAGE_BANK", "POSTAL_SAVINGS_BANK", "POLICY_BANK", "FOREIGN_BANK", "OTHER"};

    /** The parts of the loan book that may not exceed LOAN_BALANCE in a region (CreditCatalogueConfiguration). */
    static final List<String> LOAN_PARTS = List.of("INDUSTRIAL_LOAN_BALANCE", "MANUFACTURING_MLT_LOAN_BALANCE",
            "INCLUSIVE_SME_LOAN_BALANCE", "GREEN_LOAN_BALANCE", "ECO_PRODUCT_LOAN_BALANCE", "NPL_BALANCE");

    static final String BANK_PREFIX = "91361000BENCH";
    static final String WARM_PREFIX = "91361000BWARM";
    static final String COPY_INSTITUTION = "BENCHCOPY";
    static final String COPY_PERIOD = "2000-01";
    static final String DIRECT_SQL_SUBMITTER = "bench-direct-sql";

    final String gateway = env("GATEWAY_URL", "http://127.0.0.1:28080");
    final String adminKey;
    final int banks = intEnv("BANKS", 1000);
    final int regions = intEnv("REGIONS", 3);
    final int concurrency = intEnv("CONCURRENCY", 16);
    final int warmup = intEnv("WARMUP", 100);
    final int months = intEnv("MONTHS", 1);
    final String period = env("PERIOD", "2022-09");
    final String queryRegion = env("QUERY_REGION", "361002");
    final int queryRuns = intEnv("QUERY_RUNS", 20);
    final boolean perBankKeys = !env("KEYS", "per-bank").equals("admin");
    final Path outDir;
    final HttpClient http;
    final ExecutorService pool;

    /** The credit items in catalogue order, with their unit. */
    final Map<String, String> items = new LinkedHashMap<>();

    /** What the summary prints, in order. */
    final Map<String, String> summary = new LinkedHashMap<>();

    Ingest() throws IOException {
        adminKey = Files.readString(Path.of(env("ADMIN_KEY_FILE", ".cityfin/admin-api-key"))).strip();
        String out = env("OUT_DIR", "");
        outDir = out.isEmpty() ? Files.createTempDirectory("cityfin-bench-") : Path.of(out);
        Files.createDirectories(outDir);
        if (regions < 1 || regions > COUNTIES.length) {
            throw new IllegalArgumentException("REGIONS must be 1.." + COUNTIES.length);
        }
        if (months < 1 || months > 120) {
            throw new IllegalArgumentException("MONTHS must be 1..120");
        }
        pool = Executors.newFixedThreadPool(concurrency);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(2)).build();
    }

    public static void main(String[] args) throws Exception {
        int status = 0;
        try {
            new Ingest().run();
        } catch (Exception | Error ex) {
            ex.printStackTrace(System.out);
            status = 1;
        }
        System.exit(status);   // the HTTP client's and the pool's threads do not keep the JVM alive
    }

    void run() throws Exception {
        int lines = banks * regions;
        System.out.printf(Locale.ROOT, "%nCityFin ingestion benchmark: %d banks x %d items x %d regions, period %s, %d request(s) in flight, %s%n",
                banks, 17, regions, period, concurrency, perBankKeys ? "one SUBMITTER key per bank" : "the bootstrap ADMIN key");
        System.out.println("Gateway " + gateway + "; plans and raw figures in " + outDir);

        loadCatalogue();
        lines = banks * items.size() * regions;

        // Setup (not measured as ingestion): institutions and keys.
        List<String> bankCodes = codes(BANK_PREFIX, banks);
        List<String> warmCodes = codes(WARM_PREFIX, warmup);
        Phase registered = run("register " + (banks + warmup) + " institutions (PUT /institutions, ADMIN)", concat(
                tasks(bankCodes, (i, code) -> retried(() -> putInstitution(code, i, null))),
                tasks(warmCodes, (i, code) -> retried(() -> putInstitution(code, i, "2015-12-31")))));
        registered.requireAll(200, 201);
        Map<String, String> keys = new ConcurrentHashMap<>();
        if (perBankKeys) {
            Phase issued = run("issue " + (banks + warmup) + " SUBMITTER keys (POST /admin/api-keys, ADMIN)", concat(
                    tasks(bankCodes, (i, code) -> retried(() -> issueKey(code, keys))),
                    tasks(warmCodes, (i, code) -> retried(() -> issueKey(code, keys)))));
            issued.requireAll(201);
            summary.put("key issuing", issued.rate("keys"));
        }

        // Warm-up: the same path (own key, PUT report) for institutions that ended in 2015 and a 2015 period, so
        // nothing of it counts in the 2022 indicators or their completeness.
        if (warmup > 0) {
            Phase warm = run("warm-up: " + warmup + " reports for 2015-06 (not counted)",
                    tasks(warmCodes, (i, code) -> retried(() -> putReport(code, "2015-06", reportJson(i + 100_000, 1.0), keys))));
            warm.requireAll(200, 201);
        }

        if (retries.get() > 0) {
            System.out.println("  setup needed " + retries.get() + " retried request(s) (503/429/I-O); see the 'unexpected' lines above");
            summary.put("setup retries (503/429/I-O, not measured)", Integer.toString(retries.get()));
        }

        // The measured phase.
        Map<String, Double> cpuBefore = cpuSeconds();
        Phase submit = run("SUBMIT " + banks + " reports x " + (items.size() * regions) + " lines (PUT /reports, own key)",
                tasks(bankCodes, (i, code) -> () -> putReport(code, period, reportJson(i, 1.0), keys)));
        submit.requireAll(200, 201);
        printCpu(cpuBefore, cpuSeconds(), submit.seconds);
        String stored = psql("SELECT count(*) FROM report r JOIN report_line l ON l.version_id = r.latest_version_id"
                + " WHERE r.period = '" + period + "' AND r.institution_code LIKE '" + BANK_PREFIX + "%'").strip();
        System.out.printf(Locale.ROOT, "  stored lines for %s: %s (expected %d)%n", period, stored, lines);
        double apiLinesPerSecond = lines / submit.seconds;
        summary.put("API: reports", String.format(Locale.ROOT, "%d in %.2f s = %.1f reports/s", banks, submit.seconds, banks / submit.seconds));
        summary.put("API: values", String.format(Locale.ROOT, "%d in %.2f s = %.0f values/s", lines, submit.seconds, apiLinesPerSecond));
        summary.put("API: request latency", submit.latencies());
        summary.put("API: steady state (after the first 10%)", submit.steadyRate(lines / banks));

        // COPY of as many rows into the same table.
        double copySeconds = copyComparison(lines);
        double copyLinesPerSecond = lines / copySeconds;
        summary.put("COPY: values", String.format(Locale.ROOT, "%d in %.3f s = %.0f values/s", lines, copySeconds, copyLinesPerSecond));
        summary.put("COPY / API", String.format(Locale.ROOT, "%.1f x", copyLinesPerSecond / apiLinesPerSecond));

        // The indicator query at this size.
        psql("ANALYZE");
        queries("after the API run (1 month)", "1m");

        if (months > 1) {
            directLoad();
            queries("at full size (" + months + " months, direct SQL)", months + "m");
        }

        System.out.println();
        System.out.println("==== Summary ====");
        summary.forEach((name, value) -> System.out.printf(Locale.ROOT, "%-48s %s%n", name, value));
        Files.writeString(outDir.resolve("summary.txt"), String.join("\n",
                summary.entrySet().stream().map(e -> e.getKey() + "\t" + e.getValue()).toList()) + "\n");
    }

    // ---------------------------------------------------------------- the report content

    void loadCatalogue() throws Exception {
        HttpResponse<String> response = send(get("/api/v1/credit/catalogue", adminKey));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /catalogue answered " + response.statusCode() + ": " + response.body());
        }
        Matcher object = Pattern.compile("\\{[^{}]*\"code\"[^{}]*\\}").matcher(response.body());
        while (object.find()) {
            String code = field(object.group(), "code");
            String unit = field(object.group(), "unit");
            if (code != null && unit != null) {
                items.put(code, unit);
            }
        }
        System.out.println("Catalogue: " + items.size() + " items " + items.keySet());
        if (items.size() != 17) {
            System.out.println("  note: the issue speaks of 17 items; this catalogue has " + items.size());
        }
    }

    /** The bank's regions: REGIONS consecutive counties, starting at a different one per bank. */
    String[] regionsOf(int bank) {
        String[] out = new String[regions];
        for (int k = 0; k < regions; k++) {
            out[k] = COUNTIES[(bank + k) % COUNTIES.length];
        }
        return out;
    }

    /**
     * One bank's lines (item, region, value) in a month, deterministic per bank; {@code scale} shrinks amounts for
     * earlier months of the direct load. Rules kept: amounts non-negative with 2 decimals, counts whole, the rate 0-100
     * with 4 decimals next to its amount, every loan part below LOAN_BALANCE in its region.
     */
    List<String[]> reportLines(int bank, double scale) {
        Random random = new Random(bank * 7919L + 17);
        List<String[]> out = new ArrayList<>();
        for (String region : regionsOf(bank)) {
            BigDecimal loans = money(random.nextDouble() * 4.9e9 + 1e8, scale);
            for (Map.Entry<String, String> item : items.entrySet()) {
                String code = item.getKey();
                BigDecimal value;
                if (code.equals("LOAN_BALANCE")) {
                    value = loans;
                } else if (LOAN_PARTS.contains(code)) {
                    value = loans.multiply(BigDecimal.valueOf(0.01 + random.nextDouble() * 0.29)).setScale(2, RoundingMode.DOWN);
                } else if (item.getValue().equals("PERCENT")) {
                    value = BigDecimal.valueOf(3.5 + random.nextDouble() * 3).setScale(4, RoundingMode.HALF_UP);
                } else if (!item.getValue().equals("CNY")) {
                    value = BigDecimal.valueOf(10 + random.nextInt(5000));
                } else {
                    value = money(random.nextDouble() * 2e9, scale);
                }
                out.add(new String[] {code, region, value.toPlainString()});
            }
        }
        return out;
    }

    static BigDecimal money(double value, double scale) {
        return BigDecimal.valueOf(value * scale).setScale(2, RoundingMode.HALF_UP);
    }

    String reportJson(int bank, double scale) {
        StringBuilder json = new StringBuilder(4096).append("{\"lines\":[");
        List<String[]> lines = reportLines(bank, scale);
        for (int i = 0; i < lines.size(); i++) {
            String[] line = lines.get(i);
            json.append(i == 0 ? "" : ",").append("{\"item\":\"").append(line[0]).append("\",\"region\":\"").append(line[1])
                    .append("\",\"value\":").append(line[2]).append('}');
        }
        return json.append("]}").toString();
    }

    // ---------------------------------------------------------------- the API calls

    int putInstitution(String code, int index, String activeTo) throws Exception {
        String body = "{\"name\":\"Bench bank " + code.substring(8) + "\",\"type\":\"" + TYPES[index % TYPES.length]
                + "\",\"region\":\"" + COUNTIES[index % COUNTIES.length] + "\",\"activeFrom\":\"2015-01-01\",\"activeTo\":"
                + (activeTo == null ? "null" : "\"" + activeTo + "\"") + "}";
        return expect(send(put("/api/v1/credit/institutions/" + code, adminKey, body)), 200, 201);
    }

    int issueKey(String code, Map<String, String> keys) throws Exception {
        String body = "{\"label\":\"benchmark " + code + "\",\"roles\":[\"SUBMITTER\"],\"institutionCode\":\"" + code + "\"}";
        HttpResponse<String> response = send(post("/api/v1/admin/api-keys", adminKey, body));
        String key = field(response.body(), "key");
        if (response.statusCode() == 201 && key != null) {
            keys.put(code, key);
        }
        return expect(response, 201);
    }

    int putReport(String code, String reportPeriod, String body, Map<String, String> keys) throws Exception {
        String key = perBankKeys ? keys.get(code) : adminKey;
        return expect(send(put("/api/v1/credit/reports/" + code + "/" + reportPeriod, key, body)), 200, 201);
    }

    /**
     * For the setup phases only (never the measured one): a 503 (the gateway's circuit breaker, e.g. tripped by a cold
     * service), a 429 or an I/O error is retried every 3 s, up to 8 times; the breaker stays open 10 s.
     */
    final AtomicInteger retries = new AtomicInteger();

    Callable<Integer> retried(Callable<Integer> call) {
        return () -> {
            for (int attempt = 1; ; attempt++) {
                int status;
                try {
                    status = call.call();
                } catch (IOException ex) {
                    if (attempt >= 8) {
                        throw ex;
                    }
                    status = -1;
                }
                if ((status != 503 && status != 429 && status != -1) || attempt >= 8) {
                    return status;
                }
                retries.incrementAndGet();
                Thread.sleep(3000);
            }
        };
    }

    HttpRequest.Builder request(String path, String key) {
        return HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key);
    }

    HttpRequest get(String path, String key) {
        return request(path, key).GET().build();
    }

    HttpRequest put(String path, String key, String json) {
        return request(path, key).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    HttpRequest post(String path, String key, String json) {
        return request(path, key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Returns the status; an unexpected one is printed once per status (never a key). */
    final Map<Integer, Boolean> reported = new ConcurrentHashMap<>();

    int expect(HttpResponse<String> response, int... ok) {
        int status = response.statusCode();
        if (Arrays.stream(ok).noneMatch(s -> s == status) && reported.putIfAbsent(status, true) == null) {
            String body = response.body();
            System.out.println("  unexpected " + status + " for " + response.request().method() + " " + response.request().uri().getPath()
                    + ": " + body.substring(0, Math.min(400, body.length())));
        }
        return status;
    }

    // ---------------------------------------------------------------- phases with CONCURRENCY requests in flight

    interface Task {
        Callable<Integer> of(int index, String code);
    }

    static List<Callable<Integer>> tasks(List<String> codes, Task task) {
        List<Callable<Integer>> out = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            out.add(task.of(i, codes.get(i)));
        }
        return out;
    }

    @SafeVarargs
    static List<Callable<Integer>> concat(List<Callable<Integer>>... lists) {
        List<Callable<Integer>> out = new ArrayList<>();
        for (List<Callable<Integer>> list : lists) {
            out.addAll(list);
        }
        return out;
    }

    static List<String> codes(String prefix, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            out.add(prefix + String.format(Locale.ROOT, "%05d", i));
        }
        return out;
    }

    /** A finished phase: wall time, per-request latency (ms) and end time (s after the start), statuses. */
    static final class Phase {
        final String name;
        final double seconds;
        final double[] latencyMs;
        final double[] endSeconds;
        final Map<Integer, Integer> statuses;

        Phase(String name, double seconds, double[] latencyMs, double[] endSeconds, Map<Integer, Integer> statuses) {
            this.name = name;
            this.seconds = seconds;
            this.latencyMs = latencyMs;
            this.endSeconds = endSeconds;
            this.statuses = statuses;
        }

        String rate(String what) {
            return String.format(Locale.ROOT, "%d %s in %.2f s = %.1f/s", latencyMs.length, what, seconds, latencyMs.length / seconds);
        }

        String latencies() {
            return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", percentile(latencyMs, 50),
                    percentile(latencyMs, 95), percentile(latencyMs, 99), percentile(latencyMs, 100));
        }

        /** Throughput once the first 10% of the requests have finished (JIT, pools and caches warm). */
        String steadyRate(int linesPerRequest) {
            double[] ends = endSeconds.clone();
            Arrays.sort(ends);
            int from = ends.length / 10;
            if (ends.length < 20) {
                return "n/a";
            }
            double span = ends[ends.length - 1] - ends[from - 1];
            int count = ends.length - from;
            return String.format(Locale.ROOT, "%.1f reports/s = %.0f values/s", count / span, count * linesPerRequest / span);
        }

        void requireAll(int... ok) {
            int bad = 0;
            for (Map.Entry<Integer, Integer> status : statuses.entrySet()) {
                if (Arrays.stream(ok).noneMatch(s -> s == status.getKey())) {
                    bad += status.getValue();
                }
            }
            if (bad > 0) {
                throw new IllegalStateException(name + ": " + bad + " request(s) failed " + statuses);
            }
        }
    }

    Phase run(String name, List<Callable<Integer>> tasks) throws Exception {
        int n = tasks.size();
        double[] latency = new double[n];
        double[] ends = new double[n];
        Map<Integer, Integer> statuses = new TreeMap<>();
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<Integer>> futures = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = i;
            Callable<Integer> task = tasks.get(i);
            futures.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                int status;
                try {
                    status = task.call();
                } catch (IOException ex) {
                    System.out.println("  I/O error: " + ex);
                    status = -1;
                }
                long t1 = System.nanoTime();
                latency[index] = (t1 - t0) / 1e6;
                ends[index] = (t1 - start) / 1e9;
                int d = done.incrementAndGet();
                if (n >= 1000 && d % (n / 4) == 0) {
                    System.out.printf(Locale.ROOT, "    ... %d/%d after %.1f s%n", d, n, (t1 - start) / 1e9);
                }
                return status;
            }));
        }
        for (Future<Integer> future : futures) {
            statuses.merge(future.get(10, TimeUnit.MINUTES), 1, Integer::sum);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Phase phase = new Phase(name, seconds, latency, ends, statuses);
        System.out.printf(Locale.ROOT, "%-80s %8.2f s  %7.1f req/s  statuses %s%n    latency %s%n", name, seconds, n / seconds, statuses,
                phase.latencies());
        return phase;
    }

    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    // ---------------------------------------------------------------- COPY comparison

    /**
     * COPY of BANKS x items x REGIONS rows (the same items, regions and values as the API run) into report_line. The
     * foreign key needs versions: one scratch report_version per bank (institution BENCHCOPY, period 2000-01, versions
     * 1..BANKS, no report row, so no indicator sees them), made before the clock starts. Deleted afterwards.
     */
    double copyComparison(int lines) throws Exception {
        psql("DELETE FROM report_line WHERE version_id IN (SELECT id FROM report_version WHERE institution_code = '" + COPY_INSTITUTION + "');"
                + "DELETE FROM report_version WHERE institution_code = '" + COPY_INSTITUTION + "';"
                + "INSERT INTO report_version (institution_code, period, version, content_hash, status, received_at, submitted_by)"
                + " SELECT '" + COPY_INSTITUTION + "', '" + COPY_PERIOD + "', g, repeat('0', 64), 'ACCEPTED', now(), 'bench-copy'"
                + " FROM generate_series(1, " + banks + ") g");
        long[] ids = Arrays.stream(psql("SELECT id FROM report_version WHERE institution_code = '" + COPY_INSTITUTION + "' ORDER BY version")
                .strip().split("\\s+")).mapToLong(Long::parseLong).toArray();
        StringBuilder csv = new StringBuilder(lines * 48);
        for (int bank = 0; bank < banks; bank++) {
            for (String[] line : reportLines(bank, 1.0)) {
                csv.append(ids[bank]).append(',').append(line[0]).append(',').append(line[1]).append(',').append(line[2]).append('\n');
            }
        }
        byte[] data = csv.toString().getBytes(StandardCharsets.US_ASCII);
        long start = System.nanoTime();
        String out = psql("COPY report_line (version_id, item, region, value) FROM STDIN WITH (FORMAT csv)", data);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-80s %8.3f s  %s (%.1f MB CSV; psql start included)%n",
                "COPY " + lines + " rows into report_line (psql, FROM STDIN)", seconds, out.strip(), data.length / 1e6);
        psql("DELETE FROM report_line WHERE version_id IN (SELECT id FROM report_version WHERE institution_code = '" + COPY_INSTITUTION + "');"
                + "DELETE FROM report_version WHERE institution_code = '" + COPY_INSTITUTION + "'");
        return seconds;
    }

    // ---------------------------------------------------------------- full size by direct SQL (bypassing the API)

    /**
     * MONTHS-1 earlier months per bank, written straight into report, report_version and report_line (NOT through the
     * API: no rules, no warnings, no hashes; the latest_* tables rebuilt from them as V1004 backfills them), from each
     * bank's lines of PERIOD scaled by month, so the indicator query
     * can be timed at 1,000 institutions x 36 months x 17 items x 3 regions. Ends with VACUUM ANALYZE: the state
     * autovacuum reaches a while after a bulk load (statistics and the visibility map that index-only scans need).
     */
    void directLoad() throws Exception {
        String last = previousMonths(period, 1);
        String first = previousMonths(period, months - 1);
        String sql = """
                BEGIN;
                DELETE FROM report_line WHERE version_id IN (SELECT id FROM report_version WHERE submitted_by = '%4$s');
                DELETE FROM report WHERE latest_version_id IN (SELECT id FROM report_version WHERE submitted_by = '%4$s');
                DELETE FROM report_version WHERE submitted_by = '%4$s';
                CREATE TEMP TABLE bench_month ON COMMIT DROP AS
                  SELECT to_char(d, 'YYYY-MM') AS period, row_number() OVER (ORDER BY d) AS n
                  FROM generate_series(date '%1$s-01', date '%2$s-01', interval '1 month') d;
                CREATE TEMP TABLE bench_template ON COMMIT DROP AS
                  SELECT r.institution_code, l.item, l.region, l.value
                  FROM report r JOIN report_line l ON l.version_id = r.latest_version_id
                  WHERE r.period = '%3$s' AND r.institution_code LIKE '%5$s%%';
                INSERT INTO report_version (institution_code, period, version, content_hash, status, received_at, submitted_by, submitted_for)
                  SELECT DISTINCT t.institution_code, m.period, 1, repeat('0', 64), 'ACCEPTED', now(), '%4$s', t.institution_code
                  FROM bench_template t CROSS JOIN bench_month m;
                INSERT INTO report (institution_code, period, period_type, latest_version, latest_version_id)
                  SELECT institution_code, period, 'MONTH', 1, id FROM report_version WHERE submitted_by = '%4$s';
                INSERT INTO report_line (version_id, item, region, value)
                  SELECT v.id, t.item, t.region,
                         CASE WHEN t.item = 'INCLUSIVE_SME_NEW_LOAN_RATE' THEN t.value
                              WHEN t.item = 'INCLUSIVE_SME_BORROWERS' THEN round(t.value * (0.5 + 0.5 * m.n / %6$d))
                              ELSE round(t.value * (0.5 + 0.5 * m.n / %6$d), 2) END
                  FROM report_version v
                  JOIN bench_month m ON m.period = v.period
                  JOIN bench_template t ON t.institution_code = v.institution_code
                  WHERE v.submitted_by = '%4$s';
                -- What the append transaction maintains (V1004), rebuilt the way the migration backfills it.
                TRUNCATE latest_line, latest_sum, latest_coverage;
                INSERT INTO latest_line (period, item, region, institution_code, value)
                  SELECT r.period, l.item, l.region, r.institution_code, l.value
                  FROM report r JOIN report_line l ON l.version_id = r.latest_version_id;
                INSERT INTO latest_sum (period, region, item, total, lines)
                  SELECT period, region, item, sum(value), count(*) FROM latest_line GROUP BY period, region, item;
                INSERT INTO latest_coverage (period, region, institution_code, items)
                  SELECT period, region, institution_code, array_agg(item ORDER BY item) FROM latest_line
                  GROUP BY period, region, institution_code
                  UNION ALL
                  SELECT period, '361000', institution_code, array_agg(DISTINCT item ORDER BY item) FROM latest_line
                  GROUP BY period, institution_code;
                COMMIT;
                VACUUM ANALYZE;
                """.formatted(first, last, period, DIRECT_SQL_SUBMITTER, BANK_PREFIX, months);
        long start = System.nanoTime();
        psql(sql);
        allVisible();
        double seconds = (System.nanoTime() - start) / 1e9;
        String counts = psql("SELECT (SELECT count(*) FROM report) || ' reports, ' || (SELECT count(*) FROM report_version) || ' versions, '"
                + " || (SELECT count(*) FROM report_line) || ' lines, report_line ' || pg_size_pretty(pg_total_relation_size('report_line'))").strip();
        int added = banks * (months - 1) * items.size() * regions;
        System.out.printf(Locale.ROOT, "%-80s %8.2f s  (~%.0f lines/s incl. VACUUM ANALYZE)%n    now: %s%n",
                "DIRECT SQL (not the API): " + (months - 1) + " more months " + first + ".." + last + " for " + banks + " banks",
                seconds, added / seconds, counts);
        summary.put("full size (direct SQL, bypassing the API)", counts + String.format(Locale.ROOT, "; loaded in %.1f s", seconds));
    }

    /**
     * VACUUM again until the visibility map covers latest_line and latest_coverage, the state autovacuum reaches a while
     * after a bulk load: a VACUUM running while another transaction (an autovacuum's ANALYZE that began during the
     * load) still holds an older snapshot cannot mark the new rows all-visible, and then the planner stops choosing
     * index-only scans. Seen once, with the weighted city query at 41 ms instead of 10 ms.
     */
    void allVisible() throws Exception {
        String check = "SELECT bool_and(relallvisible >= relpages * 0.95) FROM pg_class WHERE relname IN ('latest_line', 'latest_coverage')";
        for (int round = 1; !psql(check).strip().equals("t"); round++) {
            if (round > 10) {
                System.out.println("  note: latest_line and latest_coverage are still not all-visible after 10 VACUUMs");
                return;
            }
            Thread.sleep(2000);
            psql("VACUUM ANALYZE latest_line, latest_coverage, latest_sum");
        }
    }

    static String previousMonths(String yyyyMm, int back) {
        int year = Integer.parseInt(yyyyMm.substring(0, 4));
        int month = Integer.parseInt(yyyyMm.substring(5, 7));
        int index = year * 12 + (month - 1) - back;
        return String.format(Locale.ROOT, "%04d-%02d", index / 12, index % 12 + 1);
    }

    // ---------------------------------------------------------------- the indicator query

    /** The four periods one indicator query reads (FigurePeriods): P, its previous December, P a year earlier, that one's December. */
    String[] figurePeriods() {
        int year = Integer.parseInt(period.substring(0, 4));
        String month = period.substring(5, 7);
        return new String[] {period, (year - 1) + "-12", (year - 1) + "-" + month, (year - 2) + "-12"};
    }

    /**
     * The statements of R2dbcReportFigures and R2dbcExpectedReports as the app sends them for a county or the city:
     * name, PREPARE parameter types, SQL, EXECUTE arguments (r2dbc binds String[] as text[], String as varchar).
     */
    String[][] statements(String region) throws Exception {
        boolean city = region.equals("361000");
        String periods = "'{" + String.join(",", figurePeriods()) + "}'";
        String lastDay = java.time.YearMonth.parse(period).atEndOfMonth().toString();
        String rate = "'INCLUSIVE_SME_NEW_LOAN_RATE', 'INCLUSIVE_SME_NEW_LOAN_AMOUNT_YTD'";
        String weighted = """
                SELECT p.period, w.weighted, w.weights
                FROM unnest($1::text[]) AS p(period) CROSS JOIN LATERAL (
                    SELECT sum(rate.value * weight.value) AS weighted, sum(weight.value) AS weights
                    FROM latest_line rate
                    JOIN latest_line weight ON weight.period = rate.period AND weight.item = $3
                        AND weight.region = rate.region AND weight.institution_code = rate.institution_code
                    WHERE rate.period = p.period AND rate.item = $2%s
                ) w
                WHERE w.weights IS NOT NULL""";
        return new String[][] {
            city
                ? new String[] {"sums", "(text[])", "SELECT period, item, sum(total) AS total FROM latest_sum"
                        + " WHERE period = ANY($1) AND lines > 0 GROUP BY period, item", periods}
                : new String[] {"sums", "(text[], varchar)", "SELECT period, item, total FROM latest_sum"
                        + " WHERE period = ANY($1) AND region = $2 AND lines > 0", periods + ", '" + region + "'"},
            city
                ? new String[] {"weighted", "(text[], varchar, varchar)", weighted.formatted(""), periods + ", " + rate}
                : new String[] {"weighted", "(text[], varchar, varchar, varchar)", weighted.formatted(" AND rate.region = $4"),
                    periods + ", " + rate + ", '" + region + "'"},
            {"coverage", "(varchar, varchar)", "SELECT items, count(*) AS institutions FROM latest_coverage"
                    + " WHERE period = $1 AND region = $2 GROUP BY items", "'" + period + "', '" + region + "'"},
            {"expected", "(varchar, date)", """
                SELECT count(*) AS expected, count(v.id) AS reported
                FROM (SELECT DISTINCT ON (code) code, active_from, active_to
                      FROM institution_version ORDER BY code, version DESC) i
                LEFT JOIN report r ON r.institution_code = i.code AND r.period = $1
                LEFT JOIN report_version v ON v.id = r.latest_version_id AND v.status <> 'WITHDRAWN'
                WHERE i.active_from <= $2 AND (i.active_to IS NULL OR i.active_to >= $2)""", "'" + period + "', '" + lastDay + "'"},
        };
    }

    void queries(String label, String tag) throws Exception {
        System.out.println();
        System.out.println("-- indicator query " + label);
        String[] regionsToTime = queryRegion.equals("361000") ? new String[] {"361000"} : new String[] {queryRegion, "361000"};
        for (String region : regionsToTime) {
            double[] ms = timeGet("/api/v1/credit/indicators?period=" + period + "&region=" + region, queryRuns);
            String figure = String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms (%d warm runs)", percentile(ms, 50), percentile(ms, 95), ms.length);
            System.out.println("  GET /api/v1/credit/indicators?period=" + period + "&region=" + region + ": " + figure);
            summary.put("GET indicators region=" + region + ", " + tag, figure);
        }
        double[] baseline = timeGet("/api/v1/credit/catalogue", queryRuns);
        System.out.printf(Locale.ROOT, "  GET /api/v1/credit/catalogue (gateway + service, no database): p50 %.1f ms%n", percentile(baseline, 50));
        summary.put("GET catalogue (baseline), " + tag, String.format(Locale.ROOT, "p50 %.1f ms", percentile(baseline, 50)));
        for (String region : regionsToTime) {
            explain(region, tag);
        }
    }

    double[] timeGet(String path, int runs) throws Exception {
        for (int i = 0; i < 3; i++) {
            expect(send(get(path, adminKey)), 200);
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            expect(send(get(path, adminKey)), 200);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return ms;
    }

    /**
     * EXPLAIN (ANALYZE, BUFFERS) of each statement of an indicator query: with a custom plan (the values known to the
     * planner, as in the first executions of a prepared statement) and a generic plan (what a cached prepared statement
     * may switch to after five executions).
     */
    void explain(String region, String tag) throws Exception {
        for (String[] query : statements(region)) {
            for (String mode : new String[] {"force_custom_plan", "force_generic_plan"}) {
                String sql = "SET plan_cache_mode = " + mode + ";\n"
                        + "PREPARE q" + query[1] + " AS " + query[2] + ";\n"
                        + "\\o /dev/null\n"
                        + "EXECUTE q(" + query[3] + ");\n"   // warm the cache, output discarded
                        + "\\o\n"
                        + "EXPLAIN (ANALYZE, BUFFERS) EXECUTE q(" + query[3] + ");\n";
                String plan = psql(sql);
                String file = "explain-" + tag + "-" + region + "-" + query[0] + "-" + mode.replace("force_", "").replace("_plan", "") + ".txt";
                Files.writeString(outDir.resolve(file), plan);
                Matcher time = Pattern.compile("Execution Time: ([0-9.]+) ms").matcher(plan);
                String ms = time.find() ? time.group(1) + " ms" : "?";
                String plainMode = mode.replace("force_", "").replace("_plan", "");
                System.out.printf(Locale.ROOT, "  EXPLAIN ANALYZE %-8s %-7s plan, region %s, periods %s: %s  (%s)%n", query[0], plainMode,
                        region, String.join(",", figurePeriods()), ms, file);
                summary.put("EXPLAIN " + query[0] + " " + plainMode + " region=" + region + ", " + tag, ms + planShape(plan));
            }
        }
    }

    /** The first access path in a plan: seq scan, index scan or index-only scan, which index and which table. */
    static String planShape(String plan) {
        Matcher m = Pattern.compile("(Parallel Seq Scan|Seq Scan|Index Only Scan using \\S+|Index Scan using \\S+|Bitmap Heap Scan) on (\\w+)")
                .matcher(plan);
        return m.find() ? "  (" + m.group(1) + " on " + m.group(2) + ")" : "";
    }

    // ---------------------------------------------------------------- where the CPU went (Linux /proc)

    /**
     * CPU seconds (user + system) so far of the processes named in CPU_PIDS ({@code name=pid,...}, from ingest.sh); for
     * "postgres" the postmaster and all its children (one backend per connection), for "client" this JVM.
     */
    static Map<String, Double> cpuSeconds() {
        Map<String, Double> out = new LinkedHashMap<>();
        String spec = env("CPU_PIDS", "");
        for (String entry : spec.isEmpty() ? new String[0] : spec.split(",")) {
            String[] nameAndPid = entry.split("=");
            if (nameAndPid.length != 2 || nameAndPid[1].isBlank()) {
                continue;
            }
            long pid = Long.parseLong(nameAndPid[1].strip());
            double seconds = ticks(pid);
            if (nameAndPid[0].equals("postgres")) {
                try (var dirs = Files.list(Path.of("/proc"))) {
                    for (Path dir : dirs.filter(d -> d.getFileName().toString().matches("[0-9]+")).toList()) {
                        String[] stat = stat(Long.parseLong(dir.getFileName().toString()));
                        if (stat != null && stat[1].equals(Long.toString(pid))) {
                            seconds += ticks(Long.parseLong(dir.getFileName().toString()));
                        }
                    }
                } catch (IOException ignored) {
                    // best effort
                }
            }
            out.put(nameAndPid[0], seconds);
        }
        if (!out.isEmpty()) {
            out.put("client (this JVM)", ticks(ProcessHandle.current().pid()));
            out.put(MACHINE, machineBusySeconds());
        }
        return out;
    }

    static final String MACHINE = "machine";

    /** Non-idle CPU seconds of the whole machine so far (/proc/stat: user, nice, system, irq, softirq, steal). */
    static double machineBusySeconds() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = Long.parseLong(cpu[1]) + Long.parseLong(cpu[2]) + Long.parseLong(cpu[3]) + Long.parseLong(cpu[6])
                    + Long.parseLong(cpu[7]) + Long.parseLong(cpu[8]);
            return busy / 100.0;
        } catch (IOException | RuntimeException ex) {
            return 0;
        }
    }

    /** utime + stime of a process in seconds (USER_HZ 100), 0 when it is gone. */
    static double ticks(long pid) {
        String[] stat = stat(pid);
        return stat == null ? 0 : (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) / 100.0;
    }

    /** The fields of /proc/pid/stat after the command name: [0] state, [1] ppid, ..., [11] utime, [12] stime. */
    static String[] stat(long pid) {
        try {
            String text = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return text.substring(text.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException ex) {
            return null;
        }
    }

    void printCpu(Map<String, Double> before, Map<String, Double> after, double wallSeconds) {
        if (before.isEmpty()) {
            return;
        }
        StringBuilder line = new StringBuilder();
        double total = 0;
        for (Map.Entry<String, Double> entry : after.entrySet()) {
            if (entry.getKey().equals(MACHINE)) {
                continue;
            }
            double used = entry.getValue() - before.getOrDefault(entry.getKey(), 0.0);
            total += used;
            line.append(String.format(Locale.ROOT, "%s %.1f s, ", entry.getKey(), used));
        }
        String figure = line + String.format(Locale.ROOT, "together %.1f CPU-s in %.1f s wall (%d cores: %.0f%% busy)", total,
                wallSeconds, Runtime.getRuntime().availableProcessors(),
                100 * total / (wallSeconds * Runtime.getRuntime().availableProcessors()))
                + String.format(Locale.ROOT, "; everything else on the machine %.1f CPU-s",
                        after.getOrDefault(MACHINE, 0.0) - before.getOrDefault(MACHINE, 0.0) - total);
        System.out.println("    CPU during the measured phase: " + figure);
        summary.put("API: CPU during the measured phase", figure);
    }

    // ---------------------------------------------------------------- psql and small helpers

    String psql(String sql) throws Exception {
        return psql(sql, null);
    }

    /** Runs psql (connection from PGHOST, PGPORT, PGUSER, PGDATABASE) with {@code sql}; stdin from {@code input} if given. */
    String psql(String sql, byte[] input) throws Exception {
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1"));
        Path script = null;
        if (input == null) {
            script = Files.createTempFile(outDir, "sql-", ".sql");
            Files.writeString(script, sql);
            command.addAll(List.of("-f", script.toString()));
        } else {
            command.addAll(List.of("-c", sql));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try (InputStream in = process.getInputStream()) {
                in.transferTo(output);
            } catch (IOException ignored) {
                // the exit code tells
            }
        });
        reader.start();
        try (OutputStream stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write(input);
            }
        }
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("psql did not finish in 15 minutes");
        }
        reader.join();
        if (script != null) {
            Files.deleteIfExists(script);
        }
        String out = output.toString(StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("psql failed (" + process.exitValue() + "): " + out + "\nSQL: "
                    + sql.substring(0, Math.min(300, sql.length())));
        }
        return out;
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    static int intEnv(String name, int fallback) {
        return Integer.parseInt(env(name, Integer.toString(fallback)));
    }
}
