package io.cityfin.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

/**
 * The key pair of the gateway's internal tokens (ES256, EC P-256): the gateway signs with the private key under a key
 * id, the services verify with the public key(s). Either all three {@code CITYFIN_IDENTITY_*} variables (a
 * deployment-like setup, several public keys for a rotation), or the launcher's own pair: one private JWK (RFC 7517)
 * whose key id is its RFC 7638 thumbprint, in {@code <data>/identity/signing-key.jwk} (owner-only), made on the first
 * start. Either way the apps get the variables' formats (base64 PKCS#8 and {@code kid:base64 X.509}). The private key
 * is never printed; {@link #toString()} leaves it out.
 */
final class SigningKeys {

    static final String SIGNING_KEY_VARIABLE = "CITYFIN_IDENTITY_SIGNING_KEY";

    static final String KEY_ID_VARIABLE = "CITYFIN_IDENTITY_KEY_ID";

    static final String PUBLIC_KEYS_VARIABLE = "CITYFIN_IDENTITY_PUBLIC_KEYS";

    static final List<String> VARIABLES = List.of(SIGNING_KEY_VARIABLE, KEY_ID_VARIABLE, PUBLIC_KEYS_VARIABLE);

    static final String DIRECTORY = "identity";

    static final String KEY_FILE = "signing-key.jwk";

    /** A key id goes into a token header and into {@code kid:base64,...}: no blanks, colons or commas. */
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final String signingKey;

    private final String keyId;

    private final String publicKeys;

    private final @Nullable Path file;

    private final boolean created;

    private SigningKeys(String signingKey, String keyId, String publicKeys, @Nullable Path file, boolean created) {
        this.signingKey = signingKey;
        this.keyId = keyId;
        this.publicKeys = publicKeys;
        this.file = file;
        this.created = created;
    }

    /**
     * The three variables, passed on unchanged once they are found to fit together: the private key is an EC P-256
     * key and the public keys hold the key id with that key's public half.
     *
     * @throws IllegalArgumentException naming the variable that is wrong (never a key)
     */
    static SigningKeys fromEnvironment(String signingKey, String keyId, String publicKeys) {
        ECPrivateKey privateKey = (ECPrivateKey) p256(signingKey, true);
        if (privateKey == null) {
            throw new IllegalArgumentException(SIGNING_KEY_VARIABLE + " must be an EC P-256 private key: base64 of its PKCS#8 DER");
        }
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException(KEY_ID_VARIABLE + " must be 1 to 100 letters, digits, '.', '_' or '-'");
        }
        ECPublicKey publicKey = null;
        String[] entries = publicKeys.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            int colon = entries[i].indexOf(':');
            ECPublicKey key = colon <= 0 ? null : (ECPublicKey) p256(entries[i].substring(colon + 1), false);
            if (key == null && !entries[i].isBlank()) {
                throw new IllegalArgumentException(PUBLIC_KEYS_VARIABLE + " must be kid:base64 entries (base64 of an EC"
                        + " P-256 public key's X.509 DER) separated by commas; entry " + (i + 1) + " is not one");
            }
            if (key != null && entries[i].substring(0, colon).strip().equals(keyId)) {
                publicKey = key;
            }
        }
        if (publicKey == null) {
            throw new IllegalArgumentException(PUBLIC_KEYS_VARIABLE + " has no entry for " + KEY_ID_VARIABLE + " (" + keyId + ")");
        }
        if (!belongTogether(privateKey, publicKey)) {
            throw new IllegalArgumentException("the " + PUBLIC_KEYS_VARIABLE + " entry for " + keyId
                    + " is not the public key of " + SIGNING_KEY_VARIABLE);
        }
        return new SigningKeys(signingKey, keyId, publicKeys, null, false);
    }

    /**
     * Reads the private JWK in {@code identityDir}, or makes a new one there; see {@link OwnerOnlyFiles#readOrCreate}.
     *
     * @throws IOException if the file cannot be read or written, or is not a private EC P-256 JWK with a key id; the
     *     message names the file, never a key
     */
    static SigningKeys loadOrCreate(Path identityDir, Consumer<String> notices) throws IOException {
        Path file = identityDir.resolve(KEY_FILE).toAbsolutePath();
        OwnerOnlyFiles.Secret secret = OwnerOnlyFiles.readOrCreate(file, SigningKeys::newJwk, notices);
        try {
            ECKey jwk = ECKey.parse(secret.text());
            if (jwk.isPrivate() && Curve.P_256.equals(jwk.getCurve()) && jwk.getKeyID() != null
                    && KEY_ID.matcher(jwk.getKeyID()).matches() && belongTogether(jwk.toECPrivateKey(), jwk.toECPublicKey())) {
                return new SigningKeys(base64(jwk.toECPrivateKey().getEncoded()), jwk.getKeyID(),
                        jwk.getKeyID() + ":" + base64(jwk.toECPublicKey().getEncoded()), file, secret.created());
            }
        }
        catch (ParseException | JOSEException ex) {
            // not such a key: refused below
        }
        throw new IOException(file + " is not a private EC P-256 JWK with a key id (\"kid\"). Restore it, or delete it to"
                + " have a new key pair made on the next start.");
    }

    private static String newJwk() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate().toJSONString();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("this Java cannot make an EC P-256 key pair", ex);
        }
    }

    /** The private key, base64 of its PKCS#8 DER: for the gateway's environment only. */
    String signingKey() {
        return signingKey;
    }

    String keyId() {
        return keyId;
    }

    /** {@code kid:base64[,kid:base64...]}: what the services verify with. */
    String publicKeys() {
        return publicKeys;
    }

    /** The file the pair is in; {@code null} when it comes from the environment. */
    @Nullable Path file() {
        return file;
    }

    boolean created() {
        return created;
    }

    /** The line the launcher prints at start: where the pair is and its key id, not the private key. */
    String describe() {
        if (file == null) {
            return "Internal token keys: key id " + keyId + " from " + String.join(", ", VARIABLES);
        }
        return "Internal token keys: key id " + keyId + (created ? ", new pair" : "") + " in " + file
                + " (the gateway signs, the services verify)";
    }

    @Override
    public String toString() {
        return "SigningKeys[" + keyId + (file == null ? "" : " in " + file) + "]";
    }

    /** A private (PKCS#8) or public (X.509) EC P-256 key in base64 DER, as the apps decode it; null if it is none. */
    private static java.security.@Nullable Key p256(String base64, boolean isPrivate) {
        try {
            byte[] der = Base64.getDecoder().decode(base64.strip());
            KeyFactory factory = KeyFactory.getInstance("EC");
            var key = isPrivate ? (ECPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(der))
                    : (ECPublicKey) factory.generatePublic(new X509EncodedKeySpec(der));
            return Curve.P_256.equals(Curve.forECParameterSpec(((java.security.interfaces.ECKey) key).getParams())) ? key : null;
        }
        catch (GeneralSecurityException | IllegalArgumentException | ClassCastException ex) {
            return null;
        }
    }

    /** Whether {@code publicKey} verifies what {@code privateKey} signs. */
    private static boolean belongTogether(ECPrivateKey privateKey, ECPublicKey publicKey) {
        try {
            JWSObject probe = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload("cityfin launcher key check"));
            probe.sign(new ECDSASigner(privateKey));
            return probe.verify(new ECDSAVerifier(publicKey));
        }
        catch (JOSEException ex) {
            return false;
        }
    }

    private static String base64(byte[] der) {
        return Base64.getEncoder().encodeToString(der);
    }

}
