package io.cityfin.launcher;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.postgresql.Driver;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The PostgreSQL server the apps use: an existing one from {@code CITYFIN_DB_URL}, or zonky's embedded one. */
final class LocalPostgres implements AutoCloseable {

    /** Lets a new cluster's initdb, or a cold start on 2 busy cores, finish. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    /** PostgreSQL's "duplicate_database": another launcher created it first. */
    private static final String DUPLICATE_DATABASE = "42P04";

    private final DatabaseUrl server;

    private final @Nullable EmbeddedPostgres embedded;

    private final boolean newCluster;

    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalPostgres(DatabaseUrl server, @Nullable EmbeddedPostgres embedded, boolean newCluster) {
        this.server = server;
        this.embedded = embedded;
        this.newCluster = newCluster;
    }

    static LocalPostgres external(DatabaseUrl server) {
        return new LocalPostgres(server, null, false);
    }

    /**
     * Starts PostgreSQL on {@code dataDirectory}, running initdb only when it holds no cluster yet, so data outlives
     * a restart. Its server log (and initdb's output) is appended to {@code logFile}.
     */
    static LocalPostgres embedded(Path dataDirectory, int port, Path logFile) throws IOException {
        // zonky runs initdb only when postgresql.conf is missing (and cleanDataDirectory is false)
        boolean newCluster = !Files.isRegularFile(dataDirectory.resolve("postgresql.conf"));
        if (newCluster && isNonEmptyDirectory(dataDirectory)) {
            throw new IOException(dataDirectory + " is not empty but holds no PostgreSQL cluster (no postgresql.conf);"
                    + " move it away or delete it to start with a fresh database");
        }
        Files.createDirectories(logFile.getParent());
        Redirect log = Redirect.appendTo(logFile.toFile());
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false) // the launcher stops it, after the apps
                .setPort(port)
                .setLocaleConfig("locale", "C") // the same on every machine, whatever LANG says
                // zonky's test defaults (-F, synchronous_commit=off) would let a power cut corrupt or lose the data a
                // user keeps in .cityfin; each -c comes after zonky's -F on the command line, so it wins
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setPGStartupWait(STARTUP_WAIT)
                .setOutputRedirector(log)
                .setErrorRedirector(log)
                .start();
        }
        catch (IOException | RuntimeException ex) {
            throw new IOException("embedded PostgreSQL did not start on port " + port + " (" + ex.getMessage()
                    + "); see " + logFile, ex);
        }
        return new LocalPostgres(new DatabaseUrl("postgres", "", "127.0.0.1", port, "postgres"), postgres, newCluster);
    }

    DatabaseUrl server() {
        return server;
    }

    boolean isEmbedded() {
        return embedded != null;
    }

    /** Whether this start ran initdb (a new, empty cluster) rather than reusing existing data. */
    boolean isNewCluster() {
        return newCluster;
    }

    Connection connect(String database) throws SQLException {
        Connection connection = new Driver().connect(server.jdbcUrl(database), server.credentials());
        if (connection == null) {
            throw new SQLException("the PostgreSQL driver does not accept " + server.jdbcUrl(database));
        }
        return connection;
    }

    /** Creates each database that {@code pg_database} lacks; returns the names it created. */
    List<String> ensureDatabases(List<String> names) throws SQLException {
        List<String> created = new ArrayList<>();
        try (Connection connection = connect(server.adminDatabase()); Statement statement = connection.createStatement()) {
            Set<String> existing = new HashSet<>();
            try (ResultSet rows = statement.executeQuery("SELECT datname FROM pg_database")) {
                while (rows.next()) {
                    existing.add(rows.getString(1));
                }
            }
            for (String name : names) {
                if (!existing.contains(name)) {
                    try {
                        statement.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
                        created.add(name);
                    }
                    catch (SQLException ex) {
                        if (!DUPLICATE_DATABASE.equals(ex.getSQLState())) {
                            throw ex;
                        }
                    }
                }
            }
        }
        return created;
    }

    /** Stops the embedded server (an external one is left alone); safe to call more than once. */
    @Override
    public void close() throws IOException {
        if (embedded != null && !closed.getAndSet(true)) {
            embedded.close();
        }
    }

    private static boolean isNonEmptyDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isPresent();
        }
    }

}
