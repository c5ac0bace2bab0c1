package io.cityfin.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class CityfinDefaultsTest {

    @Test
    void putsTheManagementPortAThousandAboveThePublicPort() {
        assertThat(processed(Map.of("server.port", "8081")).getProperty("management.server.port")).isEqualTo("9081");
    }

    @Test
    void letsManagementPortFromTheEnvironmentWin() {
        assertThat(processed(Map.of("server.port", "8081", "MANAGEMENT_PORT", "19081"))
                .getProperty("management.server.port")).isEqualTo("19081");
        assertThat(processed(Map.of("server.port", "8081", "management.server.port", "0"))
                .getProperty("management.server.port")).isEqualTo("0");
    }

    @Test
    void leavesARandomPublicPortAlone() {
        assertThat(processed(Map.of("server.port", "0")).getProperty("management.server.port")).isNull();
    }

    @Test
    void addsTheSharedDefaultsBehindTheAppsOwnSettings() {
        StandardEnvironment environment = processed(Map.of("spring.http.codecs.max-in-memory-size", "5MB", "cityfin.database", "cityfin_credit"));

        assertThat(environment.getProperty("spring.http.codecs.max-in-memory-size")).isEqualTo("5MB");
        assertThat(environment.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("spring.r2dbc.url")).isEqualTo("r2dbc:postgresql://127.0.0.1:5432/cityfin_credit");
    }

    private static StandardEnvironment processed(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new CityfinDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
