package io.cityfin.systemtests.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What the infra checks learn from the apps and the launcher, pinned to architecture.md ("Ports on one machine",
 * "Modules"), so a reader that finds nothing cannot make those checks pass vacuously.
 */
class AppConfigTest {

    private final Repository repository = Repository.current();

    @Test
    void findsTheSixAppsWithTheirPortsAndDatabases() {
        List<AppConfig> apps = AppConfig.readAll(repository);

        assertThat(apps).extracting(AppConfig::module, AppConfig::port, AppConfig::managementPort, AppConfig::database)
            .containsExactly(
                    tuple("credit-service", 8081, 9081, "cityfin_credit"),
                    tuple("insurance-service", 8082, 9082, "cityfin_insurance"),
                    tuple("capital-market-service", 8083, 9083, "cityfin_capital_market"),
                    tuple("platform-service", 8084, 9084, "cityfin_platform"),
                    tuple("risk-service", 8085, 9085, "cityfin_risk"),
                    tuple("gateway", 8080, 9080, "cityfin_gateway"));
    }

    @Test
    void readsProbePathsAndMetricsFromTheActuatorSettings() {
        for (AppConfig app : AppConfig.readAll(repository)) {
            assertThat(app.livenessPath()).isEqualTo("/actuator/health/liveness");
            assertThat(app.readinessPath()).isEqualTo("/actuator/health/readiness");
            assertThat(app.exposedEndpoints()).as(app.module()).contains("health", "prometheus");
        }
    }

    @Test
    void readsWhatTheLauncherGivesEachApp() {
        LauncherEnvironment launcher = LauncherEnvironment.read(repository);

        assertThat(launcher.everyApp()).contains("PORT", "MANAGEMENT_PORT", "DB_HOST", "DB_PORT", "DB_NAME", "DB_USER",
                "DB_PASSWORD", "CITYFIN_IDENTITY_PUBLIC_KEYS");
        assertThat(launcher.gatewayOnly()).contains("CITYFIN_ADMIN_API_KEY", "CITYFIN_IDENTITY_SIGNING_KEY",
                "CITYFIN_IDENTITY_KEY_ID", LauncherEnvironment.URL_VARIABLES);
    }

    @Test
    void asksTheGatewayForItsSecretsAndTheServiceUrlsAndKeepsThemFromTheServices() {
        DeploymentNeeds needs = DeploymentNeeds.read(repository);

        assertThat(needs.required(needs.app("gateway"))).contains("CITYFIN_IDENTITY_SIGNING_KEY", "CITYFIN_ADMIN_API_KEY",
                "CREDIT_SERVICE_URL", "RISK_SERVICE_URL", "DB_HOST").doesNotContain("SPRING_PROFILES_ACTIVE");
        assertThat(needs.required(needs.app("credit-service"))).contains("DB_HOST", "CITYFIN_IDENTITY_PUBLIC_KEYS")
            .doesNotContain("CITYFIN_IDENTITY_SIGNING_KEY", "CREDIT_SERVICE_URL");
        assertThat(needs.forbidden(needs.app("credit-service"))).contains("CITYFIN_IDENTITY_SIGNING_KEY",
                "CITYFIN_ADMIN_API_KEY");
    }

    @Test
    void leavesOutOnlyLauncherVariablesNoAppReads() {
        assertThat(DeploymentNeeds.unjustifiedLauncherOnly(repository)).isEmpty();
    }
}
