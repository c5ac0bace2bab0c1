package io.cityfin.gateway.ratelimit.persistence;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.data.redis.health.DataRedisReactiveHealthIndicator;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.script.RedisScript;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code cityfin.gateway.rate-limit.store=redis}: the buckets in Redis ({@code spring.data.redis.url}, e.g.
 * {@code SPRING_DATA_REDIS_URL=redis://redis:6379}), shared by every gateway replica. Lettuce waits at most
 * {@code cityfin.gateway.rate-limit.redis-timeout} (250 ms) for a connection or a command and refuses commands at
 * once while it is disconnected (it reconnects in the background): a slow or absent Redis costs a request that long
 * at most, and the request passes. Redis shows in {@code /actuator/health} as {@code rateLimitStore}, not in readiness:
 * the gateway serves without it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cityfin.gateway.rate-limit.store", havingValue = "redis")
class RedisRateLimiterConfiguration {

    private final Duration timeout;

    RedisRateLimiterConfiguration(@Value("${cityfin.gateway.rate-limit.redis-timeout:250ms}") Duration timeout) {
        this.timeout = timeout;
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> rateLimitStoreConnection(RedisSharedRateLimiter sharedRateLimiter) {
        return ready -> sharedRateLimiter.connect();
    }

    @Bean
    RedisSharedRateLimiter sharedRateLimiter(ReactiveRedisConnectionFactory connectionFactory,
                                  @Qualifier(RedisRateLimiter.REDIS_SCRIPT_NAME) RedisScript<List<Long>> script,
                                  ConfigurationService configurationService, MeterRegistry meterRegistry) {
        StoreErrors errors = new StoreErrors(meterRegistry, System::nanoTime);
        // Lettuce's own timeout answers first; this one also covers opening the first connection
        FailOpenRedisTemplate template = new FailOpenRedisTemplate(connectionFactory, timeout.multipliedBy(2), errors);
        return new RedisSharedRateLimiter(template, script, configurationService);
    }

    @Bean
    LettuceClientOptionsBuilderCustomizer rateLimitStoreClientOptions() {
        return options -> options
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout));
    }

    @Bean
    LettuceClientConfigurationBuilderCustomizer rateLimitStoreCommandTimeout() {
        return configuration -> configuration.commandTimeout(timeout);
    }

    /** Boot's own Redis indicator is off ({@code management.health.redis.enabled}): with store=memory there is no Redis. */
    @Bean
    DataRedisReactiveHealthIndicator rateLimitStoreHealthIndicator(ReactiveRedisConnectionFactory connectionFactory) {
        return new DataRedisReactiveHealthIndicator(connectionFactory);
    }
}
