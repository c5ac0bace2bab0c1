package io.cityfin.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AppSpecTest {

    private static final DatabaseUrl SERVER = new DatabaseUrl("postgres", "pw", "127.0.0.1", 15432, "postgres");

    private static final LauncherSettings SETTINGS = LauncherSettings.from(Map.of(), Path.of("/repo"));

    private static final AdminKey ADMIN = KeyFixtures.adminKey();

    private static final SigningKeys SIGNING = KeyFixtures.signingKeys();

    private static final ServiceKeys SERVICE_KEYS = KeyFixtures.serviceKeys();

    private static final String PUBLIC_KEYS = KeyFixtures.KEY_ID + ":" + KeyFixtures.PUBLIC_KEY;

    @Test
    void hasTheSixAppsWithTheirPortsAndDatabases() {
        assertThat(AppSpec.ALL).extracting(AppSpec::module, AppSpec::port, AppSpec::managementPort, AppSpec::database)
            .containsExactly(
                    tuple("gateway", 8080, 9080, "cityfin_gateway"),
                    tuple("credit-service", 8081, 9081, "cityfin_credit"),
                    tuple("insurance-service", 8082, 9082, "cityfin_insurance"),
                    tuple("capital-market-service", 8083, 9083, "cityfin_capital_market"),
                    tuple("platform-service", 8084, 9084, "cityfin_platform"),
                    tuple("risk-service", 8085, 9085, "cityfin_risk"));
    }

    @Test
    void shiftsEveryPortWithThePortBase() {
        assertThat(AppSpec.all(18080)).extracting(AppSpec::module, AppSpec::port, AppSpec::managementPort, AppSpec::database)
            .containsExactly(
                    tuple("gateway", 18080, 19080, "cityfin_gateway"),
                    tuple("credit-service", 18081, 19081, "cityfin_credit"),
                    tuple("insurance-service", 18082, 19082, "cityfin_insurance"),
                    tuple("capital-market-service", 18083, 19083, "cityfin_capital_market"),
                    tuple("platform-service", 18084, 19084, "cityfin_platform"),
                    tuple("risk-service", 18085, 19085, "cityfin_risk"));
    }

    @Test
    void eachAppGetsItsPortsDatabaseAndLocalProfile() {
        for (AppSpec app : AppSpec.ALL) {
            Map<String, String> env = app.environment(SERVER, SETTINGS, ADMIN, SIGNING, SERVICE_KEYS);

            assertThat(env).containsEntry("PORT", Integer.toString(app.port()))
                .containsEntry("MANAGEMENT_PORT", Integer.toString(app.port() + 1000))
                .containsEntry("DB_HOST", "127.0.0.1")
                .containsEntry("DB_PORT", "15432")
                .containsEntry("DB_NAME", app.database())
                .containsEntry("DB_USER", "postgres")
                .containsEntry("DB_PASSWORD", "pw")
                .containsEntry("SPRING_PROFILES_ACTIVE", "local")
                .containsEntry("CITYFIN_DATA_DIR", Path.of("/repo/.cityfin").toString())
                .containsEntry("CITYFIN_DEMO_DATA", "true")
                .containsEntry("CITYFIN_IDENTITY_PUBLIC_KEYS", PUBLIC_KEYS);
        }
    }

    @Test
    void gatewayGetsTheAdminKeyTheSigningKeyAndItsKeyId() {
        Map<String, String> env = AppSpec.ALL.get(0).environment(SERVER, SETTINGS, ADMIN, SIGNING, SERVICE_KEYS);

        assertThat(env).containsEntry("CITYFIN_ADMIN_API_KEY", KeyFixtures.ADMIN_KEY_VALUE)
            .containsEntry("CITYFIN_IDENTITY_SIGNING_KEY", KeyFixtures.PRIVATE_KEY)
            .containsEntry("CITYFIN_IDENTITY_KEY_ID", KeyFixtures.KEY_ID)
            .containsEntry("CITYFIN_IDENTITY_PUBLIC_KEYS", PUBLIC_KEYS);
    }

    @Test
    void servicesGetOnlyThePublicKeysAndNeitherThePrivateKeyNorTheAdminKey() {
        for (AppSpec service : AppSpec.ALL.subList(1, AppSpec.ALL.size())) {
            Map<String, String> env = service.environment(SERVER, SETTINGS, ADMIN, SIGNING, SERVICE_KEYS);

            assertThat(env).containsEntry("CITYFIN_IDENTITY_PUBLIC_KEYS", PUBLIC_KEYS)
                .doesNotContainKeys("CITYFIN_ADMIN_API_KEY", "CITYFIN_IDENTITY_SIGNING_KEY", "CITYFIN_IDENTITY_KEY_ID")
                .doesNotContainValue(KeyFixtures.ADMIN_KEY_VALUE)
                .doesNotContainValue(KeyFixtures.PRIVATE_KEY);
        }
    }

    @Test
    void gatewayGetsTheFiveServiceUrls() {
        Map<String, String> env = AppSpec.ALL.get(0).environment(SERVER, SETTINGS, ADMIN, SIGNING, SERVICE_KEYS);

        assertThat(env).containsEntry("CREDIT_SERVICE_URL", "http://127.0.0.1:8081")
            .containsEntry("INSURANCE_SERVICE_URL", "http://127.0.0.1:8082")
            .containsEntry("CAPITAL_MARKET_SERVICE_URL", "http://127.0.0.1:8083")
            .containsEntry("PLATFORM_SERVICE_URL", "http://127.0.0.1:8084")
            .containsEntry("RISK_SERVICE_URL", "http://127.0.0.1:8085")
            .doesNotContainKey("GATEWAY_URL");
    }

    @Test
    void gatewayFindsTheServicesOnItsOwnPortBase() {
        LauncherSettings settings = LauncherSettings.from(Map.of("CITYFIN_PORT_BASE", "18080"), Path.of("/repo"));
        AppSpec gateway = settings.apps().get(0);

        Map<String, String> env = gateway.environment(SERVER, settings, ADMIN, SIGNING, SERVICE_KEYS);

        assertThat(env).containsEntry("PORT", "18080")
            .containsEntry("MANAGEMENT_PORT", "19080")
            .containsEntry("CREDIT_SERVICE_URL", "http://127.0.0.1:18081")
            .containsEntry("INSURANCE_SERVICE_URL", "http://127.0.0.1:18082")
            .containsEntry("CAPITAL_MARKET_SERVICE_URL", "http://127.0.0.1:18083")
            .containsEntry("PLATFORM_SERVICE_URL", "http://127.0.0.1:18084")
            .containsEntry("RISK_SERVICE_URL", "http://127.0.0.1:18085");
        assertThat(gateway.readinessUri()).hasToString("http://127.0.0.1:19080/actuator/health/readiness");
    }

    @Test
    void everyAppGetsTheLaunchersLoggingAndCityfinVariablesButAServiceNoGatewaySecret() {
        LauncherSettings settings = LauncherSettings.from(Map.of("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs",
                "CITYFIN_REPORTING_COMPLETENESS_REFRESH", "2s", "CITYFIN_ADMIN_API_KEY", "cfk_secret",
                "CITYFIN_PORT_BASE", "9000", "HOME", "/root"), Path.of("/repo"));

        for (AppSpec app : settings.apps()) {
            Map<String, String> env = app.environment(SERVER, settings, ADMIN, SIGNING, SERVICE_KEYS);
            assertThat(env).containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs")
                .containsEntry("CITYFIN_REPORTING_COMPLETENESS_REFRESH", "2s")
                .containsEntry("PORT", Integer.toString(app.port()))
                .doesNotContainKey("HOME");
            if (app.isGateway()) {
                assertThat(env).containsEntry("CITYFIN_ADMIN_API_KEY", ADMIN.value());
            } else {
                assertThat(env).doesNotContainKey("CITYFIN_ADMIN_API_KEY");
            }
        }
    }

    @Test
    void servicesGetNoServiceUrls() {
        for (AppSpec service : AppSpec.ALL.subList(1, AppSpec.ALL.size())) {
            assertThat(service.environment(SERVER, SETTINGS, ADMIN, SIGNING, SERVICE_KEYS).keySet())
                .noneMatch(key -> key.endsWith("_SERVICE_URL"));
        }
    }

    @Test
    void passesDemoDataThrough() {
        LauncherSettings settings = LauncherSettings.from(Map.of("CITYFIN_DEMO_DATA", "false"), Path.of("/repo"));

        Map<String, String> env = AppSpec.ALL.get(3).environment(SERVER, settings, ADMIN, SIGNING, SERVICE_KEYS);

        assertThat(env).containsEntry("CITYFIN_DEMO_DATA", "false");
    }

    @Test
    void gatewayGetsEveryServicesApiKey() {
        Map<String, String> env = AppSpec.ALL.get(0).environment(SERVER, SETTINGS, ADMIN, SIGNING, SERVICE_KEYS);

        assertThat(env).containsEntry("CITYFIN_PLATFORM_SERVICE_API_KEY", KeyFixtures.PLATFORM_KEY_VALUE)
            .containsEntry("CITYFIN_RISK_SERVICE_API_KEY", KeyFixtures.RISK_KEY_VALUE)
            .doesNotContainKey("CITYFIN_GATEWAY_URL");
    }

    @Test
    void eachCallingServiceGetsItsOwnKeyAndTheGatewayUrlButNotTheOthersKey() {
        Map<String, String> platform = app("platform-service").environment(SERVER, SETTINGS, ADMIN, SIGNING, SERVICE_KEYS);
        Map<String, String> risk = app("risk-service").environment(SERVER, SETTINGS, ADMIN, SIGNING, SERVICE_KEYS);

        assertThat(platform).containsEntry("CITYFIN_PLATFORM_SERVICE_API_KEY", KeyFixtures.PLATFORM_KEY_VALUE)
            .containsEntry("CITYFIN_GATEWAY_URL", "http://127.0.0.1:8080")
            .doesNotContainKey("CITYFIN_RISK_SERVICE_API_KEY")
            .doesNotContainValue(KeyFixtures.RISK_KEY_VALUE);
        assertThat(risk).containsEntry("CITYFIN_RISK_SERVICE_API_KEY", KeyFixtures.RISK_KEY_VALUE)
            .containsEntry("CITYFIN_GATEWAY_URL", "http://127.0.0.1:8080")
            .doesNotContainKey("CITYFIN_PLATFORM_SERVICE_API_KEY")
            .doesNotContainValue(KeyFixtures.PLATFORM_KEY_VALUE);
    }

    @Test
    void servicesThatDoNotCallTheGatewayGetNoServiceKeyAndNoGatewayUrl() {
        for (String module : List.of("credit-service", "insurance-service", "capital-market-service")) {
            assertThat(app(module).environment(SERVER, SETTINGS, ADMIN, SIGNING, SERVICE_KEYS))
                .doesNotContainKeys("CITYFIN_PLATFORM_SERVICE_API_KEY", "CITYFIN_RISK_SERVICE_API_KEY", "CITYFIN_GATEWAY_URL")
                .doesNotContainValue(KeyFixtures.PLATFORM_KEY_VALUE)
                .doesNotContainValue(KeyFixtures.RISK_KEY_VALUE);
        }
    }

    @Test
    void aCallingServiceFindsTheGatewayOnThePortBase() {
        LauncherSettings settings = LauncherSettings.from(Map.of("CITYFIN_PORT_BASE", "18080"), Path.of("/repo"));

        Map<String, String> env = settings.apps().get(4).environment(SERVER, settings, ADMIN, SIGNING, SERVICE_KEYS);

        assertThat(env).containsEntry("PORT", "18084").containsEntry("CITYFIN_GATEWAY_URL", "http://127.0.0.1:18080");
    }

    @Test
    void aServiceKeyExportedInTheShellReachesNoAppButThroughItsKeys() {
        LauncherSettings settings = LauncherSettings.from(Map.of("CITYFIN_PLATFORM_SERVICE_API_KEY", "cfk_from-shell",
                "CITYFIN_RISK_SERVICE_API_KEY", "cfk_risk-from-shell"), Path.of("/repo"));

        assertThat(settings.passedOn()).doesNotContainKeys("CITYFIN_PLATFORM_SERVICE_API_KEY", "CITYFIN_RISK_SERVICE_API_KEY");
        assertThat(settings.serviceApiKeys()).containsEntry("CITYFIN_PLATFORM_SERVICE_API_KEY", "cfk_from-shell")
            .containsEntry("CITYFIN_RISK_SERVICE_API_KEY", "cfk_risk-from-shell");
        assertThat(app("credit-service").environment(SERVER, settings, ADMIN, SIGNING, SERVICE_KEYS))
            .doesNotContainValue("cfk_from-shell").doesNotContainValue("cfk_risk-from-shell");
    }

    private static AppSpec app(String module) {
        return AppSpec.ALL.stream().filter(app -> app.module().equals(module)).findFirst().orElseThrow();
    }

    @Test
    void findsTheExecJarAndTheReadinessEndpoint() {
        AppSpec credit = AppSpec.ALL.get(1);

        assertThat(credit.jar(Path.of("/repo")))
            .isEqualTo(Path.of("/repo/credit-service/target/credit-service-0.0.1-SNAPSHOT-exec.jar"));
        assertThat(credit.readinessUri()).hasToString("http://127.0.0.1:9081/actuator/health/readiness");
    }

}
