package io.cityfin.risk.lead;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cityfin.reporting.indicator.RecordIndicators;
import io.cityfin.reporting.indicator.RecordRows;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.Records;

/** Leads and cases on the record machinery, and their indicators. */
@Configuration(proxyBeanMethods = false)
class LeadConfiguration {

    @Bean
    RecordService<Lead> leads(Records records, Clock clock) {
        return new RecordService<>(records, new LeadType(clock), clock);
    }

    @Bean
    RecordIndicators leadIndicators(RecordService<Lead> leads) {
        return LeadIndicators.on(RecordRows.of(leads::activeContents));
    }
}
