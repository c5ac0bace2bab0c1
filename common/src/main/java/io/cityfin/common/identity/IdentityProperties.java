package io.cityfin.common.identity;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cityfin.identity.*}: a service's {@code public-keys} ({@code kid:base64,...}, env
 * {@code CITYFIN_IDENTITY_PUBLIC_KEYS}); the gateway's {@code signing-key} (base64 PKCS#8) and {@code key-id}.
 * There is no usable default: outside the {@code local} and {@code test} profiles they must be configured.
 */
@ConfigurationProperties("cityfin.identity")
public record IdentityProperties(@Nullable String publicKeys, @Nullable String signingKey, @Nullable String keyId) {
}
