package io.cityfin.common.identity;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the gateway's signing keys from configuration text: a private key as base64 PKCS#8 DER, public keys as
 * {@code kid:base64 X.509 DER} entries separated by commas (several, so a key can be rotated across replicas).
 * All keys are EC P-256 (ES256).
 */
public final class IdentityKeys {

    private IdentityKeys() {
    }

    public static Map<String, ECPublicKey> publicKeys(String text) {
        Map<String, ECPublicKey> keys = new LinkedHashMap<>();
        for (String entry : text.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("a public key entry is kid:base64, got one without a kid");
            }
            keys.put(trimmed.substring(0, colon), publicKey(trimmed.substring(colon + 1)));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no public key configured");
        }
        return keys;
    }

    public static ECPublicKey publicKey(String base64) {
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(decode(base64)));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not a base64 X.509 EC public key", e);
        }
    }

    public static ECPrivateKey privateKey(String base64) {
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(decode(base64)));
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("not a base64 PKCS#8 EC private key", e);
        }
    }

    public static String encode(java.security.Key key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64", e);
        }
    }
}
