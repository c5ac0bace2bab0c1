package io.cityfin.common.test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.cityfin.common.identity.IdentityKeys;
import io.cityfin.common.identity.InternalToken;
import io.cityfin.common.identity.Role;

/**
 * A gateway stand-in for tests: one EC P-256 key pair per JVM (kid {@value #KEY_ID}) whose public key the
 * {@link Initializer} gives to the app under test, and internal tokens minted with it — valid ones, and the
 * broken kinds a service must refuse.
 */
public final class TestIdentity {

    public static final String KEY_ID = "test-key";
    private static final KeyPair KEYS = generate();
    private static final KeyPair OTHER_KEYS = generate();

    private TestIdentity() {
    }

    /** The value of {@code cityfin.identity.public-keys} for the test key. */
    public static String publicKeysProperty() {
        return KEY_ID + ":" + IdentityKeys.encode(KEYS.getPublic());
    }

    public static String privateKey() {
        return IdentityKeys.encode(KEYS.getPrivate());
    }

    public static String token(Role role) {
        return token(role, role == Role.SUBMITTER ? "91361000TEST00001A" : null);
    }

    public static String submitterToken(String institution) {
        return token(Role.SUBMITTER, institution);
    }

    public static String token(Role role, @Nullable String institution) {
        return sign(KEYS, KEY_ID, claims(role, institution, Instant.now(), InternalToken.MAX_LIFETIME));
    }

    /** Expired a minute ago, well beyond the 5 s skew. */
    public static String expiredToken() {
        return sign(KEYS, KEY_ID, claims(Role.ADMIN, null, Instant.now().minusSeconds(120), InternalToken.MAX_LIFETIME));
    }

    /** Signed with a key the service does not know, under the right kid. */
    public static String tokenSignedWithAnotherKey() {
        return sign(OTHER_KEYS, KEY_ID, claims(Role.ADMIN, null, Instant.now(), InternalToken.MAX_LIFETIME));
    }

    /** A PORTAL token whose payload was edited to say ADMIN after signing. */
    public static String tamperedToken() {
        String[] parts = token(Role.PORTAL).split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("PORTAL", "ADMIN");
        parts[1] = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes());
        return String.join(".", parts);
    }

    /** Lives ten minutes: longer than the 60 s the architecture allows. */
    public static String longLivedToken() {
        return sign(KEYS, KEY_ID, claims(Role.ADMIN, null, Instant.now(), Duration.ofMinutes(10)));
    }

    /** Gives the app under test the test key's public half. */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("cityfinTestIdentity",
                    Map.of("cityfin.identity.public-keys", publicKeysProperty())));
        }
    }

    private static JWTClaimsSet claims(Role role, @Nullable String institution, Instant issuedAt, Duration lifetime) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(InternalToken.ISSUER)
                .subject(UUID.randomUUID().toString())
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim(InternalToken.ROLES, Arrays.asList(role.name()));
        if (institution != null) {
            claims.claim(InternalToken.INSTITUTION, institution);
        }
        return claims.build();
    }

    private static String sign(KeyPair keys, String keyId, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId).build(), claims);
            jwt.sign(new ECDSASigner((ECPrivateKey) keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static ECPublicKey publicKey() {
        return (ECPublicKey) KEYS.getPublic();
    }
}
