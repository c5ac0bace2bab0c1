package io.cityfin.gateway;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import io.github.bucket4j.TimeMeter;

/**
 * The in-memory rate-limit buckets' time stands still: no token comes back during a test, so a key's request past its
 * burst is refused however slowly the machine runs. Import it into a gateway test's context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StillRateLimitTime {

    @Bean
    TimeMeter rateLimitTime() {
        long now = System.nanoTime();
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return now;
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
    }
}
