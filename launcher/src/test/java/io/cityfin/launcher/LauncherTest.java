package io.cityfin.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.jwk.ECKey;
import org.junit.jupiter.api.io.TempDir;

/**
 * What can be checked without the apps' jars (or with empty stand-ins and a database that does not answer, so a start
 * gets as far as the database); {@code system-tests} starts the real platform with {@link Launcher#create}.
 */
class LauncherTest {

    /** Nothing listens there: the start fails at the database, after the keys. */
    private static final String NO_DATABASE = "postgresql://cityfin:pw@127.0.0.1:1";

    @TempDir
    Path repo;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @Test
    void refusesToStartWhenAnAppJarIsMissingAndStartsNothing() {
        Launcher launcher = Launcher.create(Map.of("CITYFIN_PORT_BASE", "18080"), repo, print());

        assertThat(launcher.start()).isEqualTo(1);

        assertThat(printed()).contains("Missing app jar(s):",
                "gateway/target/gateway-0.0.1-SNAPSHOT-exec.jar", "risk-service/target/risk-service-0.0.1-SNAPSHOT-exec.jar");
        assertThat(launcher.process("gateway")).isEmpty();
        assertThat(repo.resolve(".cityfin")).doesNotExist();
    }

    @Test
    void makesTheKeysOnTheFirstStartAndPrintsWhereTheAdminKeyIsButNeitherKey() throws Exception {
        standInJars();

        assertThat(Launcher.create(environment(), repo, print()).start()).isEqualTo(1);

        Path adminKeyFile = repo.resolve(".cityfin/admin-api-key");
        String adminKey = Files.readString(adminKeyFile);
        ECKey jwk = ECKey.parse(Files.readString(repo.resolve(".cityfin/identity/signing-key.jwk")));
        String keyId = jwk.getKeyID();
        String privateKey = jwk.getD().toString();
        assertThat(printed())
            .contains("Admin API key: " + adminKeyFile + " (new, owner-only; use it as Authorization: Bearer <key>)")
            .contains("Internal token keys: key id " + keyId + ", new pair in " + repo.resolve(".cityfin/identity/signing-key.jwk"))
            .contains("CityFin could not start")
            .doesNotContain(adminKey)
            .doesNotContain(privateKey);
        assertThat(repo.resolve(".cityfin/launcher.pid")).doesNotExist();
    }

    @Test
    void reusesTheKeysOnTheNextStart() throws Exception {
        standInJars();
        Launcher.create(environment(), repo, print()).start();
        String adminKey = Files.readString(repo.resolve(".cityfin/admin-api-key"));
        String jwk = Files.readString(repo.resolve(".cityfin/identity/signing-key.jwk"));
        String privateKey = ECKey.parse(jwk).getD().toString();
        output.reset();

        assertThat(Launcher.create(environment(), repo, print()).start()).isEqualTo(1);

        assertThat(repo.resolve(".cityfin/admin-api-key")).hasContent(adminKey);
        assertThat(repo.resolve(".cityfin/identity/signing-key.jwk")).hasContent(jwk);
        assertThat(printed()).contains("Admin API key: " + repo.resolve(".cityfin/admin-api-key") + " (owner-only;")
            .doesNotContain("new pair")
            .doesNotContain(adminKey)
            .doesNotContain(privateKey);
    }

    @Test
    void usesTheEnvironmentsAdminKeyWithoutPrintingItOrWritingAFile() throws Exception {
        standInJars();
        Map<String, String> environment = environment();
        environment.put("CITYFIN_ADMIN_API_KEY", "cfk_from-the-environment-0123456789");

        assertThat(Launcher.create(environment, repo, print()).start()).isEqualTo(1);

        assertThat(printed()).contains("Admin API key: from CITYFIN_ADMIN_API_KEY")
            .doesNotContain("cfk_from-the-environment-0123456789");
        assertThat(repo.resolve(".cityfin/admin-api-key")).doesNotExist();
    }

    @Test
    void makesEachServicesKeyOnTheFirstStartAndPrintsWhereItIsButNotTheKey() throws Exception {
        standInJars();
        Map<String, String> environment = environment();
        environment.put("CITYFIN_RISK_SERVICE_API_KEY", "cfk_risk-from-the-environment-0123456789");

        assertThat(Launcher.create(environment, repo, print()).start()).isEqualTo(1);

        Path platformKeyFile = repo.resolve(".cityfin/platform-service-api-key");
        String platformKey = Files.readString(platformKeyFile);
        assertThat(platformKey).startsWith("cfk_");
        assertThat(printed())
            .contains("platform-service's API key (gateway and platform-service only): " + platformKeyFile + " (new, owner-only)")
            .contains("risk-service's API key (gateway and risk-service only): from CITYFIN_RISK_SERVICE_API_KEY")
            .doesNotContain(platformKey)
            .doesNotContain("cfk_risk-from-the-environment-0123456789");
        assertThat(repo.resolve(".cityfin/risk-service-api-key")).doesNotExist();
    }

    @Test
    void startsOrStopsOneAppOnlyOfARunningPlatformAndOnlyOneOfTheSix() {
        Launcher launcher = Launcher.create(Map.of("CITYFIN_PORT_BASE", "18080"), repo, print());

        assertThatIllegalArgumentException().isThrownBy(() -> launcher.start("billing-service"))
            .withMessageContaining("No app billing-service");
        assertThatIllegalStateException().isThrownBy(() -> launcher.start("capital-market-service"))
            .withMessageContaining("not running");
        assertThatIllegalStateException().isThrownBy(() -> launcher.stop("capital-market-service"))
            .withMessageContaining("not running");
    }

    @Test
    void refusesToStartWithAnAdminKeyFileThatHoldsNoKey() throws Exception {
        standInJars();
        Files.createDirectories(repo.resolve(".cityfin"));
        Files.writeString(repo.resolve(".cityfin/admin-api-key"), "password123");

        assertThat(Launcher.create(environment(), repo, print()).start()).isEqualTo(1);

        assertThat(printed()).contains("CityFin could not start: " + repo.resolve(".cityfin/admin-api-key")
                + " does not hold an admin API key")
            .doesNotContain("password123")
            .doesNotContain("PostgreSQL:");
        assertThat(repo.resolve(".cityfin/identity")).doesNotExist();
        assertThat(repo.resolve(".cityfin/launcher.pid")).doesNotExist();
    }

    private Map<String, String> environment() throws IOException {
        Map<String, String> environment = new HashMap<>();
        environment.put("CITYFIN_PORT_BASE", Integer.toString(FreePorts.base()));
        environment.put("CITYFIN_DB_URL", NO_DATABASE);
        return environment;
    }

    private void standInJars() throws IOException {
        for (AppSpec app : AppSpec.ALL) {
            Path jar = app.jar(repo);
            Files.createDirectories(jar.getParent());
            Files.createFile(jar);
        }
    }

    private PrintStream print() {
        return new PrintStream(output, true, StandardCharsets.UTF_8);
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

}
