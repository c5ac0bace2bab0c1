package io.cityfin.gateway.bulletin;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cityfin.gateway.bulletin.*}: the TrueType CJK font the PDF embeds ({@code font}, a .ttf or a .ttc collection;
 * default Debian's {@code fonts-wqy-zenhei}, {@code CITYFIN_BULLETIN_FONT}); how long the bulletin waits for each
 * service's indicators and published figures ({@code source-timeout}, default 10 s, {@code CITYFIN_BULLETIN_SOURCE_TIMEOUT}):
 * longer than the portal's fan-out timeout, since an analyst reading or an ADMIN issuing a bulletin would rather wait
 * for a service computing a cold month than have its section stated unavailable or its corrections left out.
 */
@ConfigurationProperties("cityfin.gateway.bulletin")
public record BulletinProperties(Path font, Duration sourceTimeout) {

    public static final Path DEBIAN_WQY_ZENHEI = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
    public static final Duration DEFAULT_SOURCE_TIMEOUT = Duration.ofSeconds(10);

    public BulletinProperties {
        if (font == null || font.toString().isBlank()) {
            font = DEBIAN_WQY_ZENHEI;
        }
        if (sourceTimeout == null) {
            sourceTimeout = DEFAULT_SOURCE_TIMEOUT;
        }
        if (sourceTimeout.isNegative() || sourceTimeout.isZero()) {
            throw new IllegalArgumentException("cityfin.gateway.bulletin.source-timeout must be positive, not " + sourceTimeout);
        }
    }
}
