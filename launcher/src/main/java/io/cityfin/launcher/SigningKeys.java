package io.cityfin.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The key pair of the gateway's internal tokens (ES256, EC P-256): the gateway signs with the private key under a key
 * id, the services verify with the public key(s). Either all three {@code CITYFIN_IDENTITY_*} variables (a
 * deployment-like setup), or the launcher's own pair in {@code <data>/identity/}, made on the first start:
 * {@code signing-key} (base64 PKCS#8 DER, owner-only), {@code public-key} (base64 X.509 DER) and {@code key-id}.
 * The private key is never printed; {@link #toString()} leaves it out.
 */
final class SigningKeys {

    static final String SIGNING_KEY_VARIABLE = "CITYFIN_IDENTITY_SIGNING_KEY";

    static final String KEY_ID_VARIABLE = "CITYFIN_IDENTITY_KEY_ID";

    static final String PUBLIC_KEYS_VARIABLE = "CITYFIN_IDENTITY_PUBLIC_KEYS";

    static final List<String> VARIABLES = List.of(SIGNING_KEY_VARIABLE, KEY_ID_VARIABLE, PUBLIC_KEYS_VARIABLE);

    static final String DIRECTORY = "identity";

    static final String SIGNING_KEY_FILE = "signing-key";

    static final String PUBLIC_KEY_FILE = "public-key";

    static final String KEY_ID_FILE = "key-id";

    static final String CURVE = "secp256r1";

    /** A key id goes into a token header and into {@code kid:base64,...}: no blanks, colons or commas. */
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private static final DateTimeFormatter KEY_ID_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private static final ECParameterSpec P256 = p256();

    private final String signingKey;

    private final String keyId;

    private final String publicKeys;

    private final @Nullable Path directory;

    private final boolean created;

    private SigningKeys(String signingKey, String keyId, String publicKeys, @Nullable Path directory, boolean created) {
        this.signingKey = signingKey;
        this.keyId = keyId;
        this.publicKeys = publicKeys;
        this.directory = directory;
        this.created = created;
    }

    /**
     * The three variables, passed on unchanged once they are found to fit together: the private key is an EC P-256
     * key and the public keys hold the key id with that key's public half.
     *
     * @throws IllegalArgumentException naming the variable that is wrong (never a key)
     */
    static SigningKeys fromEnvironment(String signingKey, String keyId, String publicKeys) {
        // strictly base64, as the apps decode it (the files are read leniently and passed on re-encoded)
        ECPrivateKey privateKey = privateKey(signingKey, Base64.getDecoder())
            .orElseThrow(() -> new IllegalArgumentException(SIGNING_KEY_VARIABLE
                    + " must be an EC P-256 private key: base64 of its PKCS#8 DER"));
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException(KEY_ID_VARIABLE + " must be 1 to 100 letters, digits, '.', '_' or '-'");
        }
        Map<String, ECPublicKey> keys = new LinkedHashMap<>();
        int number = 0;
        for (String entry : publicKeys.split(",", -1)) {
            number++;
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.indexOf(':');
            Optional<ECPublicKey> key = colon <= 0 ? Optional.empty()
                    : publicKey(entry.substring(colon + 1), Base64.getDecoder());
            if (key.isEmpty()) {
                throw new IllegalArgumentException(PUBLIC_KEYS_VARIABLE + " must be kid:base64 entries (base64 of an EC"
                        + " P-256 public key's X.509 DER) separated by commas; entry " + number + " is not one");
            }
            keys.put(entry.substring(0, colon).strip(), key.get());
        }
        ECPublicKey publicKey = keys.get(keyId);
        if (publicKey == null) {
            throw new IllegalArgumentException(PUBLIC_KEYS_VARIABLE + " has no entry for " + KEY_ID_VARIABLE + " ("
                    + keyId + ")");
        }
        if (!belongTogether(privateKey, publicKey)) {
            throw new IllegalArgumentException("the " + PUBLIC_KEYS_VARIABLE + " entry for " + keyId
                    + " is not the public key of " + SIGNING_KEY_VARIABLE);
        }
        return new SigningKeys(signingKey, keyId, publicKeys, null, false);
    }

    /**
     * Reads the pair in {@code identityDir}, or makes a new one there if none of its three files exists. A
     * {@code signing-key} that others may read is tightened to {@code rw-------} and {@code notices} is told so.
     *
     * @throws IOException if a file cannot be read or written, a file is missing or garbled, or the two keys do not
     *     belong together; the message names the file, never a key
     */
    static SigningKeys loadOrCreate(Path identityDir, SecureRandom random, Clock clock, Consumer<String> notices)
            throws IOException {
        Path dir = identityDir.toAbsolutePath();
        Path signingFile = dir.resolve(SIGNING_KEY_FILE);
        Path publicFile = dir.resolve(PUBLIC_KEY_FILE);
        Path keyIdFile = dir.resolve(KEY_ID_FILE);
        List<String> present = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Path file : List.of(signingFile, publicFile, keyIdFile)) {
            (Files.exists(file) ? present : missing).add(file.getFileName().toString());
        }
        if (present.isEmpty()) {
            return create(dir, random, clock);
        }
        String delete = " Restore it, or delete " + dir + " to have a new key pair made on the next start.";
        if (!missing.isEmpty()) {
            throw new IOException(dir + " holds " + String.join(" and ", present) + " but not " + String.join(" or ", missing)
                    + "." + delete);
        }
        OwnerOnlyFiles.tighten(signingFile).ifPresent(permissions -> notices.accept("Note: " + signingFile
                + " was readable by others (" + permissions + "); made it owner-only (rw-------). Consider the key"
                + " known and replace the pair (delete " + dir + "; a new one is made on the next start)."));
        ECPrivateKey privateKey = OwnerOnlyFiles.readSmallText(signingFile)
            .flatMap(text -> privateKey(text, Base64.getMimeDecoder()))
            .orElseThrow(() -> new IOException(signingFile
                    + " is not an EC P-256 private key (base64 of its PKCS#8 DER)." + delete));
        ECPublicKey publicKey = OwnerOnlyFiles.readSmallText(publicFile)
            .flatMap(text -> publicKey(text, Base64.getMimeDecoder()))
            .orElseThrow(() -> new IOException(publicFile
                    + " is not an EC P-256 public key (base64 of its X.509 DER)." + delete));
        String keyId = OwnerOnlyFiles.readSmallText(keyIdFile).map(String::strip)
            .filter(text -> KEY_ID.matcher(text).matches())
            .orElseThrow(() -> new IOException(keyIdFile
                    + " is not a key id (1 to 100 letters, digits, '.', '_' or '-')." + delete));
        if (!belongTogether(privateKey, publicKey)) {
            throw new IOException(publicFile + " is not the public key of " + signingFile + "." + delete);
        }
        return new SigningKeys(base64(privateKey.getEncoded()), keyId, keyId + ":" + base64(publicKey.getEncoded()), dir,
                false);
    }

    private static SigningKeys create(Path dir, SecureRandom random, Clock clock) throws IOException {
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(CURVE), random);
            pair = generator.generateKeyPair();
        }
        catch (GeneralSecurityException ex) {
            throw new IOException("this Java cannot make an EC " + CURVE + " key pair: " + ex.getMessage(), ex);
        }
        String keyId = newKeyId(LocalDate.now(clock), random);
        String privateText = base64(pair.getPrivate().getEncoded());
        String publicText = base64(pair.getPublic().getEncoded());
        OwnerOnlyFiles.createDirectory(dir);
        List<Path> written = new ArrayList<>();
        try {
            // the private key last: a start that fails before it leaves no usable half of a pair
            write(dir.resolve(PUBLIC_KEY_FILE), publicText, written);
            write(dir.resolve(KEY_ID_FILE), keyId, written);
            OwnerOnlyFiles.create(dir.resolve(SIGNING_KEY_FILE), privateText);
        }
        catch (IOException | RuntimeException ex) {
            for (Path file : written) {
                Files.deleteIfExists(file);
            }
            throw ex;
        }
        return new SigningKeys(privateText, keyId, keyId + ":" + publicText, dir, true);
    }

    private static void write(Path file, String text, List<Path> written) throws IOException {
        Files.writeString(Files.createFile(file), text, StandardCharsets.UTF_8);
        written.add(file);
    }

    /** {@code local-20250131-3fa09c}: the day it was made and 6 random hex digits. */
    static String newKeyId(LocalDate day, SecureRandom random) {
        byte[] bytes = new byte[3];
        random.nextBytes(bytes);
        return "local-" + KEY_ID_DATE.format(day) + "-" + HexFormat.of().formatHex(bytes);
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

    /** The folder the pair is in; {@code null} when it comes from the environment. */
    @Nullable Path directory() {
        return directory;
    }

    boolean created() {
        return created;
    }

    /** The line the launcher prints at start: where the pair is and its key id, not the private key. */
    String describe() {
        if (directory == null) {
            return "Internal token keys: key id " + keyId + " from " + String.join(", ", VARIABLES);
        }
        return "Internal token keys: key id " + keyId + (created ? ", new pair" : "") + " in " + directory
                + " (the gateway signs, the services verify)";
    }

    @Override
    public String toString() {
        return "SigningKeys[" + keyId + (directory == null ? "" : " in " + directory) + "]";
    }

    static Optional<ECPrivateKey> privateKey(String base64, Base64.Decoder decoder) {
        try {
            byte[] der = decoder.decode(base64.strip());
            if (KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der)) instanceof ECPrivateKey key
                    && isP256(key)) {
                return Optional.of(key);
            }
        }
        catch (GeneralSecurityException | IllegalArgumentException ex) {
            // not a key: empty
        }
        return Optional.empty();
    }

    static Optional<ECPublicKey> publicKey(String base64, Base64.Decoder decoder) {
        try {
            byte[] der = decoder.decode(base64.strip());
            if (KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der)) instanceof ECPublicKey key
                    && isP256(key)) {
                return Optional.of(key);
            }
        }
        catch (GeneralSecurityException | IllegalArgumentException ex) {
            // not a key: empty
        }
        return Optional.empty();
    }

    /** Whether {@code publicKey} verifies what {@code privateKey} signs. */
    static boolean belongTogether(ECPrivateKey privateKey, ECPublicKey publicKey) {
        byte[] probe = "cityfin launcher key check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(privateKey);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        }
        catch (GeneralSecurityException ex) {
            return false;
        }
    }

    private static boolean isP256(ECKey key) {
        ECParameterSpec params = key.getParams();
        return params.getOrder().equals(P256.getOrder()) && params.getCurve().equals(P256.getCurve())
                && params.getGenerator().equals(P256.getGenerator());
    }

    private static String base64(byte[] der) {
        return Base64.getEncoder().encodeToString(der);
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec(CURVE));
            return parameters.getParameterSpec(ECParameterSpec.class);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("this Java has no EC " + CURVE, ex);
        }
    }

}
