package io.cityfin.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceKeysTest {

    @TempDir
    Path data;

    private final SecureRandom random = new SecureRandom();

    private final List<String> notices = new ArrayList<>();

    @Test
    void namesTheVariableTheGatewayAndEachCallingServiceRead() {
        assertThat(ServiceKeys.VARIABLES).containsExactly(
                Map.entry("platform-service", "CITYFIN_PLATFORM_SERVICE_API_KEY"),
                Map.entry("risk-service", "CITYFIN_RISK_SERVICE_API_KEY"));
    }

    @Test
    void makesAnOwnerOnlyKeyFilePerServiceOnTheFirstStartAndReusesItAfter() throws Exception {
        ServiceKeys first = ServiceKeys.load(Map.of(), data, random, notices::add);

        Path platformFile = data.resolve("platform-service-api-key");
        ServiceKeys.Key platform = first.of("platform-service");
        assertThat(platform.value()).matches("cfk_[A-Za-z0-9_-]{43}");
        assertThat(platform.created()).isTrue();
        assertThat(platformFile).hasContent(platform.value());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(platformFile))).isEqualTo("rw-------");
        assertThat(first.of("risk-service").value()).isNotEqualTo(platform.value());
        assertThat(first.of("credit-service")).isNull();

        ServiceKeys second = ServiceKeys.load(Map.of(), data, random, notices::add);

        assertThat(second.of("platform-service").value()).isEqualTo(platform.value());
        assertThat(second.of("platform-service").created()).isFalse();
        assertThat(second.of("risk-service").value()).isEqualTo(first.of("risk-service").value());
        assertThat(notices).isEmpty();
    }

    @Test
    void takesAKeyFromItsVariableWithoutWritingAFileAndPrintsNeitherKey() throws Exception {
        ServiceKeys keys = ServiceKeys.load(Map.of("CITYFIN_PLATFORM_SERVICE_API_KEY", "cfk_platform-from-env"), data, random,
                notices::add);

        assertThat(keys.of("platform-service").value()).isEqualTo("cfk_platform-from-env");
        assertThat(keys.of("platform-service").describe())
            .isEqualTo("platform-service's API key (gateway and platform-service only): from CITYFIN_PLATFORM_SERVICE_API_KEY");
        assertThat(data.resolve("platform-service-api-key")).doesNotExist();
        assertThat(keys.of("risk-service").describe()).contains(data.resolve("risk-service-api-key").toString())
            .contains("new, owner-only").doesNotContain(keys.of("risk-service").value());
        assertThat(keys.toString()).doesNotContain("cfk_platform-from-env").doesNotContain(keys.of("risk-service").value());
    }

    @Test
    void refusesAKeyFileThatHoldsNoKeyNamingTheFileNotItsContent() throws Exception {
        Files.writeString(data.resolve("risk-service-api-key"), "password123");

        assertThatIOException().isThrownBy(() -> ServiceKeys.load(Map.of(), data, random, notices::add))
            .withMessageContaining(data.resolve("risk-service-api-key").toAbsolutePath() + " does not hold an API key")
            .withMessageContaining("CITYFIN_RISK_SERVICE_API_KEY")
            .withMessageNotContaining("password123");
    }

    @Test
    void knowsOnlyTheCallingServices() {
        assertThatIllegalArgumentException().isThrownBy(() -> ServiceKeys.of(Map.of("credit-service", "cfk_x")));
    }
}
