package io.cityfin.gateway.identity.web;

import java.util.List;

import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;

import io.cityfin.common.identity.CallerAuthentication;
import io.cityfin.common.identity.RefusalCounter;
import io.cityfin.common.identity.RefusalResponses;
import io.cityfin.common.identity.StatelessSecurity;
import io.cityfin.common.problem.Problem;
import io.cityfin.common.problem.ProblemResponses;
import io.cityfin.gateway.config.CityfinGatewayProperties;
import io.cityfin.gateway.identity.ApiKeyRejectedException;
import io.cityfin.gateway.identity.ApiKeyService;
import io.cityfin.gateway.ratelimit.RateLimit;
import io.cityfin.gateway.ratelimit.RateLimiter;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's security chain: API keys ({@code Authorization: Bearer cfk_...}) on everything under
 * {@code /api/} but the published contracts, ADMIN only on {@code /api/v1/admin/}, then the per-key rate limit.
 * Refusals are problem+json, counted by reason, and never echo the key. Its presence makes common's
 * internal-token chain (for services) back off.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class ApiKeySecurityConfiguration {

    private static final String[] PUBLIC_CONTRACTS = {"/openapi", "/openapi/**", "/api/v1/*/openapi", "/api/v1/*/openapi/**"};

    @Bean
    SecurityWebFilterChain apiKeyChain(ServerHttpSecurity http, ApiKeyService keys, RefusalCounter refusals, JsonMapper jsonMapper,
                                       CityfinGatewayProperties properties, RateLimiter rateLimiter) {
        return StatelessSecurity.apply(http)
                .authorizeExchange(exchanges -> exchanges
                        .matchers(EndpointRequest.toAnyEndpoint()).permitAll()
                        .pathMatchers(PUBLIC_CONTRACTS).permitAll()
                        .pathMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        .pathMatchers("/api/**").authenticated()
                        .anyExchange().permitAll())
                .addFilterAt(apiKeyAuthentication(keys, refusals, jsonMapper), SecurityWebFiltersOrder.AUTHENTICATION)
                .addFilterAfter(new RateLimitFilter(new RateLimit("api-key", properties.rateLimit().burst(), properties.rateLimit().perSecond()),
                        rateLimiter, refusals, jsonMapper), SecurityWebFiltersOrder.AUTHENTICATION)
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, error) -> unauthorized(exchange, RefusalCounter.Reason.MISSING,
                                "An API key is required: Authorization: Bearer <key>.", refusals, jsonMapper))
                        .accessDeniedHandler(RefusalResponses.forbidden(refusals, jsonMapper)))
                .build();
    }

    private static AuthenticationWebFilter apiKeyAuthentication(ApiKeyService keys, RefusalCounter refusals, JsonMapper jsonMapper) {
        ReactiveAuthenticationManager manager = presented -> keys.authenticate((String) presented.getCredentials())
                .<Authentication>map(caller -> new CallerAuthentication(caller, "api-key"))
                .onErrorMap(ApiKeyRejectedException.class, KeyRejected::new);
        AuthenticationWebFilter filter = new AuthenticationWebFilter(manager);
        filter.setRequiresAuthenticationMatcher(new AndServerWebExchangeMatcher(
                ServerWebExchangeMatchers.pathMatchers("/api/**"),
                new NegatedServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers(PUBLIC_CONTRACTS))));
        filter.setServerAuthenticationConverter(ApiKeySecurityConfiguration::presentedKey);
        filter.setAuthenticationFailureHandler((webFilterExchange, error) -> {
            RefusalCounter.Reason reason = error instanceof KeyRejected rejected ? rejected.reason() : RefusalCounter.Reason.UNKNOWN;
            String detail = reason == RefusalCounter.Reason.REVOKED ? "This API key has been revoked." : "This API key is not valid.";
            return unauthorized(webFilterExchange.getExchange(), reason, detail, refusals, jsonMapper);
        });
        return filter;
    }

    /** The key from {@code Authorization: Bearer <key>}; any other Authorization value is an unknown key. */
    private static Mono<Authentication> presentedKey(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return Mono.empty();
        }
        String secret = authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).trim() : "";
        return Mono.just(new PresentedKey(secret));
    }

    private static Mono<Void> unauthorized(ServerWebExchange exchange, RefusalCounter.Reason reason, String detail,
                                           RefusalCounter refusals, JsonMapper jsonMapper) {
        refusals.count(reason);
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return ProblemResponses.write(exchange, new Problem(401, "Unauthorized", detail, List.of()), jsonMapper);
    }

    /** A key as presented, not yet checked; its string form never shows the key. */
    static final class PresentedKey extends AbstractAuthenticationToken {

        private final String secret;

        PresentedKey(String secret) {
            super(List.of());
            this.secret = secret;
        }

        @Override
        public Object getCredentials() {
            return secret;
        }

        @Override
        public Object getPrincipal() {
            return "api-key";
        }

        @Override
        public String toString() {
            return "PresentedKey[(hidden)]";
        }
    }

    /** Spring Security's form of a rejected key, keeping the reason for the refusal metric. */
    static final class KeyRejected extends AuthenticationException {

        private final transient RefusalCounter.Reason reason;

        KeyRejected(ApiKeyRejectedException cause) {
            super(cause.getMessage(), cause);
            this.reason = cause.reason();
        }

        RefusalCounter.Reason reason() {
            return reason;
        }
    }
}
