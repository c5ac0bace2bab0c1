package io.cityfin.capitalmarket.financing;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cityfin.reporting.institution.Institutions;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.Records;

/** Direct-financing issues on the record machinery. */
@Configuration(proxyBeanMethods = false)
class FinancingConfiguration {

    @Bean
    RecordService<Issue> issues(Records records, Institutions institutions, Clock clock) {
        return new RecordService<>(records, new IssueType(institutions, clock), clock);
    }
}
