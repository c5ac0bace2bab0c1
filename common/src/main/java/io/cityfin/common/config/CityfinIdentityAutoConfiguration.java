package io.cityfin.common.config;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

import io.cityfin.common.identity.IdentityKeys;
import io.cityfin.common.identity.IdentityProperties;
import io.cityfin.common.identity.InternalTokenVerification;
import io.cityfin.common.identity.RefusalCounter;
import io.cityfin.common.identity.RefusalResponses;
import io.cityfin.common.identity.StatelessSecurity;
import io.cityfin.common.problem.FieldError;
import io.cityfin.common.problem.Problem;
import io.cityfin.common.problem.ProblemResponses;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every service's security: only a valid internal token from the gateway gets past the public port
 * ({@code 401} otherwise, before any controller); the contracts under {@code /openapi/} and the management port
 * stay open. The gateway, which authenticates API keys instead, declares its own chain and this backs off.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(IdentityProperties.class)
public class CityfinIdentityAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(SecurityWebFilterChain.class)
    @EnableWebFluxSecurity
    static class InternalTokenSecurity {

        @Bean
        @ConditionalOnMissingBean
        ReactiveJwtDecoder internalTokenDecoder(IdentityProperties identity, Clock clock) {
            if (identity.publicKeys() == null || identity.publicKeys().isBlank()) {
                throw new IllegalStateException("cityfin.identity.public-keys (env CITYFIN_IDENTITY_PUBLIC_KEYS) is not set: "
                        + "a service verifies the gateway's internal token with the gateway's public key(s), as kid:base64,...");
            }
            return InternalTokenVerification.decoder(IdentityKeys.publicKeys(identity.publicKeys()), clock);
        }

        @Bean
        SecurityWebFilterChain internalTokenChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder, RefusalCounter refusals,
                                                  JsonMapper jsonMapper) {
            var unauthorized = RefusalResponses.unauthorized(refusals, jsonMapper);
            return StatelessSecurity.apply(http)
                    .authorizeExchange(exchanges -> exchanges
                            .matchers(EndpointRequest.toAnyEndpoint()).permitAll()
                            .pathMatchers("/openapi", "/openapi/**").permitAll()
                            .anyExchange().authenticated())
                    .exceptionHandling(handling -> handling
                            .authenticationEntryPoint(unauthorized)
                            .accessDeniedHandler(RefusalResponses.forbidden(refusals, jsonMapper)))
                    .oauth2ResourceServer(server -> server
                            .authenticationEntryPoint(unauthorized)
                            .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(InternalTokenVerification::toAuthentication)))
                    .build();
        }
    }

    /**
     * Spring Security's firewall refuses paths such as {@code /reports/a%3Bb} before any handler: a 400 problem naming
     * the path, in every app (the gateway's chain too), instead of its bare 400 without a body.
     */
    @Bean
    @ConditionalOnMissingBean
    ServerExchangeRejectedHandler problemExchangeRejectedHandler(JsonMapper jsonMapper) {
        return (exchange, rejected) -> ProblemResponses.write(exchange, new Problem(400, "Invalid request path",
                "The request path is not accepted: " + rejected.getMessage() + ".",
                List.of(FieldError.atParameter("path", "INVALID_PATH", "The request path has a character or sequence that is not accepted."))),
                jsonMapper);
    }
}
