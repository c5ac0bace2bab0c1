package io.cityfin.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cityfin.gateway.*}: the five services' base URLs by service name, in the order the consolidated
 * endpoint lists them, and how long the fan-out waits for each.
 */
@ConfigurationProperties("cityfin.gateway")
public record CityfinGatewayProperties(Map<String, URI> services, Duration fanOutTimeout) {

    public CityfinGatewayProperties {
        services = new LinkedHashMap<>(services);
    }
}
