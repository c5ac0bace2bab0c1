package io.cityfin.insurance.investment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cityfin.common.period.Period;
import io.cityfin.reporting.indicator.Figures;

class InvestmentIndicatorSourceTest {

    private final List<Investment> investments = List.of(
            investment("100.25", "2021-12-31"),
            investment("200", "2022-01-01"),
            investment("300", "2022-09-30"),
            investment("400", "2022-10-01"));

    @Test
    void sumsTheYearToTheLastDayAndEverythingUpToIt() {
        Figures september = InvestmentIndicatorSource.figures(investments, Period.month(2022, 9));

        assertThat(september.sum("INSURANCE_FUNDS_INVESTED_YTD")).isEqualByComparingTo("500");
        assertThat(september.sum("INSURANCE_FUNDS_INVESTED_TOTAL")).isEqualByComparingTo("600.25");
    }

    @Test
    void givesZeroNotNothingBeforeTheFirstInvestment() {
        Figures early = InvestmentIndicatorSource.figures(investments, Period.month(2021, 6));

        assertThat(early.sum("INSURANCE_FUNDS_INVESTED_YTD")).isEqualByComparingTo("0");
        assertThat(early.sum("INSURANCE_FUNDS_INVESTED_TOTAL")).isEqualByComparingTo("0");
    }

    private static Investment investment(String amount, String date) {
        return new Investment("INS1", "项目", "361002", new BigDecimal(amount), date, "FUND");
    }
}
