package io.cityfin.reporting.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cityfin.common.period.Period;

class FigurePeriodsTest {

    @Test
    void readsAMonthAgainstThePreviousDecemberAndTheSameMonthAYearEarlier() {
        assertThat(FigurePeriods.of(Period.month(2022, 9))).isEqualTo(new FigurePeriods(Period.month(2022, 9),
                Period.month(2021, 12), Period.month(2021, 9), Period.month(2020, 12)));
    }

    @Test
    void readsJanuaryAgainstTheDecemberJustBefore() {
        assertThat(FigurePeriods.of(Period.month(2022, 1))).isEqualTo(new FigurePeriods(Period.month(2022, 1),
                Period.month(2021, 12), Period.month(2021, 1), Period.month(2020, 12)));
    }

    @Test
    void readsAQuarterAsItsLastMonth() {
        assertThat(FigurePeriods.of(Period.quarter(2022, 3))).isEqualTo(new FigurePeriods(Period.month(2022, 9),
                Period.month(2021, 12), Period.month(2021, 9), Period.month(2020, 12)));
    }

    @Test
    void readsAYearAsItsDecember() {
        assertThat(FigurePeriods.of(Period.year(2022))).isEqualTo(new FigurePeriods(Period.month(2022, 12),
                Period.month(2021, 12), Period.month(2021, 12), Period.month(2020, 12)));
    }

    @Test
    void readsATenDayPeriodAgainstMonthlyDecembersAndLastYearsSameTenDays() {
        assertThat(FigurePeriods.of(Period.tenDay(2022, 9, 3))).isEqualTo(new FigurePeriods(Period.tenDay(2022, 9, 3),
                Period.month(2021, 12), Period.tenDay(2021, 9, 3), Period.month(2020, 12)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1990", "1990-Q1", "1990-01", "1990-06", "1990-01-D1"})
    void hasNoComparisonPeriodsBeforeTheFloor(String asked) {
        FigurePeriods periods = FigurePeriods.of(Period.parse(asked));

        assertThat(periods.at()).isEqualTo(Period.parse(asked).reportingPeriod());
        assertThat(periods.yearStart()).isNull();
        assertThat(periods.previousYear()).isNull();
        assertThat(periods.previousYearStart()).isNull();
        assertThat(periods.existing()).containsExactly(periods.at());
    }

    @Test
    void keepsTheComparisonsThatFallOnOrAfterTheFloor() {
        FigurePeriods periods = FigurePeriods.of(Period.month(1991, 6));

        assertThat(periods).isEqualTo(new FigurePeriods(Period.month(1991, 6), Period.month(1990, 12), Period.month(1990, 6), null));
    }

    @Test
    void readsNoFiguresForAPeriodBeforeTheFloor() {
        Figures june = MapFigures.of(Map.of("DEPOSIT_BALANCE", java.math.BigDecimal.ONE));

        PeriodFigures figures = FigurePeriods.of(Period.month(1990, 6)).figures(period -> june);

        assertThat(figures.at().sum("DEPOSIT_BALANCE")).isEqualByComparingTo("1");
        assertThat(figures.yearStart().sum("DEPOSIT_BALANCE")).isNull();
        assertThat(figures.previousYear().sum("DEPOSIT_BALANCE")).isNull();
        assertThat(figures.previousYearStart().sum("DEPOSIT_BALANCE")).isNull();
    }
}
