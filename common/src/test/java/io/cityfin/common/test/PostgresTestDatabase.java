package io.cityfin.common.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL database per test JVM, never H2. The mode comes from {@code -Dtest.db} or {@code TEST_DB}:
 * <ul>
 * <li>{@code external}: the server named by {@code TEST_PG_ADMIN_URL} (JDBC URL of an admin database),
 * {@code TEST_PG_USER}, {@code TEST_PG_PASSWORD}; the role needs CREATEDB;</li>
 * <li>{@code testcontainers}: a pinned PostgreSQL image in Docker;</li>
 * <li>{@code embedded}: io.zonky embedded PostgreSQL on a random port;</li>
 * <li>{@code auto} (default): external if {@code TEST_PG_ADMIN_URL} is set, else Testcontainers when a Docker
 * daemon answers, else embedded.</li>
 * </ul>
 * A fresh database {@code cityfin_it_<millis>_<pid>} is created and dropped when the JVM exits (an embedded server
 * goes with the JVM, databases and all).
 */
public final class PostgresTestDatabase {

    static final String IMAGE = "postgres:16-alpine";
    private static final java.util.concurrent.atomic.AtomicInteger COUNT = new java.util.concurrent.atomic.AtomicInteger();
    private static final Logger log = LoggerFactory.getLogger(PostgresTestDatabase.class);

    private static @Nullable Database database;
    private static @Nullable Server server;

    private PostgresTestDatabase() {
    }

    /** Where the test database is; starts the server and creates the database on first use. */
    public static synchronized Database get() {
        if (database == null) {
            server = start(Mode.chosen());
            database = server.createDatabase();
        }
        return database;
    }

    /** A database of its own on the same server, for a test whose figures must not meet other tests' rows. */
    public static synchronized Database fresh() {
        get();
        return server.createDatabase();
    }

    /** The mode test.db or TEST_DB ask for. */
    public enum Mode {
        AUTO, EXTERNAL, TESTCONTAINERS, EMBEDDED;

        static Mode chosen() {
            String value = System.getProperty("test.db", System.getenv().getOrDefault("TEST_DB", "auto"));
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        }
    }

    /** A database on a running server, with the URLs Spring needs. */
    public record Database(String host, int port, String name, String user, String password, Mode mode) {

        public String r2dbcUrl() {
            return "r2dbc:postgresql://" + host + ":" + port + "/" + name;
        }

        public String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + name;
        }

        /** Spring properties pointing R2DBC and Flyway at this database. */
        public Map<String, Object> springProperties() {
            return Map.of(
                    "spring.r2dbc.url", r2dbcUrl(), "spring.r2dbc.username", user, "spring.r2dbc.password", password,
                    "spring.flyway.url", jdbcUrl(), "spring.flyway.user", user, "spring.flyway.password", password);
        }
    }

    /** Puts the test database in front of every other property source of a Spring test context. */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("cityfinTestDatabase", get().springProperties()));
        }
    }

    /** Like {@link Initializer}, with a database of the context's own. */
    public static class FreshInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("cityfinTestDatabase", fresh().springProperties()));
        }
    }

    /** A running server and how to create databases on it. */
    private record Server(String adminUrl, String host, int port, String user, String password, Mode mode) {

        Database createDatabase() {
            return PostgresTestDatabase.createDatabase(adminUrl, host, port, user, password, mode);
        }
    }

    private static Server start(Mode mode) {
        return switch (mode) {
            case EXTERNAL -> external();
            case TESTCONTAINERS -> testcontainers();
            case EMBEDDED -> embedded();
            case AUTO -> {
                if (System.getenv("TEST_PG_ADMIN_URL") != null) {
                    yield external();
                }
                yield dockerAvailable() ? testcontainers() : embedded();
            }
        };
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Server external() {
        String adminUrl = required("TEST_PG_ADMIN_URL");
        String user = required("TEST_PG_USER");
        String password = System.getenv().getOrDefault("TEST_PG_PASSWORD", "");
        java.net.URI uri = java.net.URI.create(adminUrl.substring("jdbc:".length()));
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        return new Server(adminUrl, uri.getHost(), port, user, password, Mode.EXTERNAL);
    }

    private static Server testcontainers() {
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-test-postgres"));
        return new Server(container.getJdbcUrl(), container.getHost(), container.getFirstMappedPort(),
                container.getUsername(), container.getPassword(), Mode.TESTCONTAINERS);
    }

    private static Server embedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            // The whole cluster goes with the JVM, so its databases need no drop hook (createDatabase) to race.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "stop-test-postgres"));
            return new Server("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres", "127.0.0.1", postgres.getPort(),
                    "postgres", "", Mode.EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    private static Database createDatabase(String adminUrl, String host, int port, String user, String password, Mode mode) {
        String name = "cityfin_it_" + System.currentTimeMillis() + "_" + ProcessHandle.current().pid() + "_" + COUNT.incrementAndGet();
        execute(adminUrl, user, password, "CREATE DATABASE " + name);
        log.info("Test database {} on {}:{} ({})", name, host, port, mode);
        if (mode == Mode.EMBEDDED) {
            return new Database(host, port, name, user, password, mode);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                // FORCE: the cached Spring test contexts still hold R2DBC connections when the JVM exits.
                execute(adminUrl, user, password, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (IllegalStateException e) {
                log.debug("Test database {} not dropped: {}", name, e.getMessage());
            }
        }, "drop-test-database"));
        return new Database(host, port, name, user, password, mode);
    }

    private static void execute(String adminUrl, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run '" + sql + "' on " + adminUrl, e);
        }
    }

    private static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("test.db=external needs the environment variable " + variable);
        }
        return value;
    }
}
