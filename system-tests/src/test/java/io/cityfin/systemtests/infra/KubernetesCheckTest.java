package io.cityfin.systemtests.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** {@link KubernetesCheck} finds what is wrong in broken copies of {@code infra/k8s}. */
class KubernetesCheckTest {

    private final Repository repository = Repository.current();

    private final DeploymentNeeds needs = DeploymentNeeds.read(repository);

    private final Manifests manifests = Manifests.load(repository.path(KubernetesManifestsTest.DIR),
            repository.path(KubernetesManifestsTest.README));

    @Test
    void reportsALivenessProbeOnThePublicPort() {
        Yaml.map(container("credit-service"), "livenessProbe", "httpGet").put("port", "http");

        assertThat(problems()).containsExactly("Deployment credit-service: livenessProbe asks /actuator/health/liveness on"
                + " port 8081, expected /actuator/health/liveness on the management port 9081");
    }

    @Test
    void reportsAReadinessProbeOnTheWrongPath() {
        Yaml.map(container("gateway"), "readinessProbe", "httpGet").put("path", "/actuator/health");

        assertThat(problems()).singleElement().asString()
            .startsWith("Deployment gateway: readinessProbe asks /actuator/health on port 9080");
    }

    @Test
    void reportsAMissingVariableAndASecretGivenToAService() {
        List<Object> env = Yaml.list(container("risk-service"), "env");
        env.removeIf(entry -> "DB_NAME".equals(Yaml.text(entry, "name")));
        env.add(Map.of("name", "CITYFIN_ADMIN_API_KEY", "value", "cfk_x"));

        assertThat(problems()).containsExactlyInAnyOrder(
                "Deployment risk-service: DB_NAME is not set (the app reads it and has no usable default)",
                "Deployment risk-service: gets CITYFIN_ADMIN_API_KEY, which only the gateway may hold",
                "Deployment risk-service: CITYFIN_ADMIN_API_KEY is not taken from a Secret");
    }

    @Test
    void reportsASecretNobodyCreates() {
        Yaml.list(container("gateway"), "env").stream()
            .filter(entry -> "CITYFIN_IDENTITY_SIGNING_KEY".equals(Yaml.text(entry, "name")))
            .forEach(entry -> Yaml.map(entry, "valueFrom", "secretKeyRef").put("name", "gateway-keys"));

        assertThat(problems()).singleElement().asString()
            .startsWith("Deployment gateway: CITYFIN_IDENTITY_SIGNING_KEY comes from Secret gateway-keys");
    }

    @Test
    void reportsAnAutoscalerForAMissingDeploymentAndAServiceSelectingNothing() {
        Yaml.map(document("autoscaling.yaml", "platform-service"), "spec", "scaleTargetRef").put("name", "platform");
        Yaml.map(document("insurance-service.yaml", "insurance-service", "Service"), "spec", "selector")
            .put("app.kubernetes.io/name", "insurance");

        assertThat(problems()).contains(
                "platform-service: no HorizontalPodAutoscaler",
                "HorizontalPodAutoscaler platform-service: scales Deployment platform, which is not a Deployment in the"
                        + " manifests",
                "Service insurance-service: does not select the pods of Deployment insurance-service");
    }

    @Test
    void reportsAFileLeftOutOfTheKustomizationAndAResourceThatDoesNotExist() {
        List<Object> resources = new ArrayList<>(Yaml.list(manifests.kustomization(), "resources"));
        resources.remove("disruption-budgets.yaml");
        resources.add("ingress.yaml");
        manifests.kustomization().put("resources", resources);

        assertThat(problems()).containsExactlyInAnyOrder("kustomization.yaml: resource ingress.yaml does not exist",
                "disruption-budgets.yaml: not listed in kustomization.yaml");
    }

    @Test
    void reportsADatabaseHostThatIsNotTheClustersPrimary() {
        Yaml.map(document("config.yaml", "cityfin-config"), "data").put("DB_HOST", "cityfin-db-ro");

        assertThat(problems()).hasSize(needs.apps().size()).allSatisfy(problem -> assertThat(problem)
            .endsWith("DB_HOST is cityfin-db-ro, but the PostgreSQL cluster's primary is cityfin-db-rw"));
    }

    @Test
    void reportsAServiceMonitorOnThePublicPort() {
        Yaml.asMap(Yaml.list(document("optional/service-monitor.yaml", "cityfin"), "spec", "endpoints").get(0))
            .put("port", "http");

        assertThat(problems()).hasSize(needs.apps().size())
            .allSatisfy(problem -> assertThat(problem).startsWith("ServiceMonitor cityfin: scrapes port http"));
    }

    @Test
    void reportsAServiceKeyTheServiceTakesFromAnotherSecretThanTheGateway() {
        secretKeyRef("platform-service", "CITYFIN_PLATFORM_SERVICE_API_KEY").putAll(Map.of("name", "cityfin-gateway",
                "key", "CITYFIN_ADMIN_API_KEY"));

        assertThat(problems()).containsExactly("Deployment platform-service: CITYFIN_PLATFORM_SERVICE_API_KEY comes from Secret"
                + " cityfin-gateway key CITYFIN_ADMIN_API_KEY, the gateway's from Secret cityfin-service-keys key"
                + " platform-service; both must take the same key");
    }

    @Test
    void reportsAServiceKeyGivenToAnotherServiceAndOneNotFromASecret() {
        Yaml.list(container("credit-service"), "env").add(Map.of("name", "CITYFIN_RISK_SERVICE_API_KEY", "valueFrom",
                Map.of("secretKeyRef", Map.of("name", "cityfin-service-keys", "key", "risk-service"))));
        List<Object> riskEnv = Yaml.list(container("risk-service"), "env");
        riskEnv.removeIf(entry -> "CITYFIN_RISK_SERVICE_API_KEY".equals(Yaml.text(entry, "name")));
        riskEnv.add(Map.of("name", "CITYFIN_RISK_SERVICE_API_KEY", "value", "cfk_literal"));

        assertThat(problems()).containsExactlyInAnyOrder(
                "Deployment credit-service: gets CITYFIN_RISK_SERVICE_API_KEY, which only the gateway and risk-service may hold",
                "Deployment risk-service: CITYFIN_RISK_SERVICE_API_KEY is not taken from a Secret",
                "Deployment risk-service: CITYFIN_RISK_SERVICE_API_KEY comes from value cfk_literal, the gateway's from Secret"
                        + " cityfin-service-keys key risk-service; both must take the same key");
    }

    @Test
    void reportsACallingServiceWithoutItsKeyOrAGatewayUrlThatMissesTheGateway() {
        Yaml.list(container("platform-service"), "env")
            .removeIf(entry -> "CITYFIN_PLATFORM_SERVICE_API_KEY".equals(Yaml.text(entry, "name")));
        Yaml.list(container("risk-service"), "env").stream()
            .filter(entry -> "CITYFIN_GATEWAY_URL".equals(Yaml.text(entry, "name")))
            .forEach(entry -> Yaml.asMap(entry).put("value", "http://gateway:9080"));

        assertThat(problems()).containsExactlyInAnyOrder(
                "Deployment platform-service: CITYFIN_PLATFORM_SERVICE_API_KEY is not set (the app reads it and has no usable"
                        + " default)",
                "Deployment risk-service: CITYFIN_GATEWAY_URL http://gateway:9080 does not reach gateway's public port 8080"
                        + " through a Service");
    }

    @Test
    void reportsARedisUrlNoServiceReachesAndAMalformedOne() {
        Yaml.map(document("config.yaml", "cityfin-gateway-config"), "data").put("SPRING_DATA_REDIS_URL", "redis://redis:6380");

        assertThat(problems()).containsExactly("Deployment gateway: SPRING_DATA_REDIS_URL redis://redis:6380 does not reach a"
                + " Deployment running a redis image through a Service port");

        Yaml.map(document("config.yaml", "cityfin-gateway-config"), "data").put("SPRING_DATA_REDIS_URL", "redis:6379");

        assertThat(problems()).containsExactly("Deployment gateway: the rate-limit store is redis, but SPRING_DATA_REDIS_URL"
                + " is 'redis:6379', not redis://<service>:<port>");
    }

    @Test
    void reportsAServiceGivenTheRedisUrl() {
        Yaml.list(container("risk-service"), "env").add(Map.of("name", "SPRING_DATA_REDIS_URL", "value", "redis://redis:6379"));

        assertThat(problems()).containsExactly("Deployment risk-service: gets SPRING_DATA_REDIS_URL, which only the gateway reads");
    }

    private Map<String, Object> secretKeyRef(String app, String variable) {
        return Yaml.list(container(app), "env").stream().filter(entry -> variable.equals(Yaml.text(entry, "name")))
            .map(entry -> Yaml.map(entry, "valueFrom", "secretKeyRef")).findFirst().orElseThrow();
    }

    private List<String> problems() {
        return KubernetesCheck.problems(manifests, needs, repository);
    }

    private Map<String, Object> container(String app) {
        return Yaml.asMap(Yaml.list(document(app + ".yaml", app, "Deployment"), "spec", "template", "spec", "containers")
            .get(0));
    }

    private Map<String, Object> document(String file, String name) {
        return manifests.files().get(file).stream().filter(doc -> name.equals(Yaml.text(doc, "metadata", "name")))
            .findFirst().orElseThrow();
    }

    private Map<String, Object> document(String file, String name, String kind) {
        return manifests.files().get(file).stream()
            .filter(doc -> name.equals(Yaml.text(doc, "metadata", "name")) && kind.equals(doc.get("kind")))
            .findFirst().orElseThrow();
    }
}
