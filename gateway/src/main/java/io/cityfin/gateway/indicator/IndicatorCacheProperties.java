package io.cityfin.gateway.indicator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cityfin.gateway.indicator-cache.*}: how long a kept answer whose service saw no write through a gateway is
 * served without asking the service again ({@code revalidate-after}, at most 60 s: the bound on what no gateway sees, a
 * service's own scheduled work or a figure it reads from another), how many answers this gateway keeps in memory in
 * front of its database ({@code front-size}), and which services read which others' published figures
 * ({@code readers}: a write to the key also makes the listed services' kept answers stale).
 */
@ConfigurationProperties("cityfin.gateway.indicator-cache")
public record IndicatorCacheProperties(Duration revalidateAfter, long frontSize, Map<String, List<String>> readers) {

    public IndicatorCacheProperties {
        if (revalidateAfter == null) {
            revalidateAfter = Duration.ofSeconds(60);
        }
        if (revalidateAfter.isNegative() || revalidateAfter.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("cityfin.gateway.indicator-cache.revalidate-after is between 0 and 60s, not " + revalidateAfter);
        }
        frontSize = frontSize <= 0 ? 1_000 : frontSize;
        readers = readers == null ? Map.of() : Map.copyOf(readers);
    }

    /** The services whose answers a write to {@code service} can change: itself and its readers. */
    public List<String> affectedBy(String service) {
        return Stream.concat(Stream.of(service), readers.getOrDefault(service, List.of()).stream())
                .distinct().toList();
    }
}
