package io.cityfin.common.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code cityfin-defaults.properties} behind every other property source, so each app's own
 * {@code application.yml} and the environment still win, and puts the management port at the public port
 * + 1000 (architecture.md, "Ports on one machine") unless {@code MANAGEMENT_PORT} or
 * {@code management.server.port} says otherwise.
 */
public class CityfinDefaults implements EnvironmentPostProcessor, Ordered {

    static final String DEFAULTS = "cityfin-defaults.properties";
    static final int MANAGEMENT_PORT_OFFSET = 1000;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource("cityfinDefaults", new ClassPathResource(DEFAULTS)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String explicit = environment.getProperty("MANAGEMENT_PORT");
        if (environment.containsProperty("management.server.port")) {
            return;
        }
        Integer port = environment.getProperty("server.port", Integer.class);
        Object managementPort = explicit != null ? explicit : port != null && port > 0 ? port + MANAGEMENT_PORT_OFFSET : null;
        if (managementPort != null) {
            environment.getPropertySources().addFirst(new MapPropertySource("cityfinManagementPort",
                    Map.of("management.server.port", managementPort)));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
