package io.cityfin.platform.registry;

import java.time.Clock;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import io.cityfin.reporting.demo.DemoRecords;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.Records;

/** The platform registry on the record machinery: bean {@code platforms}, which ratings and platform financing read. */
@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

    @Bean
    RecordService<Platform> platforms(Records records, Clock clock) {
        return new RecordService<>(records, new PlatformType(clock, records), clock);
    }

    /** The demo platforms ({@code platforms} of the demo file), each put under its USCC, first of the service's loaders. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    DemoRecords demoPlatforms(RecordService<Platform> platforms) {
        return DemoRecords.put(platforms, "platforms", DemoPlatform.class, DemoPlatform::uscc, DemoPlatform::platform);
    }

    /** A demo platform as the API takes it, by its USCC; its {@code ratings} are the rating feature's to load. */
    record DemoPlatform(String uscc, String name, String tier, String region, List<Platform.Entry> history) {

        Platform platform() {
            return new Platform(name, tier, region, history);
        }
    }
}
