package io.cityfin.gateway.identity.web;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
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
 * {@code /api/} but the published contracts (the office page and its assets need none either), ADMIN only on {@code /api/v1/admin/}, then the per-key rate limit.
 * Refusals are problem+json, counted by reason, and never echo the key. Its presence makes common's
 * internal-token chain (for services) back off.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class ApiKeySecurityConfiguration {

    private static final String[] PUBLIC_CONTRACTS = ThrottledRequests.PUBLIC_CONTRACTS;

    /** The office page (gateway README, "Office page"): static files, no key. */
    private static final String[] OFFICE_PAGE = {"/", "/index.html", "/assets/**", "/_static/echarts/**"};

    @Bean
    SecurityWebFilterChain apiKeyChain(ServerHttpSecurity http, ApiKeyService keys, RefusalCounter refusals, JsonMapper jsonMapper,
                                       CityfinGatewayProperties properties, RateLimiter rateLimiter, ThrottledRequests requests) {
        return StatelessSecurity.apply(http)
                .authorizeExchange(exchanges -> exchanges
                        .matchers(EndpointRequest.toAnyEndpoint()).permitAll()
                        .pathMatchers(PUBLIC_CONTRACTS).permitAll()
                        // the office page and its assets load without a key; the page then calls /api/ with one
                        .pathMatchers(HttpMethod.GET, OFFICE_PAGE).permitAll()
                        .pathMatchers(HttpMethod.HEAD, OFFICE_PAGE).permitAll()
                        .pathMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        .pathMatchers("/api/**").authenticated()
                        .anyExchange().permitAll())
                .addFilterAt(apiKeyAuthentication(keys, refusals, jsonMapper, requests), SecurityWebFiltersOrder.AUTHENTICATION)
                .addFilterAfter(new RateLimitFilter(new RateLimit("api-key", properties.rateLimit().burst(), properties.rateLimit().perSecond()),
                        rateLimiter, refusals, jsonMapper), SecurityWebFiltersOrder.AUTHENTICATION)
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, error) -> unauthorized(exchange, RefusalCounter.Reason.MISSING,
                                "An API key is required: Authorization: Bearer <key>.", refusals, jsonMapper))
                        .accessDeniedHandler(RefusalResponses.forbidden(refusals, jsonMapper)))
                .build();
    }

    private static AuthenticationWebFilter apiKeyAuthentication(ApiKeyService keys, RefusalCounter refusals, JsonMapper jsonMapper,
                                                                ThrottledRequests requests) {
        ReactiveAuthenticationManager manager = presented -> keys.authenticate((String) presented.getCredentials(),
                        ((PresentedKey) presented).clientAddress())
                .<Authentication>map(caller -> new CallerAuthentication(caller, "api-key"))
                .onErrorMap(ApiKeyRejectedException.class, KeyRejected::new);
        AuthenticationWebFilter filter = new AuthenticationWebFilter(manager);
        filter.setRequiresAuthenticationMatcher(new AndServerWebExchangeMatcher(
                ServerWebExchangeMatchers.pathMatchers("/api/**"),
                new NegatedServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers(PUBLIC_CONTRACTS))));
        filter.setServerAuthenticationConverter(exchange -> presentedKey(exchange, requests));
        filter.setAuthenticationFailureHandler((webFilterExchange, error) -> {
            KeyRejected rejected = error instanceof KeyRejected known ? known : null;
            RefusalCounter.Reason reason = rejected != null ? rejected.reason() : RefusalCounter.Reason.UNKNOWN;
            if (reason == RefusalCounter.Reason.FAILED_AUTH_LIMITED) {
                return TooManyRequests.failedAuthentications(webFilterExchange.getExchange(), rejected.retryAfter(), refusals, jsonMapper);
            }
            String detail = switch (reason) {
                case REVOKED -> "This API key has been revoked.";
                case INVALID -> "This is not an API key: Authorization: Bearer cfk_ and 43 base64url characters.";
                default -> "This API key is not valid.";
            };
            return unauthorized(webFilterExchange.getExchange(), reason, detail, refusals, jsonMapper);
        });
        return filter;
    }

    /**
     * The key from {@code Authorization: Bearer <key>} (any other Authorization value is a malformed key), with the
     * client's address, read before the key is.
     */
    private static Mono<Authentication> presentedKey(ServerWebExchange exchange, ThrottledRequests requests) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            return Mono.empty();
        }
        return Mono.just(new PresentedKey(ThrottledRequests.presentedKey(authorization), requests.clientAddress(exchange.getRequest())));
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
        private final String clientAddress;

        PresentedKey(String secret, String clientAddress) {
            super(List.of());
            this.secret = secret;
            this.clientAddress = clientAddress;
        }

        String clientAddress() {
            return clientAddress;
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
        private final transient Duration retryAfter;

        KeyRejected(ApiKeyRejectedException cause) {
            super(cause.getMessage(), cause);
            this.reason = cause.reason();
            this.retryAfter = cause.retryAfter();
        }

        RefusalCounter.Reason reason() {
            return reason;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }
}
