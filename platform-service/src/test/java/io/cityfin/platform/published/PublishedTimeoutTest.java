package io.cityfin.platform.published;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import org.yaml.snakeyaml.Yaml;

/**
 * The timeout of a call for another service's published figures stays below the gateway's fan-out timeout, so a
 * consolidated answer that reaches platform-service never waits for this nested call's full timeout: read from both
 * application.yml files as shipped (a {@code ${ENV:default}} value counts by its default).
 */
class PublishedTimeoutTest {

    @Test
    void keepsThePublishedTimeoutBelowTheGatewaysFanOutTimeout() throws IOException {
        Duration published = duration(Path.of("src/main/resources/application.yml"), "cityfin", "published", "timeout");
        Duration fanOut = duration(Path.of("../gateway/src/main/resources/application.yml"), "cityfin", "gateway", "fan-out-timeout");

        assertThat(published).isEqualTo(Duration.ofMillis(1500));
        assertThat(fanOut).isEqualTo(Duration.ofSeconds(2));
        assertThat(published).isLessThan(fanOut);
    }

    @SuppressWarnings("unchecked")
    private static Duration duration(Path file, String... path) throws IOException {
        Object node;
        try (InputStream in = Files.newInputStream(file)) {
            node = new Yaml().load(in);
        }
        for (String name : path) {
            assertThat(node).as(file + ": " + String.join(".", path)).isInstanceOf(Map.class);
            node = ((Map<String, Object>) node).get(name);
        }
        assertThat(node).as(file + ": " + String.join(".", path)).isNotNull();
        String value = String.valueOf(node).strip();
        if (value.startsWith("${") && value.endsWith("}")) {
            value = value.substring(value.indexOf(':') + 1, value.length() - 1);
        }
        return DurationStyle.detectAndParse(value);
    }
}
