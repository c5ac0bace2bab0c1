package io.cityfin.gateway.identity;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cityfin.gateway.config.CityfinGatewayProperties;
import io.cityfin.gateway.ratelimit.RateLimit;
import io.cityfin.gateway.ratelimit.RateLimiter;

/** Who a client is ({@link ClientAddresses}) and how often it may fail to authenticate ({@link FailedAuthentications}). */
@Configuration(proxyBeanMethods = false)
class ClientIdentityConfiguration {

    @Bean
    ClientAddresses clientAddresses(CityfinGatewayProperties properties) {
        return new ClientAddresses(properties.clientAddress().trustedProxies());
    }

    @Bean
    FailedAuthentications failedAuthentications(RateLimiter limiter, CityfinGatewayProperties properties, Clock clock) {
        CityfinGatewayProperties.RateLimit limits = properties.rateLimit();
        return new FailedAuthentications(limiter, new RateLimit("failed-auth", limits.failedAuthBurst(), limits.failedAuthPerSecond()), clock);
    }
}
