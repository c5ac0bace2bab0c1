package io.cityfin.insurance.investment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cityfin.reporting.indicator.RecordIndicators;
import io.cityfin.reporting.indicator.RecordMeasure;
import io.cityfin.reporting.indicator.RecordRows;
import reactor.core.publisher.Flux;

class InvestmentIndicatorsTest {

    private final List<Investment> investments = List.of(
            investment("100.25", "2021-12-31", "361002"),
            investment("200", "2022-01-01", "361002"),
            investment("300", "2022-09-30", "361021"),
            investment("400", "2022-10-01", "361002"));
    private final RecordIndicators indicators = InvestmentConfiguration.indicators(RecordRows.of(() -> Flux.fromIterable(investments)));

    @Test
    void sumsTheYearToTheLastDayAndEverythingUpToIt() {
        LocalDate september = LocalDate.of(2022, 9, 30);

        assertThat(measure("INSURANCE_FUNDS_INVESTED_YTD").total(investments, september, null)).isEqualByComparingTo("500");
        assertThat(measure("INSURANCE_FUNDS_INVESTED_TOTAL").total(investments, september, null)).isEqualByComparingTo("600.25");
    }

    @Test
    void givesZeroNotNothingBeforeTheFirstInvestment() {
        LocalDate early = LocalDate.of(2021, 6, 30);

        assertThat(measure("INSURANCE_FUNDS_INVESTED_YTD").total(investments, early, null)).isEqualByComparingTo("0");
        assertThat(measure("INSURANCE_FUNDS_INVESTED_TOTAL").total(investments, early, null)).isEqualByComparingTo("0");
    }

    @Test
    void keepsOnlyTheRegionAsked() {
        LocalDate september = LocalDate.of(2022, 9, 30);

        assertThat(measure("INSURANCE_FUNDS_INVESTED_YTD").total(investments, september, "361002")).isEqualByComparingTo("200");
        assertThat(measure("INSURANCE_FUNDS_INVESTED_TOTAL").total(investments, september, "361021")).isEqualByComparingTo("300");
    }

    @SuppressWarnings("unchecked")
    private RecordMeasure<Investment> measure(String code) {
        return (RecordMeasure<Investment>) indicators.measures().stream().filter(m -> m.definition().code().equals(code)).findFirst()
                .orElseThrow();
    }

    private static Investment investment(String amount, String date, String region) {
        return new Investment("INS1", "项目", region, new BigDecimal(amount), date, "FUND");
    }
}
