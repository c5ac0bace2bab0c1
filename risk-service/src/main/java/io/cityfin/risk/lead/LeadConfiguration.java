package io.cityfin.risk.lead;

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

/** Leads and cases on the record machinery, and their indicators. */
@Configuration(proxyBeanMethods = false)
class LeadConfiguration {

    @Bean
    RecordService<Lead> leads(Records records, Clock clock) {
        return new RecordService<>(records, new LeadType(clock), clock);
    }

    @Bean
    RecordIndicators leadIndicators(RecordService<Lead> leads) {
        return LeadIndicators.on(RecordRows.of(leads));
    }

    /** The demo leads ({@code leads} of the demo file); after the organisations, before the demo's alert evaluation (last). */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 20)
    DemoRecords demoLeads(RecordService<Lead> leads) {
        return DemoRecords.created(leads, "leads", Lead.class);
    }
}
