import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints one internal token as the gateway mints it (ES256 with the launcher's signing key, issuer cityfin-gateway,
 * lifetime LIFETIME_SECONDS (default 60), role ROLE (default ADMIN), subject SUBJECT (default bench)), for calling a
 * service directly in bench/indicator-cpu.sh and bench/read.sh. Reads the private JWK the launcher keeps in {@code <data>/identity/signing-key.jwk}.
 * Java 17, no libraries: {@code java bench/Mint.java <jwk file>}.
 */
public class Mint {

    public static void main(String[] args) throws Exception {
        String jwk = Files.readString(Path.of(args[0]));
        String kid = field(jwk, "kid");
        BigInteger d = new BigInteger(1, Base64.getUrlDecoder().decode(field(jwk, "d")));
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECPrivateKey key = (ECPrivateKey) KeyFactory.getInstance("EC")
                .generatePrivate(new ECPrivateKeySpec(d, parameters.getParameterSpec(ECParameterSpec.class)));
        long now = Instant.now().getEpochSecond();
        long lifetime = Long.parseLong(System.getenv().getOrDefault("LIFETIME_SECONDS", "60"));
        String role = System.getenv().getOrDefault("ROLE", "ADMIN");
        String subject = System.getenv().getOrDefault("SUBJECT", "bench");
        String header = "{\"kid\":\"" + kid + "\",\"alg\":\"ES256\"}";
        String claims = "{\"iss\":\"cityfin-gateway\",\"sub\":\"" + subject + "\",\"iat\":" + now + ",\"exp\":" + (now + lifetime)
                + ",\"jti\":\"" + UUID.randomUUID() + "\",\"roles\":[\"" + role + "\"]}";
        String signingInput = base64(header.getBytes(StandardCharsets.UTF_8)) + "." + base64(claims.getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
        signature.initSign(key);
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        System.out.println(signingInput + "." + base64(signature.sign()));
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException("no \"" + name + "\" in the key file");
        }
        return m.group(1);
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
