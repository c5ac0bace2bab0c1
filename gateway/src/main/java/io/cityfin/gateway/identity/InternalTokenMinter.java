package io.cityfin.gateway.identity;

import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.cityfin.common.identity.Caller;
import io.cityfin.common.identity.InternalToken;

/**
 * Mints the internal token for one call on behalf of a caller (architecture.md, "Identity and roles"): ES256
 * with the gateway's private key and its {@code kid}, issuer {@code cityfin-gateway}, a lifetime of at most 60 s.
 */
public class InternalTokenMinter {

    private final ECDSASigner signer;
    private final JWSHeader header;
    private final Clock clock;
    private final Duration lifetime;

    public InternalTokenMinter(ECPrivateKey privateKey, String keyId, Clock clock, Duration lifetime) {
        if (lifetime.compareTo(InternalToken.MAX_LIFETIME) > 0 || lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("an internal token lives more than 0 and at most 60 s");
        }
        try {
            this.signer = new ECDSASigner(privateKey);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("not an EC P-256 signing key", e);
        }
        this.header = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId).build();
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public String mint(Caller caller) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(InternalToken.ISSUER)
                .subject(caller.subject())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim(InternalToken.ROLES, caller.roles().stream().map(Enum::name).sorted().toList());
        if (caller.institution() != null) {
            claims.claim(InternalToken.INSTITUTION, caller.institution());
        }
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign an internal token", e);
        }
        return jwt.serialize();
    }
}
