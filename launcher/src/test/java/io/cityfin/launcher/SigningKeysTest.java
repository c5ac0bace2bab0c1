package io.cityfin.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.jwk.ECKey;

class SigningKeysTest {

    @TempDir
    Path data;

    private final List<String> notices = new ArrayList<>();

    @Test
    void makesAJwkOnTheFirstStartAndHandsItOnInTheFormatsTheAppsRead() throws Exception {
        Path dir = data.resolve("identity");

        SigningKeys keys = SigningKeys.loadOrCreate(dir, notices::add);

        ECKey jwk = ECKey.parse(Files.readString(dir.resolve("signing-key.jwk")));
        assertThat(keys.created()).isTrue();
        assertThat(keys.keyId()).isEqualTo(jwk.getKeyID()).isEqualTo(jwk.computeThumbprint().toString());
        assertThat(keys.publicKeys()).startsWith(keys.keyId() + ":");
        PrivateKey privateKey = KeyFactory.getInstance("EC")
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(keys.signingKey())));
        PublicKey publicKey = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(keys.publicKeys().substring(keys.keyId().length() + 1))));
        assertThat(publicKey).isEqualTo(jwk.toECPublicKey());
        byte[] message = "an internal token".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(privateKey);
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(publicKey);
        verifier.update(message);
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void keepsTheKeyFileAndItsFolderOwnerOnly() throws Exception {
        Path dir = data.resolve("identity");

        SigningKeys.loadOrCreate(dir, notices::add);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("signing-key.jwk"))))
            .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    }

    @Test
    void reusesThePairOnLaterStarts() throws Exception {
        Path dir = data.resolve("identity");
        SigningKeys first = SigningKeys.loadOrCreate(dir, notices::add);

        SigningKeys second = SigningKeys.loadOrCreate(dir, notices::add);

        assertThat(second.created()).isFalse();
        assertThat(second.keyId()).isEqualTo(first.keyId());
        assertThat(second.signingKey()).isEqualTo(first.signingKey());
        assertThat(second.publicKeys()).isEqualTo(first.publicKeys());
        assertThat(notices).isEmpty();
    }

    @Test
    void tightensAKeyFileOthersMayReadAndSaysSo() throws Exception {
        Path dir = data.resolve("identity");
        SigningKeys first = SigningKeys.loadOrCreate(dir, notices::add);
        Files.setPosixFilePermissions(dir.resolve("signing-key.jwk"), PosixFilePermissions.fromString("rw-rw-r--"));

        SigningKeys.loadOrCreate(dir, notices::add);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("signing-key.jwk"))))
            .isEqualTo("rw-------");
        assertThat(notices).singleElement().asString().contains("was readable by others (rw-rw-r--)")
            .doesNotContain(first.signingKey());
    }

    @Test
    void refusesAGarbledKeyOrAPublicOneWithoutShowingIt() throws Exception {
        Path dir = data.resolve("identity");
        SigningKeys.loadOrCreate(dir, notices::add);
        Path file = dir.resolve("signing-key.jwk");
        String publicOnly = ECKey.parse(Files.readString(file)).toPublicJWK().toJSONString();

        for (String content : List.of("bm90IGEga2V5", publicOnly)) {
            Files.writeString(file, content);
            assertThatIOException().isThrownBy(() -> SigningKeys.loadOrCreate(dir, notices::add))
                .withMessageStartingWith(file + " is not a private EC P-256 JWK")
                .withMessageContaining("delete it")
                .withMessageNotContaining(content);
        }
    }

    @Test
    void describesThePairByKeyIdAndFileOnly() throws Exception {
        Path dir = data.resolve("identity");
        SigningKeys keys = SigningKeys.loadOrCreate(dir, notices::add);

        assertThat(keys.describe()).isEqualTo("Internal token keys: key id " + keys.keyId() + ", new pair in "
                + dir.resolve("signing-key.jwk") + " (the gateway signs, the services verify)");
        assertThat(keys.toString()).isEqualTo("SigningKeys[" + keys.keyId() + " in " + dir.resolve("signing-key.jwk") + "]");
    }

}
