package io.cityfin.risk.publicity;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
        return PublicityIndicators.on(RecordRows.of(publicity::activeContents));
    }
}
