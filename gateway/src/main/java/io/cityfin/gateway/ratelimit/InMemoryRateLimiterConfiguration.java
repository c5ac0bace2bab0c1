package io.cityfin.gateway.ratelimit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.MeterRegistry;

/** The buckets in memory unless {@code cityfin.gateway.rate-limit.store} names a shared store. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cityfin.gateway.rate-limit.store", havingValue = "memory", matchIfMissing = true)
class InMemoryRateLimiterConfiguration {

    /** A test may give its own {@link TimeMeter}, so that refills do not depend on the machine's speed. */
    @Bean
    RateLimiter inMemoryRateLimiter(ObjectProvider<TimeMeter> rateLimitTime, MeterRegistry meters) {
        RateLimiter.storeErrors(meters); // never counts here: memory does not fail
        return new InMemoryRateLimiter(rateLimitTime.getIfAvailable(() -> TimeMeter.SYSTEM_MILLISECONDS));
    }
}
