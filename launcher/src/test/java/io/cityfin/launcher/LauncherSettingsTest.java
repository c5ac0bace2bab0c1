package io.cityfin.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LauncherSettingsTest {

    @Test
    void defaultsToTheEmbeddedDatabaseAndTheDataFolderInTheRepo() {
        LauncherSettings settings = LauncherSettings.from(Map.of(), Path.of("/repo"));

        assertThat(settings.dataDir()).isEqualTo(Path.of("/repo/.cityfin"));
        assertThat(settings.logDir()).isEqualTo(Path.of("/repo/.cityfin/logs"));
        assertThat(settings.externalDatabase()).isNull();
        assertThat(settings.embeddedDbPort()).isEqualTo(15432);
        assertThat(settings.portBase()).isEqualTo(8080);
        assertThat(settings.apps()).isEqualTo(AppSpec.ALL);
        assertThat(settings.demoData()).isEqualTo("true");
        assertThat(settings.javaOptions())
            .containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m", "-Xss512k", "-XX:+ExitOnOutOfMemoryError");
        assertThat(settings.startTimeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(settings.adminApiKey()).isNull();
        assertThat(settings.adminKeyFile()).isEqualTo(Path.of("/repo/.cityfin/admin-api-key"));
        assertThat(settings.signingKeys()).isNull();
        assertThat(settings.identityDir()).isEqualTo(Path.of("/repo/.cityfin/identity"));
    }

    @Test
    void readsEveryVariable() {
        LauncherSettings settings = LauncherSettings.from(Map.of(
                "CITYFIN_DATA_DIR", "build/data",
                "CITYFIN_DB_URL", "postgresql://cityfin:pw@db:5433",
                "CITYFIN_DB_PORT", "25432",
                "CITYFIN_PORT_BASE", "18080",
                "CITYFIN_DEMO_DATA", "false",
                "CITYFIN_JAVA_OPTS", "  -Xmx1g   -XX:+UseParallelGC ",
                "CITYFIN_START_TIMEOUT_SECONDS", "300",
                "CITYFIN_ADMIN_API_KEY", "cfk_x"), Path.of("/repo"));

        assertThat(settings.dataDir()).isEqualTo(Path.of("/repo/build/data"));
        assertThat(settings.externalDatabase()).isEqualTo(new DatabaseUrl("cityfin", "pw", "db", 5433, "postgres"));
        assertThat(settings.embeddedDbPort()).isEqualTo(25432);
        assertThat(settings.portBase()).isEqualTo(18080);
        assertThat(settings.apps()).extracting(AppSpec::port).containsExactly(18080, 18081, 18082, 18083, 18084, 18085);
        assertThat(settings.demoData()).isEqualTo("false");
        assertThat(settings.javaOptions()).isEqualTo(List.of("-Xmx1g", "-XX:+UseParallelGC"));
        assertThat(settings.startTimeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(settings.adminApiKey()).isNotNull().extracting(AdminKey::value, AdminKey::file).containsExactly("cfk_x", null);
    }

    @Test
    void takesTheInternalTokenKeysFromTheEnvironmentWhenAllThreeAreSet() {
        LauncherSettings settings = LauncherSettings.from(identityVariables(KeyFixtures.PRIVATE_KEY, "prod-1",
                "old-1:" + KeyFixtures.base64(KeyFixtures.newPair().getPublic().getEncoded()) + ",prod-1:"
                        + KeyFixtures.PUBLIC_KEY), Path.of("/repo"));

        SigningKeys keys = settings.signingKeys();
        assertThat(keys).isNotNull();
        assertThat(keys.signingKey()).isEqualTo(KeyFixtures.PRIVATE_KEY);
        assertThat(keys.keyId()).isEqualTo("prod-1");
        assertThat(keys.publicKeys()).startsWith("old-1:").endsWith(",prod-1:" + KeyFixtures.PUBLIC_KEY);
        assertThat(keys.file()).isNull();
        assertThat(keys.toString()).doesNotContain(KeyFixtures.PRIVATE_KEY);
    }

    @Test
    void refusesSomeButNotAllOfTheInternalTokenVariables() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> LauncherSettings.from(Map.of("CITYFIN_IDENTITY_SIGNING_KEY", KeyFixtures.PRIVATE_KEY,
                    "CITYFIN_IDENTITY_KEY_ID", "prod-1"), Path.of("/repo")))
            .withMessageStartingWith("CITYFIN_IDENTITY_SIGNING_KEY, CITYFIN_IDENTITY_KEY_ID, CITYFIN_IDENTITY_PUBLIC_KEYS go together")
            .withMessageEndingWith("only CITYFIN_IDENTITY_SIGNING_KEY and CITYFIN_IDENTITY_KEY_ID are set")
            .withMessageNotContaining(KeyFixtures.PRIVATE_KEY);
    }

    @Test
    void refusesInternalTokenKeysThatAreGarbledOrDoNotBelongTogether() {
        String otherPublicKey = KeyFixtures.base64(KeyFixtures.newPair().getPublic().getEncoded());

        assertThatIllegalArgumentException()
            .isThrownBy(() -> LauncherSettings.from(identityVariables("not-a-key", "prod-1", "prod-1:" + KeyFixtures.PUBLIC_KEY),
                    Path.of("/repo")))
            .withMessage("CITYFIN_IDENTITY_SIGNING_KEY must be an EC P-256 private key: base64 of its PKCS#8 DER");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> LauncherSettings.from(identityVariables(KeyFixtures.PRIVATE_KEY, "prod-1", "prod-1:garbage"),
                    Path.of("/repo")))
            .withMessageStartingWith("CITYFIN_IDENTITY_PUBLIC_KEYS must be kid:base64 entries")
            .withMessageEndingWith("entry 1 is not one");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> LauncherSettings.from(identityVariables(KeyFixtures.PRIVATE_KEY, "prod-2",
                    "prod-1:" + KeyFixtures.PUBLIC_KEY), Path.of("/repo")))
            .withMessage("CITYFIN_IDENTITY_PUBLIC_KEYS has no entry for CITYFIN_IDENTITY_KEY_ID (prod-2)");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> LauncherSettings.from(identityVariables(KeyFixtures.PRIVATE_KEY, "prod-1",
                    "prod-1:" + otherPublicKey), Path.of("/repo")))
            .withMessage("the CITYFIN_IDENTITY_PUBLIC_KEYS entry for prod-1 is not the public key of CITYFIN_IDENTITY_SIGNING_KEY")
            .withMessageNotContaining(KeyFixtures.PRIVATE_KEY);
    }

    private static Map<String, String> identityVariables(String signingKey, String keyId, String publicKeys) {
        return Map.of("CITYFIN_IDENTITY_SIGNING_KEY", signingKey, "CITYFIN_IDENTITY_KEY_ID", keyId,
                "CITYFIN_IDENTITY_PUBLIC_KEYS", publicKeys);
    }

    @Test
    void keepsAnAbsoluteDataFolder() {
        assertThat(LauncherSettings.from(Map.of("CITYFIN_DATA_DIR", "/var/cityfin"), Path.of("/repo")).dataDir())
            .isEqualTo(Path.of("/var/cityfin"));
    }

    @Test
    void refusesANumberThatIsNone() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> LauncherSettings.from(Map.of("CITYFIN_DB_PORT", "fifteen"), Path.of("/repo")))
            .withMessage("CITYFIN_DB_PORT must be a whole number from 1 to 65535, not 'fifteen'");
        assertThatIllegalArgumentException()
            .isThrownBy(() -> LauncherSettings.from(Map.of("CITYFIN_START_TIMEOUT_SECONDS", "0"), Path.of("/repo")))
            .withMessageStartingWith("CITYFIN_START_TIMEOUT_SECONDS must be");
    }

    @Test
    void refusesAPortBaseWhoseManagementPortsWouldNotFit() {
        assertThat(LauncherSettings.from(Map.of("CITYFIN_PORT_BASE", "64530"), Path.of("/repo")).apps().get(5).managementPort())
            .isEqualTo(65535);
        assertThatIllegalArgumentException()
            .isThrownBy(() -> LauncherSettings.from(Map.of("CITYFIN_PORT_BASE", "64531"), Path.of("/repo")))
            .withMessage("CITYFIN_PORT_BASE must be a whole number from 1 to 64530, not '64531'");
    }

}
