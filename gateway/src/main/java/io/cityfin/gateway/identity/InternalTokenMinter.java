package io.cityfin.gateway.identity;

import java.security.interfaces.ECPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.cityfin.common.identity.Caller;
import io.cityfin.common.identity.InternalToken;

/**
 * Mints the internal token for a call on behalf of a caller (architecture.md, "Identity and roles"): ES256
 * with the gateway's private key and its {@code kid}, issuer {@code cityfin-gateway}, a lifetime of at most 60 s.
 * <p>
 * A signature costs more than the whole proxying of a small request, so a caller's token is reused for the first half
 * of its lifetime: every call made with it still has at least half the lifetime (30 s) left, more than any route's
 * response timeout. The token says only who the caller is (subject, roles, institution: the cache key); a revoked or
 * changed API key no longer yields that caller, since every request is authenticated before a token is asked for.
 */
public class InternalTokenMinter {

    /** Callers whose token is kept at once; more are re-minted (Caffeine keeps the frequent ones). */
    static final int CACHED_CALLERS = 10_000;

    private final ECDSASigner signer;
    private final JWSHeader header;
    private final Clock clock;
    private final Duration lifetime;
    private final Duration reuse;
    private final Cache<Caller, Minted> minted;

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
        this.reuse = lifetime.dividedBy(2);
        this.minted = Caffeine.newBuilder().maximumSize(CACHED_CALLERS).expireAfterWrite(reuse)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).build();
    }

    /** A token for the caller: the one minted for it less than half a lifetime ago, or a new one. */
    public String mint(Caller caller) {
        Instant now = clock.instant();
        Minted kept = minted.getIfPresent(caller);
        if (kept != null && !now.isBefore(kept.at()) && now.isBefore(kept.at().plus(reuse))) {
            return kept.token();
        }
        String token = sign(caller, now);
        minted.put(caller, new Minted(token, now));
        return token;
    }

    private String sign(Caller caller, Instant now) {
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

    private record Minted(String token, Instant at) {
    }
}
