package io.cityfin.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cityfin.gateway.*}: the five services' base URLs by service name, in the order the consolidated
 * endpoint lists them, how long the fan-out waits for each, API keys and rate limits.
 */
@ConfigurationProperties("cityfin.gateway")
public record CityfinGatewayProperties(Map<String, URI> services, Duration fanOutTimeout, Keys keys, RateLimit rateLimit,
                                       ClientAddress clientAddress) {

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

    /**
     * Per-key token bucket: {@code burst} requests at once, refilled at {@code perSecond}; failed authentications per
     * client address ({@code failedAuthBurst} at once, refilled at {@code failedAuthPerSecond}); where the buckets live:
     * {@code memory} (this gateway alone) or {@code redis} (shared by every replica).
     */
    public record RateLimit(long burst, long perSecond, long failedAuthBurst, long failedAuthPerSecond, String store) {

        public RateLimit {
            store = store == null || store.isBlank() ? "memory" : store.trim();
            if (!store.equals("memory") && !store.equals("redis")) {
                throw new IllegalArgumentException("cityfin.gateway.rate-limit.store is memory or redis, not " + store);
            }
        }
    }

    /**
     * Who the client is, for the failed-authentication limit: the connection's remote address, unless that address is
     * one of {@code trustedProxies} (addresses or CIDR ranges of the load balancers in front of the gateway); then the
     * right-most {@code X-Forwarded-For} entry that is not a trusted proxy. Empty: {@code X-Forwarded-For} is ignored.
     */
    public record ClientAddress(List<String> trustedProxies) {

        @SuppressWarnings("ConstantValue") // null when the configuration names none
        public ClientAddress {
            trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        }
    }
}
