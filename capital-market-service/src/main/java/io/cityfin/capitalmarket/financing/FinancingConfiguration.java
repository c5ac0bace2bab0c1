package io.cityfin.capitalmarket.financing;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cityfin.reporting.demo.DemoRecords;
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

    /** The demo issues ({@code issues} of the demo file, in the shape the API takes). */
    @Bean
    DemoRecords demoIssues(RecordService<Issue> issues) {
        return DemoRecords.created(issues, "issues", Issue.class);
    }
}
