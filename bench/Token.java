import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.UUID;

/**
 * bench/read.sh's internal token for calling a service directly, as the gateway mints it (InternalTokenMinter): ES256
 * with the gateway's signing key and key id, issuer cityfin-gateway, 60 s, the given subject and roles. The key comes
 * from the environment the private platform's gateway got (CITYFIN_IDENTITY_SIGNING_KEY: base64 PKCS#8;
 * CITYFIN_IDENTITY_KEY_ID); only the JDK is used. Prints the token.
 *
 *   CITYFIN_IDENTITY_SIGNING_KEY=... CITYFIN_IDENTITY_KEY_ID=... java bench/Token.java [subject] [ROLE,ROLE]
 */
public class Token {

    public static void main(String[] args) throws Exception {
        String subject = args.length > 0 ? args[0] : "bench";
        String roles = args.length > 1 ? args[1] : "ANALYST";
        PrivateKey key = KeyFactory.getInstance("EC")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(System.getenv("CITYFIN_IDENTITY_SIGNING_KEY").strip())));
        long now = System.currentTimeMillis() / 1000;
        String header = "{\"kid\":\"" + System.getenv("CITYFIN_IDENTITY_KEY_ID").strip() + "\",\"alg\":\"ES256\"}";
        StringBuilder roleList = new StringBuilder();
        for (String role : roles.split(",")) {
            roleList.append(roleList.isEmpty() ? "" : ",").append('"').append(role.strip()).append('"');
        }
        String claims = "{\"iss\":\"cityfin-gateway\",\"sub\":\"" + subject + "\",\"iat\":" + now + ",\"exp\":" + (now + 60)
                + ",\"jti\":\"" + UUID.randomUUID() + "\",\"roles\":[" + roleList + "]}";
        String signingInput = base64(header.getBytes(StandardCharsets.UTF_8)) + "." + base64(claims.getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format"); // JWS wants R || S, not DER
        signature.initSign(key);
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        System.out.println(signingInput + "." + base64(signature.sign()));
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
