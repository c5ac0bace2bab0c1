package io.cityfin.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cityfin.gateway.*}: the five services' base URLs by service name, in the order the consolidated
 * endpoint lists them, how long the fan-out waits for each, API keys and rate limits.
 */
@ConfigurationProperties("cityfin.gateway")
public record CityfinGatewayProperties(Map<String, URI> services, Duration fanOutTimeout, Keys keys, RateLimit rateLimit) {

    public CityfinGatewayProperties {
        services = new LinkedHashMap<>(services);
    }

    /**
     * API keys: the bootstrap admin key ({@code CITYFIN_ADMIN_API_KEY}), the services' own keys by service name
     * ({@code CITYFIN_PLATFORM_SERVICE_API_KEY}, ...; a blank one is no key), how long a look-up is cached (at most
     * 5 s), how often a key's last use is written.
     */
    public record Keys(@Nullable String adminApiKey, Map<String, String> serviceKeys, Duration cacheTtl,
                       Duration lastUseInterval) {

        @SuppressWarnings("ConstantValue") // null when the configuration names no service key
        public Keys {
            serviceKeys = serviceKeys == null ? Map.of() : new LinkedHashMap<>(serviceKeys);
        }
    }

    /** Per-key token bucket: {@code burst} requests at once, refilled at {@code perSecond}. */
    public record RateLimit(long burst, long perSecond) {
    }
}
