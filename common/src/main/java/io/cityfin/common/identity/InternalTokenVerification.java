package io.cityfin.common.identity;

import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * How a service checks the gateway's internal token: ES256 signature by one of the configured public keys
 * (chosen by {@code kid}), issuer {@code cityfin-gateway}, not expired and not issued in the future (5 s skew),
 * a lifetime of at most 60 s, a subject and known roles, and an institution exactly for a SUBMITTER. A verified token
 * is kept until it expires ({@link VerifiedTokens}), so a token the gateway reuses is verified once.
 */
public final class InternalTokenVerification {

    private InternalTokenVerification() {
    }

    public static ReactiveJwtDecoder decoder(Map<String, ECPublicKey> publicKeys, Clock clock) {
        List<JWK> keys = publicKeys.entrySet().stream()
                .<JWK>map(key -> new ECKey.Builder(Curve.P_256, key.getValue()).keyID(key.getKey()).algorithm(JWSAlgorithm.ES256).build())
                .toList();
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withJwkSource(jwt -> Flux.fromIterable(keys).filter(key -> key.getKeyID().equals(jwt.getHeader().getKeyID())))
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(InternalToken.CLOCK_SKEW);
        timestamps.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtIssuerValidator(InternalToken.ISSUER), timestamps, InternalTokenVerification::shapeIsValid));
        return new VerifiedTokens(decoder, clock, VerifiedTokens.CAPACITY);
    }

    /** The verified token as the request's authentication, its principal a {@link Caller}. */
    public static Mono<CallerAuthentication> toAuthentication(Jwt jwt) {
        return Mono.just(new CallerAuthentication(caller(jwt), jwt));
    }

    static Caller caller(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : jwt.getClaimAsStringList(InternalToken.ROLES)) {
            roles.add(Role.valueOf(role));
        }
        return new Caller(jwt.getSubject(), roles, jwt.getClaimAsString(InternalToken.INSTITUTION));
    }

    private static OAuth2TokenValidatorResult shapeIsValid(Jwt jwt) {
        Instant issuedAt = jwt.getIssuedAt();
        Instant expiresAt = jwt.getExpiresAt();
        if (jwt.getHeaders().get("kid") == null) {
            return invalid("the token names no key (kid)");
        }
        if (issuedAt == null || expiresAt == null
                || Duration.between(issuedAt, expiresAt).compareTo(InternalToken.MAX_LIFETIME) > 0) {
            return invalid("the token's lifetime is missing or longer than " + InternalToken.MAX_LIFETIME.toSeconds() + " s");
        }
        if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
            return invalid("the token has no subject");
        }
        List<String> roles = jwt.getClaimAsStringList(InternalToken.ROLES);
        if (roles == null || roles.isEmpty()
                || !roles.stream().allMatch(role -> EnumSet.allOf(Role.class).stream().anyMatch(r -> r.name().equals(role)))) {
            return invalid("the token's roles are missing or unknown");
        }
        boolean submitter = roles.contains(Role.SUBMITTER.name());
        if (submitter != (jwt.getClaimAsString(InternalToken.INSTITUTION) != null)) {
            return invalid("a SUBMITTER token, and only one, names an institution");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", description, null));
    }
}
