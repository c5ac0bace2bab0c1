package io.cityfin.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminKeyTest {

    @TempDir
    Path data;

    private final SecureRandom random = new SecureRandom();

    private final List<String> notices = new ArrayList<>();

    @Test
    void generatesCfkAnd43Base64UrlCharacters() {
        String key = AdminKey.generate(random);

        assertThat(key).hasSize(47).matches("cfk_[A-Za-z0-9_-]{43}");
        assertThat(AdminKey.generate(random)).isNotEqualTo(key);
    }

    @Test
    void createsTheKeyFileOnTheFirstStartReadableOnlyByItsOwner() throws Exception {
        AdminKey key = AdminKey.loadOrCreate(data.resolve("new-folder"), random, notices::add);

        Path file = data.resolve("new-folder/admin-api-key");
        assertThat(key.created()).isTrue();
        assertThat(key.file()).isEqualTo(file);
        assertThat(key.value()).matches("cfk_[A-Za-z0-9_-]{43}");
        assertThat(file).hasContent(key.value());
        assertThat(Files.readString(file)).doesNotEndWith("\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(notices).isEmpty();
    }

    @Test
    void reusesTheKeyFileOnLaterStarts() throws Exception {
        AdminKey first = AdminKey.loadOrCreate(data, random, notices::add);

        AdminKey second = AdminKey.loadOrCreate(data, random, notices::add);

        assertThat(second.value()).isEqualTo(first.value());
        assertThat(second.created()).isFalse();
        assertThat(second.describe()).doesNotContain("new");
    }

    @Test
    void readsAKeyWrittenByHandWithATrailingNewline() throws Exception {
        Path file = Files.writeString(data.resolve("admin-api-key"), "cfk_my-own_key\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThat(AdminKey.loadOrCreate(data, random, notices::add).value()).isEqualTo("cfk_my-own_key");
        assertThat(notices).isEmpty();
    }

    @Test
    void tightensAKeyFileOthersMayReadAndSaysSo() throws Exception {
        Path file = Files.writeString(data.resolve("admin-api-key"), "cfk_shared");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        AdminKey key = AdminKey.loadOrCreate(data, random, notices::add);

        assertThat(key.value()).isEqualTo("cfk_shared");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(notices).singleElement().asString().contains(file + " was readable by others (rw-r--r--)")
            .contains("made it owner-only").doesNotContain("cfk_shared");
    }

    @Test
    void refusesAFileThatHoldsNoCfkKeyWithoutShowingItsContent() throws Exception {
        Path file = Files.writeString(data.resolve("admin-api-key"), "sk_live_secret");

        assertThatIOException().isThrownBy(() -> AdminKey.loadOrCreate(data, random, notices::add))
            .withMessageStartingWith(file + " does not hold an admin API key (cfk_")
            .withMessageContaining("CITYFIN_ADMIN_API_KEY")
            .withMessageNotContaining("sk_live_secret");
        assertThat(file).hasContent("sk_live_secret");
    }

    @Test
    void refusesAnEmptyFileAndTwoLines() throws Exception {
        Path file = data.resolve("admin-api-key");
        Files.writeString(file, "");
        assertThatIOException().isThrownBy(() -> AdminKey.loadOrCreate(data, random, notices::add))
            .withMessageContaining("does not hold an admin API key");

        Files.writeString(file, "cfk_one\ncfk_two\n");
        assertThatIOException().isThrownBy(() -> AdminKey.loadOrCreate(data, random, notices::add))
            .withMessageContaining("does not hold an admin API key");
    }

    @Test
    void takesTheEnvironmentsKeyUnchangedAndMakesNoFile() {
        AdminKey key = AdminKey.fromEnvironment("whatever the operator chose");

        assertThat(key.value()).isEqualTo("whatever the operator chose");
        assertThat(key.file()).isNull();
        assertThat(key.describe()).isEqualTo("Admin API key: from CITYFIN_ADMIN_API_KEY (use it as Authorization: Bearer <key>)");
        assertThat(data.resolve("admin-api-key")).doesNotExist();
    }

    @Test
    void printsWhereTheKeyIsButNeverTheKey() throws Exception {
        AdminKey key = AdminKey.loadOrCreate(data, random, notices::add);

        assertThat(key.describe()).isEqualTo("Admin API key: " + data.resolve("admin-api-key")
                + " (new, owner-only; use it as Authorization: Bearer <key>)");
        assertThat(key.toString()).isEqualTo("AdminKey[" + data.resolve("admin-api-key") + "]");
        assertThat(key.curlExample("http://localhost:8080/api/v1/indicators?period=2022-09"))
            .isEqualTo("curl -H \"Authorization: Bearer $(cat " + data.resolve("admin-api-key")
                    + ")\" 'http://localhost:8080/api/v1/indicators?period=2022-09'")
            .doesNotContain(key.value());
        assertThat(AdminKey.fromEnvironment("cfk_env").curlExample("http://localhost:8080/x"))
            .isEqualTo("curl -H \"Authorization: Bearer $CITYFIN_ADMIN_API_KEY\" http://localhost:8080/x");
    }

    @Test
    void quotesAPathWithBlanksForTheShell() {
        assertThat(AdminKey.shellWord("/home/me/my data/admin-api-key")).isEqualTo("'/home/me/my data/admin-api-key'");
        assertThat(AdminKey.shellWord("/it's")).isEqualTo("'/it'\\''s'");
        assertThat(AdminKey.shellWord("/plain/path")).isEqualTo("/plain/path");
    }

}
