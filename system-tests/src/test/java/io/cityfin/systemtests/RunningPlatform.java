package io.cityfin.systemtests;

import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.launcher.Launcher;

/**
 * The packaged platform as {@code ./cityfin} runs it, for a test class: the launcher starts an embedded PostgreSQL
 * (or uses the server the other modules' tests use) in {@code data} and the six exec jars on {@code portBase} and the
 * next five ports, management ports at public + 1000, demo data on, with a fresh bootstrap ADMIN key.
 */
final class RunningPlatform {

    /** The six apps in launcher order, gateway first. */
    static final String[] APPS = {"gateway", "credit-service", "insurance-service", "capital-market-service",
            "platform-service", "risk-service"};

    /**
     * The apps' JVM options in every system test: the launcher's defaults with a small heap and
     * {@code -XX:+ExitOnOutOfMemoryError}, so that a request that exhausts memory ends its app (as in the image) and
     * fails the suite instead of leaving a limping JVM behind. 256 MiB is twice the most heap an app used after a fuzz
     * run of 10,000 requests (130 MiB); at 192 MiB OperationsIT once missed a source of the consolidated answer.
     */
    static final String APP_JAVA_OPTIONS =
            "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -Xss512k -XX:+ExitOnOutOfMemoryError";

    private final Launcher launcher;
    private final Path data;
    private final int portBase;
    private final String adminKey;
    private final int dbPort;
    private final String externalDatabase;

    private RunningPlatform(Launcher launcher, Path data, int portBase, String adminKey, int dbPort,
            String externalDatabase) {
        this.launcher = launcher;
        this.data = data;
        this.portBase = portBase;
        this.adminKey = adminKey;
        this.dbPort = dbPort;
        this.externalDatabase = externalDatabase;
    }

    /**
     * Starts the platform and waits until all six apps are ready; fails the test with the launcher's output if they
     * are not. {@code environment} adds launcher variables (the apps get its {@code CITYFIN_*} and {@code LOGGING_*});
     * a {@code CITYFIN_DB_URL} there wins over {@link #externalDatabase()} (DatabaseOutageIT puts a proxy in front).
     */
    static RunningPlatform start(Path data, int portBase, Map<String, String> environment) {
        String adminKey = "cfk_" + UUID.randomUUID().toString().replace("-", "")
                + UUID.randomUUID().toString().replace("-", "").substring(0, 11);
        Path root = Path.of(System.getProperty("cityfin.root", "..")).toAbsolutePath().normalize();
        Map<String, String> env = new HashMap<>(environment);
        env.put("CITYFIN_DATA_DIR", data.toString());
        env.put("CITYFIN_PORT_BASE", Integer.toString(portBase));
        int dbPort = freePort();
        env.put("CITYFIN_DB_PORT", Integer.toString(dbPort));
        env.putIfAbsent("CITYFIN_JAVA_OPTS", APP_JAVA_OPTIONS);
        env.putIfAbsent("CITYFIN_DEMO_DATA", "true");
        env.put("CITYFIN_ADMIN_API_KEY", adminKey);
        String externalDatabase = externalDatabase();
        if (externalDatabase != null && !env.containsKey("CITYFIN_DB_URL")) {
            env.put("CITYFIN_DB_URL", externalDatabase);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Launcher launcher = Launcher.create(env, root, teeToConsole(output));

        long start = System.nanoTime();
        int code = launcher.start();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (code != 0) {
            fail("The platform did not start (logs in " + data.resolve("logs") + "):%n%s",
                    output.toString(StandardCharsets.UTF_8));
        }
        System.out.printf("All six apps ready on %d-%d %.1f s after the launcher started (goal of issue #2: 90 s)%n",
                portBase, portBase + 5, elapsed.toMillis() / 1000.0);
        return new RunningPlatform(launcher, data, portBase, adminKey, dbPort, externalDatabase);
    }

    void stop() {
        launcher.stop();
    }

    Launcher launcher() {
        return launcher;
    }

    String adminKey() {
        return adminKey;
    }

    String gatewayUrl() {
        return "http://127.0.0.1:" + portBase;
    }

    /** The public port of {@code app} (one of {@link #APPS}). */
    int port(String app) {
        for (int i = 0; i < APPS.length; i++) {
            if (APPS[i].equals(app)) {
                return portBase + i;
            }
        }
        throw new IllegalArgumentException("no app " + app);
    }

    String managementUrl(String app) {
        return "http://127.0.0.1:" + (port(app) + 1000);
    }

    /**
     * A JDBC connection to one of the apps' databases ({@code cityfin_credit}, see the launcher's AppSpec) on the
     * PostgreSQL the launcher gave them: its embedded one on {@code CITYFIN_DB_PORT}, or the external server.
     */
    Connection database(String database) throws SQLException {
        if (externalDatabase == null) {
            return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + dbPort + "/" + database, "postgres", "");
        }
        URI server = URI.create(externalDatabase);
        String[] user = server.getRawUserInfo().split(":", 2);
        return DriverManager.getConnection("jdbc:postgresql://" + server.getHost()
                + (server.getPort() < 0 ? "" : ":" + server.getPort()) + "/" + database,
                java.net.URLDecoder.decode(user[0], StandardCharsets.UTF_8),
                user.length < 2 ? "" : java.net.URLDecoder.decode(user[1], StandardCharsets.UTF_8));
    }

    /** Where the launcher appends {@code app}'s console output. */
    Path log(String app) {
        return data.resolve("logs").resolve(app + ".log");
    }

    /** Calls through the gateway as the bootstrap ADMIN. */
    WebTestClient gateway() {
        return withKey(adminKey);
    }

    /** Calls through the gateway with {@code key}. */
    WebTestClient withKey(String key) {
        return client(gatewayUrl()).mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + key).build();
    }

    /** A client of {@code baseUrl}; it reads bodies up to 16 MiB (a gateway's /actuator/prometheus exceeds 256 KiB). */
    static WebTestClient client(String baseUrl) {
        return WebTestClient.bindToServer().baseUrl(baseUrl).responseTimeout(Duration.ofSeconds(15))
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
    }

    static Map<String, Object> json(WebTestClient.ResponseSpec response) {
        return response.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
        }).returnResult().getResponseBody();
    }

    /**
     * The PostgreSQL server the other modules' tests would use instead of an embedded one ({@code test.db=external},
     * or {@code auto} with {@code TEST_PG_ADMIN_URL} set, as CI does where user namespaces are not allowed), as a
     * {@code CITYFIN_DB_URL}; {@code null} for the launcher's embedded PostgreSQL.
     */
    static String externalDatabase() {
        String mode = System.getProperty("test.db", System.getenv().getOrDefault("TEST_DB", "auto")).strip();
        String adminUrl = System.getenv("TEST_PG_ADMIN_URL");
        boolean external = mode.equalsIgnoreCase("external") || mode.equalsIgnoreCase("auto") && adminUrl != null;
        if (!external) {
            return null;
        }
        if (adminUrl == null || System.getenv("TEST_PG_USER") == null) {
            fail("test.db=external needs TEST_PG_ADMIN_URL and TEST_PG_USER");
        }
        URI server = URI.create(adminUrl.substring("jdbc:".length()));
        return "postgresql://" + encode(System.getenv("TEST_PG_USER")) + ":"
                + encode(System.getenv().getOrDefault("TEST_PG_PASSWORD", "")) + "@" + server.getHost()
                + (server.getPort() < 0 ? "" : ":" + server.getPort()) + (server.getPath() == null ? "" : server.getPath());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The launcher's progress on the console as it happens, and kept for the failure message. */
    private static PrintStream teeToConsole(ByteArrayOutputStream copy) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                System.out.write(b);
                copy.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                System.out.write(bytes, offset, length);
                copy.write(bytes, offset, length);
            }

            @Override
            public void flush() {
                System.out.flush();
            }
        }, true, StandardCharsets.UTF_8);
    }
}
