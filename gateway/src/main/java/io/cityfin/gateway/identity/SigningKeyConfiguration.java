package io.cityfin.gateway.identity;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.cityfin.common.identity.IdentityKeys;
import io.cityfin.common.identity.IdentityProperties;
import io.cityfin.common.identity.InternalToken;

/**
 * The gateway's signing key: {@code cityfin.identity.signing-key} and {@code key-id} (env
 * {@code CITYFIN_IDENTITY_SIGNING_KEY}, {@code CITYFIN_IDENTITY_KEY_ID}). Only the {@code local} and {@code test}
 * profiles may run without one, on a key generated at start; anywhere else the gateway refuses to start.
 */
@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyConfiguration.class);
    private static final List<String> GENERATED_KEY_PROFILES = List.of("local", "test");

    @Bean
    InternalTokenMinter internalTokenMinter(IdentityProperties identity, Environment environment, Clock clock) {
        if (identity.signingKey() != null && !identity.signingKey().isBlank()) {
            if (identity.keyId() == null || identity.keyId().isBlank()) {
                throw new IllegalStateException("cityfin.identity.key-id (CITYFIN_IDENTITY_KEY_ID) names the signing key; it is not set");
            }
            return new InternalTokenMinter(IdentityKeys.privateKey(identity.signingKey()), identity.keyId(), clock,
                    InternalToken.MAX_LIFETIME);
        }
        if (Arrays.stream(environment.getActiveProfiles()).noneMatch(GENERATED_KEY_PROFILES::contains)) {
            throw new IllegalStateException("cityfin.identity.signing-key (CITYFIN_IDENTITY_SIGNING_KEY) is not set; only the "
                    + "local and test profiles may run on a generated key");
        }
        KeyPair generated = generate();
        log.warn("No signing key configured: generated one for this run only (kid 'generated'); services verify it with "
                + "public key generated:{}", IdentityKeys.encode(generated.getPublic()));
        return new InternalTokenMinter((ECPrivateKey) generated.getPrivate(), "generated", clock, InternalToken.MAX_LIFETIME);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
