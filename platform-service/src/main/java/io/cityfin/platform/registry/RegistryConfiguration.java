package io.cityfin.platform.registry;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.Records;

/** The platform registry on the record machinery: bean {@code platforms}, which ratings and platform financing read. */
@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    @Bean
    RecordService<Platform> platforms(Records records, Clock clock) {
        return new RecordService<>(records, new PlatformType(clock, records), clock);
    }
}
