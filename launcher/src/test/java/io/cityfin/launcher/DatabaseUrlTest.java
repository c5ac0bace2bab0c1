package io.cityfin.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

    @Test
    void parsesUserPasswordHostAndPort() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://cityfin:secret@db.local:6543");

        assertThat(url).isEqualTo(new DatabaseUrl("cityfin", "secret", "db.local", 6543, "postgres"));
    }

    @Test
    void decodesAUrlEncodedUserAndPassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://city%20fin:s%40cret%3A%2F%25%E5%B8%82@127.0.0.1:5432");

        assertThat(url.user()).isEqualTo("city fin");
        assertThat(url.password()).isEqualTo("s@cret:/%市");
    }

    @Test
    void defaultsThePortTo5432() {
        assertThat(DatabaseUrl.parse("postgresql://cityfin:secret@localhost").port()).isEqualTo(5432);
    }

    @Test
    void acceptsThePostgresSchemeAnEmptyPasswordAndAnAdminDatabase() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://admin@10.0.0.5:5433/maintenance");

        assertThat(url).isEqualTo(new DatabaseUrl("admin", "", "10.0.0.5", 5433, "maintenance"));
        assertThat(url.jdbcUrl("cityfin_credit")).isEqualTo("jdbc:postgresql://10.0.0.5:5433/cityfin_credit");
    }

    @ParameterizedTest
    @ValueSource(strings = { "garbage", "", "mysql://u:p@host:3306", "postgresql://host:5432", "postgresql://:pw@host",
            "postgresql://u:p@ss@host:5432", "postgresql://u:p%zz@host", "postgresql://u:p@host:5432/a/b",
            "postgresql://u:p@host:5432?sslmode=require", "postgresql://u:p@host:port" })
    void refusesGarbageWithAClearMessage(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse(text))
            .withMessageStartingWith("CITYFIN_DB_URL is not valid: ")
            .withMessageContaining("postgresql://user:password@host:port");
    }

    @Test
    void neverShowsThePassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://cityfin:topsecret@localhost:5432");

        assertThat(url.toString()).doesNotContain("topsecret");
        assertThat(url.display()).isEqualTo("cityfin@localhost:5432");
        assertThatIllegalArgumentException().isThrownBy(() -> DatabaseUrl.parse("postgresql://cityfin:top%zzsecret@localhost"))
            .withMessageNotContaining("secret");
    }

}
