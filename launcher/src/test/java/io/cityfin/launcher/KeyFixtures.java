package io.cityfin.launcher;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** Keys for tests: an admin key and the services' keys as if from the environment, an EC P-256 pair for the internal tokens. */
final class KeyFixtures {

    static final String ADMIN_KEY_VALUE = "cfk_test-admin-key_0123456789";

    static final String KEY_ID = "test-key-1";

    static final String PLATFORM_KEY_VALUE = "cfk_test-platform-service-key_0123456789";

    static final String RISK_KEY_VALUE = "cfk_test-risk-service-key_0123456789";

    static final KeyPair PAIR = newPair();

    static final String PRIVATE_KEY = base64(PAIR.getPrivate().getEncoded());

    static final String PUBLIC_KEY = base64(PAIR.getPublic().getEncoded());

    private KeyFixtures() {
    }

    static AdminKey adminKey() {
        return AdminKey.fromEnvironment(ADMIN_KEY_VALUE);
    }

    /** Both services' keys, as if from their variables. */
    static ServiceKeys serviceKeys() {
        return ServiceKeys.of(java.util.Map.of("platform-service", PLATFORM_KEY_VALUE, "risk-service", RISK_KEY_VALUE));
    }

    static SigningKeys signingKeys() {
        return SigningKeys.fromEnvironment(PRIVATE_KEY, KEY_ID, KEY_ID + ":" + PUBLIC_KEY);
    }

    static KeyPair newPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static String base64(byte[] der) {
        return Base64.getEncoder().encodeToString(der);
    }

}
