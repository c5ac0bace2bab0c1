package io.cityfin.gateway.bulletin;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cityfin.gateway.bulletin.*}: the TrueType CJK font the PDF embeds ({@code font}, a .ttf or a .ttc collection;
 * default Debian's {@code fonts-wqy-zenhei}, {@code CITYFIN_BULLETIN_FONT}).
 */
@ConfigurationProperties("cityfin.gateway.bulletin")
public record BulletinProperties(Path font) {

    public static final Path DEBIAN_WQY_ZENHEI = Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");

    public BulletinProperties {
        if (font == null || font.toString().isBlank()) {
            font = DEBIAN_WQY_ZENHEI;
        }
    }
}
