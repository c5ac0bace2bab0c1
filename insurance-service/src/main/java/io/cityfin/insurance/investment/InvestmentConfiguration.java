package io.cityfin.insurance.investment;

import static io.cityfin.reporting.catalogue.Kind.FLOW;
import static io.cityfin.reporting.catalogue.Kind.STOCK;
import static io.cityfin.reporting.catalogue.Unit.CNY;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cityfin.reporting.demo.DemoRecords;
import io.cityfin.reporting.indicator.IndicatorDefinition;
import io.cityfin.reporting.indicator.RecordIndicators;
import io.cityfin.reporting.indicator.RecordRows;
import io.cityfin.reporting.institution.Institutions;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.Records;

/**
 * Investments on the record machinery, and their two indicators: INSURANCE_FUNDS_INVESTED_YTD (Σ amount dated from
 * 1 January to the period's last day D) and INSURANCE_FUNDS_INVESTED_TOTAL (Σ of all dated up to D), whenever they
 * were recorded; {@code region=R} keeps the investments in R.
 */
@Configuration(proxyBeanMethods = false)
class InvestmentConfiguration {

    static final IndicatorDefinition INVESTED_YTD = RecordRows.measured("INSURANCE_FUNDS_INVESTED_YTD", "新增险资入抚",
            "Insurance funds newly invested in the city, year to date", CNY, FLOW);
    static final IndicatorDefinition INVESTED_TOTAL = RecordRows.measured("INSURANCE_FUNDS_INVESTED_TOTAL", "险资入抚累计",
            "Insurance funds invested in the city, cumulative", CNY, STOCK);

    @Bean
    RecordService<Investment> investments(Records records, Institutions institutions, Clock clock) {
        return new RecordService<>(records, new InvestmentType(institutions, clock), clock);
    }

    @Bean
    RecordIndicators investmentIndicators(RecordService<Investment> investments) {
        return indicators(RecordRows.of(investments));
    }

    static RecordIndicators indicators(RecordRows<Investment> rows) {
        return RecordIndicators.of(
                rows.sumInYear(INVESTED_YTD, Investment::dayOrNull, Investment::amount).region(Investment::region)
                        .contributor(Investment::institutionCode),
                rows.measure(INVESTED_TOTAL, (i, d) -> RecordRows.byDay(i.dayOrNull(), d) ? i.amount() : null).region(Investment::region)
                        .contributor(Investment::institutionCode));
    }

    /** The demo investments ({@code investments} of the demo file). */
    @Bean
    DemoRecords demoInvestments(RecordService<Investment> investments) {
        return DemoRecords.created(investments, "investments", Investment.class);
    }
}
