package io.cityfin.systemtests.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** {@link ComposeCheck} finds what is wrong in a broken copy of {@code infra/docker-compose.yml}. */
class ComposeCheckTest {

    private final Repository repository = Repository.current();

    private final Path file = repository.path(ComposeFileTest.COMPOSE_FILE);

    private final DeploymentNeeds needs = DeploymentNeeds.read(repository);

    private final Map<String, Object> compose = Yaml.load(file);

    @Test
    void reportsAServiceWithoutTheDatabaseHost() {
        environment("credit-service").remove("DB_HOST");

        assertThat(problems()).containsExactly(
                "credit-service: DB_HOST is not set (the app reads it and has no usable default)");
    }

    @Test
    void reportsAHealthCheckOnThePublicPort() {
        Yaml.map(service("risk-service"), "healthcheck").put("test",
                List.of("CMD", "cityfin-healthcheck", "8085", "/actuator/health/readiness"));

        assertThat(problems()).singleElement().asString().startsWith("risk-service: healthcheck")
            .contains("management port 9085");
    }

    @Test
    void reportsTheSigningKeyGivenToAService() {
        environment("insurance-service").put("CITYFIN_IDENTITY_SIGNING_KEY", "${CITYFIN_IDENTITY_SIGNING_KEY:?x}");

        assertThat(problems()).containsExactly(
                "insurance-service: gets CITYFIN_IDENTITY_SIGNING_KEY, which only the gateway may hold");
    }

    @Test
    void reportsASecretWrittenIntoTheFile() {
        environment("gateway").put("CITYFIN_ADMIN_API_KEY", "cfk_literal");

        assertThat(problems()).singleElement().asString().startsWith("gateway: CITYFIN_ADMIN_API_KEY is written into the file");
    }

    @Test
    void reportsAWrongServiceUrlAndDatabaseName() {
        environment("gateway").put("PLATFORM_SERVICE_URL", "http://platform-service:8083");
        environment("platform-service").put("DB_NAME", "cityfin_risk");

        assertThat(problems()).containsExactlyInAnyOrder(
                "gateway: PLATFORM_SERVICE_URL is http://platform-service:8083, expected http://platform-service:8084",
                "platform-service: DB_NAME is cityfin_risk, the app's is cityfin_platform");
    }

    @Test
    void reportsAMissingAppAndAMountThatDoesNotExist() {
        Yaml.map(compose, "services").remove("capital-market-service");
        Yaml.list(service("prometheus"), "volumes").set(0, "./prometheus-missing:/etc/prometheus:ro");

        assertThat(problems()).contains("capital-market-service: no service of that name",
                "prometheus: mounts ./prometheus-missing, which does not exist beside the compose file");
    }

    @Test
    void reportsTheLocalProfile() {
        environment("gateway").put("SPRING_PROFILES_ACTIVE", "local");

        assertThat(problems()).singleElement().asString().startsWith("gateway: runs the local profile");
    }

    @Test
    void reportsAServiceKeyTheServiceTakesFromAnotherVariableThanTheGateway() {
        environment("platform-service").put("CITYFIN_PLATFORM_SERVICE_API_KEY", "${CITYFIN_OTHER_KEY:?x}");

        assertThat(problems()).containsExactly("platform-service: CITYFIN_PLATFORM_SERVICE_API_KEY is ${CITYFIN_OTHER_KEY:?x},"
                + " the gateway's is ${CITYFIN_PLATFORM_SERVICE_API_KEY:?run infra/generate-env.sh first}; both must take the"
                + " same key");
    }

    @Test
    void reportsAServiceKeyGivenToAnotherService() {
        environment("credit-service").put("CITYFIN_RISK_SERVICE_API_KEY", "${CITYFIN_RISK_SERVICE_API_KEY:?x}");
        environment("platform-service").put("CITYFIN_RISK_SERVICE_API_KEY", "${CITYFIN_RISK_SERVICE_API_KEY:?x}");

        assertThat(problems()).containsExactlyInAnyOrder(
                "credit-service: gets CITYFIN_RISK_SERVICE_API_KEY, which only the gateway and risk-service may hold",
                "platform-service: gets CITYFIN_RISK_SERVICE_API_KEY, which only the gateway and risk-service may hold");
    }

    @Test
    void reportsACallingServiceWithoutItsKeyAndOneThatMissesTheGateway() {
        environment("risk-service").remove("CITYFIN_RISK_SERVICE_API_KEY");
        environment("gateway").remove("CITYFIN_RISK_SERVICE_API_KEY");
        environment("platform-service").put("CITYFIN_GATEWAY_URL", "http://gateway:9080");

        assertThat(problems()).containsExactlyInAnyOrder(
                "gateway: CITYFIN_RISK_SERVICE_API_KEY is not set (the app reads it and has no usable default)",
                "risk-service: CITYFIN_RISK_SERVICE_API_KEY is not set (the app reads it and has no usable default)",
                "platform-service: CITYFIN_GATEWAY_URL is http://gateway:9080, expected http://gateway:8080");
    }

    @Test
    void reportsAServiceKeyWrittenIntoTheFile() {
        environment("platform-service").put("CITYFIN_PLATFORM_SERVICE_API_KEY", "cfk_literal");
        environment("gateway").put("CITYFIN_PLATFORM_SERVICE_API_KEY", "cfk_literal");

        assertThat(problems()).containsExactlyInAnyOrder(
                "gateway: CITYFIN_PLATFORM_SERVICE_API_KEY is written into the file; use ${CITYFIN_PLATFORM_SERVICE_API_KEY:?...}"
                        + " from the environment (.env) instead",
                "platform-service: CITYFIN_PLATFORM_SERVICE_API_KEY is written into the file; use"
                        + " ${CITYFIN_PLATFORM_SERVICE_API_KEY:?...} from the environment (.env) instead");
    }

    @Test
    void reportsARedisStoreTheGatewayDoesNotWaitForAndOneWithoutAHealthCheck() {
        Yaml.map(service("gateway"), "depends_on").remove("redis");
        service("redis").remove("healthcheck");

        assertThat(problems()).containsExactlyInAnyOrder(
                "redis: no healthcheck, so service_healthy never holds",
                "gateway: does not wait for redis to be healthy (depends_on ... service_healthy)");
    }

    @Test
    void reportsARedisUrlThatNamesNoRedisServiceAndAServiceGivenTheStore() {
        environment("gateway").put("SPRING_DATA_REDIS_URL", "redis://postgres:5432");
        environment("credit-service").put("CITYFIN_RATE_LIMIT_STORE", "redis");

        assertThat(problems()).containsExactlyInAnyOrder(
                "gateway: SPRING_DATA_REDIS_URL names postgres, which is no service of the file with a redis image",
                "credit-service: gets CITYFIN_RATE_LIMIT_STORE, which only the gateway reads");
    }

    private List<String> problems() {
        return ComposeCheck.problems(compose, file.getParent(), needs, repository);
    }

    private Map<String, Object> service(String name) {
        return Yaml.map(compose, "services", name);
    }

    private Map<String, Object> environment(String name) {
        return Yaml.map(service(name), "environment");
    }
}
