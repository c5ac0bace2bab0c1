package io.cityfin.reporting.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}
