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
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-07T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path data;

    private final SecureRandom random = new SecureRandom();

    private final List<String> notices = new ArrayList<>();

    @Test
    void makesAKeyIdFromTheDayAndSixRandomHexDigits() {
        assertThat(SigningKeys.newKeyId(LocalDate.of(2025, 3, 7), random)).matches("local-20250307-[0-9a-f]{6}");
    }

    @Test
    void makesAPairOnTheFirstStartWhoseStoredPrivateKeySignsWhatTheStoredPublicKeyVerifies() throws Exception {
        Path dir = data.resolve("identity");

        SigningKeys keys = SigningKeys.loadOrCreate(dir, random, CLOCK, notices::add);

        assertThat(keys.created()).isTrue();
        assertThat(keys.keyId()).matches("local-20250307-[0-9a-f]{6}");
        assertThat(dir.resolve("key-id")).hasContent(keys.keyId());
        String privateText = Files.readString(dir.resolve("signing-key"), StandardCharsets.US_ASCII);
        String publicText = Files.readString(dir.resolve("public-key"), StandardCharsets.US_ASCII);
        assertThat(privateText).isEqualTo(keys.signingKey()).doesNotContain("\n", "\r");
        assertThat(publicText).doesNotContain("\n", "\r");
        assertThat(keys.publicKeys()).isEqualTo(keys.keyId() + ":" + publicText);

        PrivateKey privateKey = KeyFactory.getInstance("EC")
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateText)));
        PublicKey publicKey = KeyFactory.getInstance("EC")
            .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicText)));
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
    void keepsTheSigningKeyAndItsFolderOwnerOnly() throws Exception {
        Path dir = data.resolve("identity");

        SigningKeys.loadOrCreate(dir, random, CLOCK, notices::add);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("signing-key"))))
            .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    }

    @Test
    void reusesThePairOnLaterStarts() throws Exception {
        Path dir = data.resolve("identity");
        SigningKeys first = SigningKeys.loadOrCreate(dir, random, CLOCK, notices::add);

        SigningKeys second = SigningKeys.loadOrCreate(dir, random, Clock.systemUTC(), notices::add);

        assertThat(second.created()).isFalse();
        assertThat(second.keyId()).isEqualTo(first.keyId());
        assertThat(second.signingKey()).isEqualTo(first.signingKey());
        assertThat(second.publicKeys()).isEqualTo(first.publicKeys());
        assertThat(notices).isEmpty();
    }

    @Test
    void tightensASigningKeyOthersMayReadAndSaysSo() throws Exception {
        Path dir = data.resolve("identity");
        SigningKeys first = SigningKeys.loadOrCreate(dir, random, CLOCK, notices::add);
        Files.setPosixFilePermissions(dir.resolve("signing-key"), PosixFilePermissions.fromString("rw-rw-r--"));

        SigningKeys.loadOrCreate(dir, random, CLOCK, notices::add);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("signing-key"))))
            .isEqualTo("rw-------");
        assertThat(notices).singleElement().asString().contains("was readable by others (rw-rw-r--)")
            .doesNotContain(first.signingKey());
    }

    @Test
    void refusesAGarbledSigningKeyWithoutShowingIt() throws Exception {
        Path dir = data.resolve("identity");
        SigningKeys.loadOrCreate(dir, random, CLOCK, notices::add);
        Files.writeString(dir.resolve("signing-key"), "bm90IGEga2V5");

        assertThatIOException().isThrownBy(() -> SigningKeys.loadOrCreate(dir, random, CLOCK, notices::add))
            .withMessageStartingWith(dir.resolve("signing-key") + " is not an EC P-256 private key")
            .withMessageContaining("delete " + dir)
            .withMessageNotContaining("bm90IGEga2V5");
    }

    @Test
    void refusesAGarbledPublicKeyOrKeyId() throws Exception {
        Path dir = data.resolve("identity");
        SigningKeys.loadOrCreate(dir, random, CLOCK, notices::add);
        String keyId = Files.readString(dir.resolve("key-id"));

        Files.writeString(dir.resolve("key-id"), "two words");
        assertThatIOException().isThrownBy(() -> SigningKeys.loadOrCreate(dir, random, CLOCK, notices::add))
            .withMessageStartingWith(dir.resolve("key-id") + " is not a key id");

        Files.writeString(dir.resolve("key-id"), keyId);
        Files.writeString(dir.resolve("public-key"), "%%%");
        assertThatIOException().isThrownBy(() -> SigningKeys.loadOrCreate(dir, random, CLOCK, notices::add))
            .withMessageStartingWith(dir.resolve("public-key") + " is not an EC P-256 public key");
    }

    @Test
    void refusesAPublicKeyOfAnotherPair() throws Exception {
        Path dir = data.resolve("identity");
        SigningKeys.loadOrCreate(dir, random, CLOCK, notices::add);
        Files.writeString(dir.resolve("public-key"), KeyFixtures.PUBLIC_KEY);

        assertThatIOException().isThrownBy(() -> SigningKeys.loadOrCreate(dir, random, CLOCK, notices::add))
            .withMessageStartingWith(dir.resolve("public-key") + " is not the public key of " + dir.resolve("signing-key"));
    }

    @Test
    void refusesAnIncompletePair() throws Exception {
        Path dir = data.resolve("identity");
        SigningKeys.loadOrCreate(dir, random, CLOCK, notices::add);
        Files.delete(dir.resolve("key-id"));

        assertThatIOException().isThrownBy(() -> SigningKeys.loadOrCreate(dir, random, CLOCK, notices::add))
            .withMessage(dir + " holds signing-key and public-key but not key-id. Restore it, or delete " + dir
                    + " to have a new key pair made on the next start.");
    }

    @Test
    void describesThePairByKeyIdAndFolderOnly() throws Exception {
        Path dir = data.resolve("identity");
        SigningKeys keys = SigningKeys.loadOrCreate(dir, random, CLOCK, notices::add);

        assertThat(keys.describe()).isEqualTo("Internal token keys: key id " + keys.keyId() + ", new pair in " + dir
                + " (the gateway signs, the services verify)");
        assertThat(keys.toString()).isEqualTo("SigningKeys[" + keys.keyId() + " in " + dir + "]");
    }

}
