package io.cityfin.risk.publicity;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import io.cityfin.reporting.demo.DemoRecords;
import io.cityfin.reporting.indicator.RecordIndicators;
import io.cityfin.reporting.indicator.RecordRows;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.Records;

/** Publicity on the record machinery, and its indicators. */
@Configuration(proxyBeanMethods = false)
class PublicityConfiguration {

    @Bean
    RecordService<Publicity> publicity(Records records, Clock clock) {
        return new RecordService<>(records, new PublicityType(clock), clock);
    }

    @Bean
    RecordIndicators publicityIndicators(RecordService<Publicity> publicity) {
        return PublicityIndicators.on(RecordRows.of(publicity));
    }

    /** The demo publicity ({@code publicity} of the demo file); after the organisations, before the demo's alert evaluation. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 20)
    DemoRecords demoPublicity(RecordService<Publicity> publicity) {
        return DemoRecords.created(publicity, "publicity", Publicity.class);
    }
}
