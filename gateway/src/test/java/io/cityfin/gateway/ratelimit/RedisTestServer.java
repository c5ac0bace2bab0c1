package io.cityfin.gateway.ratelimit;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;

/**
 * A real Redis for tests. {@link #shared()}: {@code TEST_REDIS_URL} if set, else Debian's {@code redis-server} started
 * on a free port of 127.0.0.1 without persistence, stopped when the JVM exits. {@link #own()}: a server of the test's
 * own, always started here, which the test may pause ({@code SIGSTOP}: a hung Redis), resume and stop. Without the
 * binary (and, for {@link #shared()}, without {@code TEST_REDIS_URL}) the test fails naming the package: the shared
 * rate limit is tested on every machine, CI included ({@code .ci/run} installs it).
 */
public final class RedisTestServer {

    private static final List<String> BINARIES = List.of("/usr/bin/redis-server", "/usr/sbin/redis-server", "/usr/local/bin/redis-server");
    private static @Nullable RedisTestServer shared;

    private final String url;
    private final @Nullable Process process;

    private RedisTestServer(String url, @Nullable Process process) {
        this.url = url;
        this.process = process;
    }

    /** The JVM's Redis: {@code TEST_REDIS_URL}, or a {@code redis-server} started on first use. */
    public static synchronized RedisTestServer shared() {
        if (shared == null) {
            String external = System.getenv("TEST_REDIS_URL");
            if (external != null && !external.isBlank()) {
                shared = new RedisTestServer(external.trim(), null);
            } else {
                RedisTestServer started = own();
                Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "stop-test-redis"));
                shared = started;
            }
        }
        return shared;
    }

    /** A {@code redis-server} of the caller's own on a free port; the caller stops it. */
    public static RedisTestServer own() {
        String binary = binary();
        int port = freePort();
        try {
            File log = Files.createTempFile("cityfin-test-redis-", ".log").toFile();
            log.deleteOnExit();
            Process process = new ProcessBuilder(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no")
                    .redirectErrorStream(true).redirectOutput(log).start();
            RedisTestServer server = new RedisTestServer("redis://127.0.0.1:" + port, process);
            Awaitility.await("redis-server on port " + port).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("redis-server exited: " + Files.readString(log.toPath()));
                        }
                        return server.answersPing();
                    });
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + binary, e);
        }
    }

    public String url() {
        return url;
    }

    public int port() {
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1).replaceAll("[^0-9].*", ""));
    }

    /** Freezes the server (SIGSTOP): connections stay open and nothing answers, as with a hung Redis. */
    public void pause() {
        signal("-STOP");
    }

    public void resume() {
        signal("-CONT");
    }

    /** Stops a server started here (a shared external one is left alone). */
    public void stop() {
        if (process != null && process.isAlive()) {
            signal("-CONT");
            process.destroy();
            Awaitility.await("redis-server stopped").atMost(Duration.ofSeconds(10)).until(() -> !process.isAlive());
        }
    }

    /** Whether the server answers {@code PING} with {@code +PONG} within half a second. */
    public boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port()), 500);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(7);
            return new String(answer, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    private void signal(String signal) {
        if (process == null) {
            throw new IllegalStateException("the shared Redis from TEST_REDIS_URL cannot be signalled; use RedisTestServer.own()");
        }
        try {
            int exit = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill " + signal + " " + process.pid() + " exited " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String binary() {
        Stream<String> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, "redis-server").toString());
        return Stream.concat(onPath, BINARIES.stream())
                .filter(candidate -> Files.isExecutable(Path.of(candidate)))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The rate-limit tests need a real Redis: set TEST_REDIS_URL "
                        + "(redis://host:port) or install Debian's redis-server package (apt-get install -y redis-server; "
                        + "it is not started as a service, the tests start their own)"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
