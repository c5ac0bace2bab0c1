package io.cityfin.capitalmarket.fund;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.Records;

/** Private funds and, under them, their investments on the record machinery. */
@Configuration(proxyBeanMethods = false)
class FundConfiguration {

    @Bean
    RecordService<Fund> funds(Records records, Clock clock) {
        return new RecordService<>(records, new FundType(clock), clock);
    }

    @Bean
    RecordService<FundInvestment> fundInvestments(Records records, Clock clock, RecordService<Fund> funds) {
        return new RecordService<>(records, new FundInvestmentType(clock), clock).under(funds);
    }
}
