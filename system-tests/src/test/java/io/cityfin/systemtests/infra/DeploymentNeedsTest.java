package io.cityfin.systemtests.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** What the deployment files must give the apps, as read from the apps' configuration and the launcher's source. */
class DeploymentNeedsTest {

    private final DeploymentNeeds needs = DeploymentNeeds.read(Repository.current());

    @Test
    void readsTheServiceKeysTheGatewayIsConfiguredWith() {
        assertThat(needs.serviceKeys()).isEqualTo(Map.of("platform-service", "CITYFIN_PLATFORM_SERVICE_API_KEY",
                "risk-service", "CITYFIN_RISK_SERVICE_API_KEY"));
    }

    @Test
    void asksForBothServiceKeysAtTheGatewayAndEachCallingServicesOwnKeyAndTheGatewayUrl() {
        assertThat(needs.required(needs.app("gateway")))
            .contains("CITYFIN_PLATFORM_SERVICE_API_KEY", "CITYFIN_RISK_SERVICE_API_KEY")
            .doesNotContain("CITYFIN_GATEWAY_URL");
        assertThat(needs.required(needs.app("platform-service")))
            .contains("CITYFIN_PLATFORM_SERVICE_API_KEY", "CITYFIN_GATEWAY_URL")
            .doesNotContain("CITYFIN_RISK_SERVICE_API_KEY");
        assertThat(needs.required(needs.app("risk-service")))
            .contains("CITYFIN_RISK_SERVICE_API_KEY", "CITYFIN_GATEWAY_URL")
            .doesNotContain("CITYFIN_PLATFORM_SERVICE_API_KEY");
        assertThat(needs.required(needs.app("credit-service")))
            .doesNotContain("CITYFIN_PLATFORM_SERVICE_API_KEY", "CITYFIN_RISK_SERVICE_API_KEY", "CITYFIN_GATEWAY_URL");
    }

    @Test
    void treatsTheServiceKeysAsSecretsAndTheGatewayUrlAsTheGatewaysAddress() {
        assertThat(needs.secrets()).contains("CITYFIN_PLATFORM_SERVICE_API_KEY", "CITYFIN_RISK_SERVICE_API_KEY");
        assertThat(needs.urlTarget("CITYFIN_GATEWAY_URL")).map(AppConfig::module).hasValue("gateway");
        assertThat(needs.launcher().callersOnly()).contains("CITYFIN_GATEWAY_URL", LauncherEnvironment.OWN_SERVICE_KEY);
        assertThat(needs.launcher().gatewayOnly()).contains(LauncherEnvironment.SERVICE_KEYS);
    }
}
