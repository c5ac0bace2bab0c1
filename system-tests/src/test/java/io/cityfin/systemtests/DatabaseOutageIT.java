package io.cityfin.systemtests;

import static io.cityfin.systemtests.RunningPlatform.client;
import static io.cityfin.systemtests.RunningPlatform.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue #10, finding 5: the connection to PostgreSQL is cut for at least 5 s under a steady stream of writes through
 * the gateway, then restored. A {@link TcpProxy} sits between the six apps and PostgreSQL (embedded, or the server CI
 * names in TEST_PG_ADMIN_URL), so the test owns the outage. It shows: only 503 problems with Retry-After while the
 * database is away (never a 500); readiness DOWN meanwhile; every acknowledged write read back afterwards with its
 * content; every app ready again within 10 s of the connection's return, in the same process.
 */
class DatabaseOutageIT {

    private static final int PORT_BASE = 18100;

    private static final Duration OUTAGE = Duration.ofSeconds(5);

    private static final Duration READY_AGAIN_WITHIN = Duration.ofSeconds(10);

    /** Each stream sends its next request this long after the last answer: a steady stream, not a flood. */
    private static final long PACE_MILLIS = 40;

    /** A bound on every stream, whatever happens: the test stops by itself. */
    private static final int MAX_REQUESTS_PER_STREAM = 3_000;

    /** Institution codes of this run (18 characters), so that a reused external server's rows do not meet them. */
    private static final String SUFFIX = String.format("%06d", System.currentTimeMillis() % 1_000_000);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Kept when the test fails: the apps' logs are in {@code logs/}. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path data;

    private static @Nullable EmbeddedPostgres embedded;

    private static TcpProxy proxy;

    private static RunningPlatform platform;

    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();

    private volatile long cutAt = Long.MAX_VALUE;

    private volatile long restoredAt = Long.MAX_VALUE;

    @BeforeAll
    static void startThePlatformBehindAProxy() throws IOException {
        String external = RunningPlatform.externalDatabase();
        URI server;
        if (external != null) {
            server = URI.create(external);
        } else {
            embedded = EmbeddedPostgres.builder().start();
            server = URI.create("postgresql://postgres@127.0.0.1:" + embedded.getPort());
        }
        proxy = TcpProxy.start(server.getHost(), server.getPort() < 0 ? 5432 : server.getPort());
        String viaProxy = "postgresql://" + server.getRawUserInfo() + "@127.0.0.1:" + proxy.port()
                + (server.getRawPath() == null ? "" : server.getRawPath());
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("CITYFIN_DB_URL", viaProxy);
        environment.put("CITYFIN_DEMO_DATA", "false");
        // the bank keys' rate limit would answer 429s, which are no outage
        environment.put("CITYFIN_RATE_LIMIT_BURST", "100000");
        environment.put("CITYFIN_RATE_LIMIT_PER_SECOND", "100000");
        // the start is not what this test times; on a busy 2-core machine six apps can take more than the default 180 s
        environment.put("CITYFIN_START_TIMEOUT_SECONDS", "400");
        platform = RunningPlatform.start(data, PORT_BASE, environment);
    }

    @AfterAll
    static void stopEverything() throws IOException {
        if (platform != null) {
            platform.stop();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (embedded != null) {
            embedded.close();
        }
    }

    @Test
    void writesDuringADatabaseOutageAre503sAndNothingAcknowledgedIsLost() {
        WebTestClient admin = platform.gateway();
        List<String> banks = List.of("91361000OUT" + SUFFIX + "1", "91361000OUT" + SUFFIX + "2", "91361000OUT" + SUFFIX + "3");
        String insurer = "91361000INS" + SUFFIX + "1";
        for (String bank : banks) {
            admin.put().uri("/api/v1/credit/institutions/" + bank).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"断库测试银行\", \"type\": \"CITY_COMMERCIAL_BANK\", \"region\": \"361002\", \"activeFrom\": \"2015-01-01\"}")
                .exchange().expectStatus().is2xxSuccessful();
        }
        admin.put().uri("/api/v1/insurance/institutions/" + insurer).contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"name\": \"断库测试保险公司\", \"type\": \"LIFE\", \"region\": \"361002\", \"activeFrom\": \"2015-01-01\"}")
            .exchange().expectStatus().is2xxSuccessful();
        Map<String, Long> pids = pids();
        // two banks with their own keys (the gateway looks keys up in its own database), one through the ADMIN key
        // (no look-up: the credit-service's own answer), and the insurer's investments with Idempotency-Key
        List<Stream> streams = List.of(
                new ReportStream("bank-1", platform.withKey(submitterKey(admin, banks.get(0))), banks.get(0)),
                new ReportStream("bank-2", platform.withKey(submitterKey(admin, banks.get(1))), banks.get(1)),
                new ReportStream("admin", admin, banks.get(2)),
                new InvestmentStream("insurer", platform.withKey(submitterKey(admin, insurer)), insurer));
        ScheduledExecutorService load = Executors.newScheduledThreadPool(streams.size());
        streams.forEach(stream -> load.scheduleWithFixedDelay(stream, 0, PACE_MILLIS, TimeUnit.MILLISECONDS));
        Map<String, Duration> readyAfter = new LinkedHashMap<>();
        Duration downAfter = null;
        try {
            await("writes acknowledged before the outage").atMost(Duration.ofSeconds(60))
                .until(() -> streams.stream().allMatch(stream -> acknowledged(stream, Long.MIN_VALUE) >= 3));

            cutAt = System.nanoTime();
            proxy.cut(TcpProxy.Outage.REFUSE);
            await("every app not ready while PostgreSQL is away").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> List.of(RunningPlatform.APPS).stream().noneMatch(this::ready));
            downAfter = Duration.ofNanos(System.nanoTime() - cutAt);
            // the outage window: at least OUTAGE, during which no app may report itself ready
            await("no app ready while PostgreSQL stays away").during(OUTAGE).atMost(OUTAGE.plusSeconds(10))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> List.of(RunningPlatform.APPS).stream().noneMatch(this::ready));
            restoredAt = System.nanoTime();
            proxy.restore();

            await("every app ready again").atMost(READY_AGAIN_WITHIN).pollInterval(Duration.ofMillis(100)).until(() -> {
                for (String app : RunningPlatform.APPS) {
                    if (!readyAfter.containsKey(app) && ready(app)) {
                        readyAfter.put(app, Duration.ofNanos(System.nanoTime() - restoredAt));
                    }
                }
                return readyAfter.size() == RunningPlatform.APPS.length;
            });
            await("writes acknowledged again after the outage").atMost(Duration.ofSeconds(30))
                .until(() -> streams.stream().allMatch(stream -> acknowledged(stream, restoredAt) >= 3));
        } finally {
            load.shutdown(); // no new request; the ones in flight get their answers
            await().atMost(Duration.ofSeconds(30)).until(() -> load.awaitTermination(100, TimeUnit.MILLISECONDS));
        }

        List<Answer> all = new ArrayList<>(answers);
        List<Answer> duringOutage = all.stream().filter(a -> a.sentAt > cutAt && a.answeredAt < restoredAt).toList();
        List<Answer> unavailable = all.stream().filter(a -> a.status == 503).toList();
        System.out.printf("DatabaseOutageIT: %d requests, %d sent and answered during the outage (%.1f s), %d answered 503"
                + " (%d by the gateway itself), statuses %s; all six not ready %s after the cut; ready again after %s%n",
                all.size(), duringOutage.size(),
                (restoredAt - cutAt) / 1e9, unavailable.size(),
                unavailable.stream().filter(a -> a.body.contains("\"instance\":\"/api/v1/")).count(),
                all.stream().collect(Collectors.groupingBy(a -> a.status, java.util.TreeMap::new, Collectors.counting())),
                downAfter, readyAfter);

        assertThat(all).as("no 500, no other 5xx, no request left without an answer")
            .filteredOn(a -> a.status < 0 || a.status >= 500 && a.status != 503).isEmpty();
        assertThat(duringOutage).as("requests sent and answered while PostgreSQL was away").hasSizeGreaterThan(10)
            .allSatisfy(a -> assertThat(a.status).as(a.toString()).isEqualTo(503));
        assertThat(unavailable).allSatisfy(a -> {
            assertThat(a.contentType).as(a.toString()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(a.retryAfter).as(a.toString()).isNotNull().matches("[1-9][0-9]*");
        });
        assertThat(unavailable).as("503s the services gave themselves, not the gateway's fallback")
            .anyMatch(a -> a.body.contains("DATABASE_UNAVAILABLE"));
        assertThat(readyAfter).hasSize(RunningPlatform.APPS.length)
            .allSatisfy((app, after) -> assertThat(after).as(app).isLessThanOrEqualTo(READY_AGAIN_WITHIN));
        assertThat(pids()).as("no app was restarted").isEqualTo(pids);

        for (Stream stream : streams) {
            stream.readBackEveryAcknowledgedWrite(admin);
        }
    }

    private long acknowledged(Stream stream, long since) {
        return answers.stream().filter(a -> a.stream.equals(stream.name) && a.sentAt > since && a.acknowledged()).count();
    }

    private boolean ready(String app) {
        try {
            return client(platform.managementUrl(app)).get().uri("/actuator/health/readiness").exchange()
                .returnResult(String.class).getStatus().value() == 200;
        } catch (RuntimeException e) {
            throw new AssertionError(app + "'s readiness did not answer: " + e, e);
        }
    }

    private static Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String app : RunningPlatform.APPS) {
            pids.put(app, platform.launcher().process(app).filter(ProcessHandle::isAlive).map(ProcessHandle::pid).orElse(-1L));
        }
        return pids;
    }

    private static String submitterKey(WebTestClient admin, String institution) {
        return (String) json(admin.post().uri("/api/v1/admin/api-keys").contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"label\": \"" + institution + "\", \"roles\": [\"SUBMITTER\"], \"institutionCode\": \"" + institution + "\"}")
            .exchange().expectStatus().isCreated()).get("key");
    }

    /** One request and its answer; status -1 when no answer came. */
    private record Answer(String stream, String write, long sentAt, long answeredAt, int status, @Nullable String contentType,
            @Nullable String retryAfter, String body) {

        boolean acknowledged() {
            return status == 200 || status == 201;
        }

        @Override
        public String toString() {
            return stream + " " + write + " -> " + status + " " + contentType + " Retry-After " + retryAfter + " "
                + (body.length() > 300 ? body.substring(0, 300) : body);
        }
    }

    /** One steady stream of writes with one key; each run sends the next request. */
    private abstract class Stream implements Runnable {

        final String name;
        final WebTestClient client;
        final AtomicInteger sent = new AtomicInteger();

        Stream(String name, WebTestClient client) {
            this.name = name;
            this.client = client;
        }

        @Override
        public void run() {
            int n = sent.incrementAndGet();
            if (n > MAX_REQUESTS_PER_STREAM) {
                throw new IllegalStateException(name + " sent " + MAX_REQUESTS_PER_STREAM + " requests; stopping"); // ends the schedule
            }
            long sentAt = System.nanoTime();
            String write = describe(n);
            try {
                EntityExchangeResult<String> result = send(n).expectBody(String.class).returnResult();
                HttpHeaders headers = result.getResponseHeaders();
                answers.add(new Answer(name, write, sentAt, System.nanoTime(), result.getStatus().value(),
                        headers.getFirst(HttpHeaders.CONTENT_TYPE), headers.getFirst(HttpHeaders.RETRY_AFTER),
                        result.getResponseBody() == null ? "" : result.getResponseBody()));
            } catch (RuntimeException e) {
                answers.add(new Answer(name, write, sentAt, System.nanoTime(), -1, null, null, e.toString()));
            }
        }

        abstract String describe(int n);

        abstract WebTestClient.ResponseSpec send(int n);

        abstract void readBackEveryAcknowledgedWrite(WebTestClient admin);

        List<Answer> acknowledgedAnswers() {
            return answers.stream().filter(a -> a.stream.equals(name) && a.acknowledged()).toList();
        }
    }

    /** PUTs of one bank's credit reports, 2021-01..2021-12 in turn, the deposits changing with every request. */
    private final class ReportStream extends Stream {

        private final String bank;

        ReportStream(String name, WebTestClient client, String bank) {
            super(name, client);
            this.bank = bank;
        }

        @Override
        String describe(int n) {
            return period(n) + " " + deposits(n);
        }

        @Override
        WebTestClient.ResponseSpec send(int n) {
            return client.put().uri("/api/v1/credit/reports/" + bank + "/" + period(n)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"lines\": [{\"item\": \"DEPOSIT_BALANCE\", \"region\": \"361002\", \"value\": " + deposits(n)
                        + "}, {\"item\": \"LOAN_BALANCE\", \"region\": \"361002\", \"value\": 800}]}")
                .exchange();
        }

        /** Each acknowledged version is there with the deposits it was sent with. */
        @Override
        void readBackEveryAcknowledgedWrite(WebTestClient admin) {
            List<Answer> acknowledged = acknowledgedAnswers();
            assertThat(acknowledged).as(name + "'s acknowledged writes").isNotEmpty();
            for (Answer answer : acknowledged) {
                String period = answer.write.split(" ")[0];
                BigDecimal deposits = new BigDecimal(answer.write.split(" ")[1]);
                int version = read(answer.body).get("version").asInt();
                JsonNode stored = read(admin.get().uri("/api/v1/credit/reports/" + bank + "/" + period + "/versions/" + version)
                    .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
                Map<String, BigDecimal> lines = new LinkedHashMap<>();
                stored.get("lines").forEach(line -> lines.put(line.get("item").asString(), new BigDecimal(line.get("value").asString())));
                assertThat(lines.get("DEPOSIT_BALANCE")).as(answer.toString()).isEqualByComparingTo(deposits);
                assertThat(lines.get("LOAN_BALANCE")).as(answer.toString()).isEqualByComparingTo("800");
            }
        }

        private static String period(int n) {
            return String.format("2021-%02d", (n - 1) % 12 + 1);
        }

        private static String deposits(int n) {
            return (100_000 + n) + ".25";
        }
    }

    /** POSTs of new investments, each with its own Idempotency-Key and project. */
    private final class InvestmentStream extends Stream {

        private final String insurer;
        private final Map<Integer, String> keys = Collections.synchronizedMap(new LinkedHashMap<>());

        InvestmentStream(String name, WebTestClient client, String insurer) {
            super(name, client);
            this.insurer = insurer;
        }

        @Override
        String describe(int n) {
            return Integer.toString(n);
        }

        @Override
        WebTestClient.ResponseSpec send(int n) {
            String key = keys.computeIfAbsent(n, any -> UUID.randomUUID().toString());
            return client.post().uri("/api/v1/insurance/investments").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", key).bodyValue(body(n)).exchange();
        }

        /**
         * Each acknowledged investment is there with its amount; a POST refused with 503 and sent again with the same
         * Idempotency-Key, as Retry-After invites, is stored once; no project is stored twice.
         */
        @Override
        void readBackEveryAcknowledgedWrite(WebTestClient admin) {
            Map<Integer, String> ids = new LinkedHashMap<>();
            for (Answer answer : acknowledgedAnswers()) {
                ids.put(Integer.parseInt(answer.write), read(answer.body).get("id").asString());
            }
            List<Integer> refused = answers.stream().filter(a -> a.stream.equals(name) && a.status == 503)
                .map(a -> Integer.parseInt(a.write)).toList();
            for (int n : refused) {
                EntityExchangeResult<String> retried = send(n).expectStatus().isCreated().expectBody(String.class).returnResult();
                ids.put(n, read(retried.getResponseBody()).get("id").asString());
            }
            assertThat(ids).as(name + "'s acknowledged investments").isNotEmpty();
            ids.forEach((n, id) -> {
                JsonNode stored = read(admin.get().uri("/api/v1/insurance/investments/" + id).exchange()
                    .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
                assertThat(stored.get("project").asString()).isEqualTo(project(n));
                assertThat(new BigDecimal(stored.get("amount").asString())).isEqualByComparingTo(amount(n));
            });
            JsonNode year = read(admin.get().uri("/api/v1/insurance/investments?year=2022").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
            Map<String, Long> perProject = new LinkedHashMap<>();
            year.forEach(investment -> {
                if (insurer.equals(investment.get("institutionCode").asString())) {
                    perProject.merge(investment.get("project").asString(), 1L, Long::sum);
                }
            });
            assertThat(perProject).as("each project stored once").allSatisfy((project, count) -> assertThat(count).isOne());
            assertThat(perProject.keySet()).containsAll(ids.keySet().stream().map(InvestmentStream::project).toList());
        }

        private String body(int n) {
            return "{\"institutionCode\": \"" + insurer + "\", \"project\": \"" + project(n) + "\", \"region\": \"361002\","
                + " \"amount\": " + amount(n) + ", \"date\": \"2022-06-28\", \"channel\": \"DEBT_PLAN\"}";
        }

        private static String project(int n) {
            return "断库测试项目 " + SUFFIX + "-" + n;
        }

        private static String amount(int n) {
            return (1_000_000 + n) + ".50";
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
