package io.cityfin.common.identity;

import java.time.Duration;

/**
 * The internal token's fixed shape (architecture.md, "Identity and roles"): a JWS signed by the gateway (ES256,
 * {@code kid} header), issuer {@code cityfin-gateway}, lifetime at most 60 s, claims {@code sub} (the API key's
 * id), {@code roles} (array) and {@code institution} (a SUBMITTER's institution).
 */
public final class InternalToken {

    public static final String ISSUER = "cityfin-gateway";
    public static final String ROLES = "roles";
    public static final String INSTITUTION = "institution";
    public static final Duration MAX_LIFETIME = Duration.ofSeconds(60);
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private InternalToken() {
    }
}
