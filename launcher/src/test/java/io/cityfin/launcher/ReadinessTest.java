package io.cityfin.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

class ReadinessTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    private final Readiness readiness = new Readiness(Duration.ofMillis(20), Duration.ofSeconds(1));

    private final AtomicInteger polls = new AtomicInteger();

    private HttpServer server;

    private volatile int readyAfterPolls;

    @BeforeEach
    void startStub() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/actuator/health/readiness", exchange -> {
            int status = polls.incrementAndGet() >= readyAfterPolls ? 200 : 503;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
    }

    @Test
    void waitsUntilTheAppAnswers200() throws Exception {
        readyAfterPolls = 3;
        List<String> ready = new CopyOnWriteArrayList<>();

        Readiness.Outcome outcome = readiness.await(List.of(probe("credit-service", () -> true)), LIMIT,
                probe -> ready.add(probe.name()), () -> false);

        assertThat(outcome).isInstanceOf(Readiness.AllReady.class);
        assertThat(polls).hasValue(3);
        assertThat(ready).containsExactly("credit-service");
    }

    @Test
    void waitsForEveryApp() throws Exception {
        readyAfterPolls = 5;
        List<String> ready = new CopyOnWriteArrayList<>();

        Readiness.Outcome outcome = readiness.await(List.of(probe("gateway", () -> true), probe("risk-service", () -> true)),
                LIMIT, probe -> ready.add(probe.name()), () -> false);

        assertThat(outcome).isInstanceOf(Readiness.AllReady.class);
        assertThat(ready).containsExactlyInAnyOrder("gateway", "risk-service");
    }

    @Test
    void stopsWaitingWhenTheLauncherStops() throws Exception {
        readyAfterPolls = 1;
        List<String> ready = new CopyOnWriteArrayList<>();

        Readiness.Outcome outcome = readiness.await(List.of(probe("gateway", () -> true), notListening("late-service")),
                LIMIT, probe -> ready.add(probe.name()), () -> !ready.isEmpty());

        assertThat(outcome).isInstanceOf(Readiness.Cancelled.class);
        assertThat(ready).containsExactly("gateway");
    }

    @Test
    void reportsAnAppWhoseProcessDied() throws Exception {
        readyAfterPolls = Integer.MAX_VALUE;
        Process dead = new ProcessBuilder("sh", "-c", "exit 3").start();
        dead.waitFor();
        Readiness.Probe risk = probe("risk-service", dead::isAlive);

        Readiness.Outcome outcome = readiness.await(List.of(probe("gateway", () -> true), risk), LIMIT, probe -> {
        }, () -> false);

        assertThat(outcome).isEqualTo(new Readiness.Died(risk));
    }

    @Test
    void givesUpAfterTheTimeLimit() throws Exception {
        readyAfterPolls = Integer.MAX_VALUE;
        Readiness.Probe stuck = probe("platform-service", () -> true);
        Readiness.Probe silent = notListening("insurance-service");

        Readiness.Outcome outcome = readiness.await(List.of(stuck, silent), Duration.ofMillis(300), probe -> {
        }, () -> false);

        // it asked again and again until the limit, then named both: how long that took is the machine's business
        assertThat(outcome).isEqualTo(new Readiness.TimedOut(List.of(stuck, silent)));
        assertThat(polls.get()).isGreaterThan(3);
    }

    private Readiness.Probe probe(String name, BooleanSupplier alive) {
        return new Readiness.Probe(name,
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/actuator/health/readiness"), alive);
    }

    private static Readiness.Probe notListening(String name) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return new Readiness.Probe(name, URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"), () -> true);
    }

}
