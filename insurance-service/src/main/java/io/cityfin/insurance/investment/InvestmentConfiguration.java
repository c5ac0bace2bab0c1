package io.cityfin.insurance.investment;

import static io.cityfin.reporting.catalogue.Kind.FLOW;
import static io.cityfin.reporting.catalogue.Kind.STOCK;
import static io.cityfin.reporting.catalogue.Unit.CNY;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cityfin.reporting.indicator.Formula;
import io.cityfin.reporting.indicator.IndicatorDefinition;
import io.cityfin.reporting.indicator.RecordIndicators;
import io.cityfin.reporting.institution.Institutions;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.Records;

/** Investments on the record machinery, and their two indicators (declared so that targets may name them). */
@Configuration(proxyBeanMethods = false)
class InvestmentConfiguration {

    static final IndicatorDefinition INVESTED_YTD = new IndicatorDefinition("INSURANCE_FUNDS_INVESTED_YTD", "新增险资入抚",
            "Insurance funds newly invested in the city, year to date", CNY, FLOW, Formula.item("INSURANCE_FUNDS_INVESTED_YTD"), Set.of());
    static final IndicatorDefinition INVESTED_TOTAL = new IndicatorDefinition("INSURANCE_FUNDS_INVESTED_TOTAL", "险资入抚累计",
            "Insurance funds invested in the city, cumulative", CNY, STOCK, Formula.item("INSURANCE_FUNDS_INVESTED_TOTAL"), Set.of());

    @Bean
    RecordService<Investment> investments(Records records, Institutions institutions, Clock clock) {
        return new RecordService<>(records, new InvestmentType(institutions, clock), clock);
    }

    @Bean
    RecordIndicators investmentIndicators() {
        return new RecordIndicators(List.of(INVESTED_YTD, INVESTED_TOTAL));
    }
}
