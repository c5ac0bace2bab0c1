package io.cityfin.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs zonky's embedded PostgreSQL for real (as root it runs initdb and pg_ctl under {@code unshare -U}). */
class LocalPostgresIT {

    @TempDir
    Path dir;

    @Test
    void keepsDatabasesAndDataAcrossARestartOnTheSameDataDirectory() throws Exception {
        Path data = dir.resolve("postgres");
        Path log = dir.resolve("logs/postgres.log");
        int port = freePort();

        try (LocalPostgres first = LocalPostgres.embedded(data, port, log)) {
            assertThat(first.isNewCluster()).isTrue();
            assertThat(first.ensureDatabases(AppSpec.databases())).containsExactlyElementsOf(AppSpec.databases());
            try (Connection credit = first.connect("cityfin_credit"); Statement statement = credit.createStatement()) {
                statement.execute("CREATE TABLE kept (id int PRIMARY KEY)");
                statement.execute("INSERT INTO kept VALUES (42)");
            }
            first.close();
        }
        assertThat(data.resolve("postgresql.conf")).exists();

        try (LocalPostgres second = LocalPostgres.embedded(data, port, log)) {
            assertThat(second.isNewCluster()).isFalse();
            assertThat(databases(second)).containsAll(AppSpec.databases());
            assertThat(second.ensureDatabases(AppSpec.databases())).isEmpty();
            try (Connection credit = second.connect("cityfin_credit"); Statement statement = credit.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT id FROM kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(42);
            }
            assertThat(second.server()).isEqualTo(new DatabaseUrl("postgres", "", "127.0.0.1", port, "postgres"));
        }
        assertThat(Files.readString(log)).contains("database system is shut down");
    }

    @Test
    void runsDurablyUnlikeTheLibrarysTestDefaults() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.embedded(dir.resolve("postgres"), freePort(), dir.resolve("pg.log"))) {
            assertThat(setting(postgres, "fsync")).isEqualTo("on");
            assertThat(setting(postgres, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(postgres, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void refusesAFolderThatHoldsSomethingElse() throws Exception {
        Path data = Files.createDirectories(dir.resolve("postgres"));
        Files.writeString(data.resolve("notes.txt"), "not a cluster");

        assertThatIOException().isThrownBy(() -> LocalPostgres.embedded(data, freePort(), dir.resolve("postgres.log")))
            .withMessageContaining("holds no PostgreSQL cluster");
    }

    private static List<String> databases(LocalPostgres postgres) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = postgres.connect("postgres"); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT datname FROM pg_database")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static String setting(LocalPostgres postgres, String name) throws SQLException {
        try (Connection connection = postgres.connect("postgres"); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SHOW " + name)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
