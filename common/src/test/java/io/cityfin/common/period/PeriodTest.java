package io.cityfin.common.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @ParameterizedTest
    @CsvSource({
            "2022,       YEAR,    2022-01-01, 2022-12-31",
            "2022-Q1,    QUARTER, 2022-01-01, 2022-03-31",
            "2022-Q3,    QUARTER, 2022-07-01, 2022-09-30",
            "2022-09,    MONTH,   2022-09-01, 2022-09-30",
            "2022-02,    MONTH,   2022-02-01, 2022-02-28",
            "2024-02,    MONTH,   2024-02-01, 2024-02-29",
            "2022-12,    MONTH,   2022-12-01, 2022-12-31",
            "1990-10-D1, TEN_DAY, 1990-10-01, 1990-10-10",
            "9999-Q4,    QUARTER, 9999-10-01, 9999-12-31",
            "2022-09-D1, TEN_DAY, 2022-09-01, 2022-09-10",
            "2022-09-D2, TEN_DAY, 2022-09-11, 2022-09-20",
            "2022-09-D3, TEN_DAY, 2022-09-21, 2022-09-30",
            "2022-08-D3, TEN_DAY, 2022-08-21, 2022-08-31",
            "2024-02-D3, TEN_DAY, 2024-02-21, 2024-02-29",
            "2023-02-D3, TEN_DAY, 2023-02-21, 2023-02-28"})
    void parsesEveryFormWithItsFirstAndLastDay(String text, PeriodType type, LocalDate first, LocalDate last) {
        Period period = Period.parse(text);

        assertThat(period.type()).isEqualTo(type);
        assertThat(period.firstDay()).isEqualTo(first);
        assertThat(period.lastDay()).isEqualTo(last);
        assertThat(period).hasToString(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "22", "2022-13", "2022-00", "2022-9", "2022-Q0", "2022-Q5", "2022-09-D0", "2022-09-D4",
            "2022-09-D", "2022-09-01", "2022/09", " 2022-09", "2022-09 ", "2022-Q3-D1", "0999", "2022-M09"})
    void refusesMalformedText(String text) {
        assertThatThrownBy(() -> Period.parse(text))
                .isInstanceOf(InvalidPeriodException.class)
                .extracting(e -> ((InvalidPeriodException) e).code()).isEqualTo("INVALID_PERIOD");
    }

    @ParameterizedTest
    @CsvSource({
            "2022,       2022-12",
            "2022-Q3,    2022-09",
            "2022-Q4,    2022-12",
            "2022-09,    2022-09",
            "2022-09-D2, 2022-09-D2"})
    void readsQuartersAndYearsAsTheirLastMonth(String text, String reported) {
        assertThat(Period.parse(text).reportingPeriod()).hasToString(reported);
    }

    @ParameterizedTest
    @CsvSource({
            "2022-09,    2021-12",
            "2022-01,    2021-12",
            "2022-Q3,    2021-12",
            "2023-12-D3, 2022-12"})
    void hasThePreviousDecemberAsItsYearStart(String text, String yearStart) {
        assertThat(Period.parse(text).previousDecember()).hasValueSatisfying(december -> assertThat(december).hasToString(yearStart));
    }

    @ParameterizedTest
    @CsvSource({
            "2022-09,    2021-09",
            "2022-Q3,    2021-Q3",
            "2022,       2021",
            "2024-02-D3, 2023-02-D3"})
    void knowsTheSamePeriodAYearEarlier(String text, String lastYear) {
        Period period = Period.parse(text);

        assertThat(period.sameLastYear()).hasValueSatisfying(earlier -> assertThat(earlier).hasToString(lastYear));
    }

    @Test
    void endsALeapYearsLastTenDaysOfFebruaryOnThe29thButTheYearBeforeOnThe28th() {
        Period leap = Period.parse("2024-02-D3");

        assertThat(leap.lastDay()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(leap.sameLastYear().orElseThrow().lastDay()).isEqualTo(LocalDate.of(2023, 2, 28));
    }

    @ParameterizedTest
    @CsvSource({
            "2022-09,    2022-08",
            "2022-01,    2021-12",
            "2022-Q1,    2021-Q4",
            "2022-09-D2, 2022-09-D1",
            "2022-09-D1, 2022-08-D3",
            "2022-01-D1, 2021-12-D3",
            "2022,       2021"})
    void knowsThePreviousPeriodOfTheSameType(String text, String previous) {
        assertThat(Period.parse(text).previous()).hasValueSatisfying(before -> assertThat(before).hasToString(previous));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1900-06", "1901-12", "1989", "1989-Q4", "1989-12", "1989-12-D3", "1000-01"})
    void refusesAPeriodBeforeTheFloorOf1990(String text) {
        assertThatThrownBy(() -> Period.parse(text))
                .isInstanceOf(InvalidPeriodException.class)
                .hasMessageContaining("1990")
                .extracting(e -> ((InvalidPeriodException) e).code()).isEqualTo("INVALID_PERIOD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1990", "1990-Q1", "1990-01", "1990-01-D1"})
    void derivesNothingBeforeTheFloorFromTheFirstPeriodOfEachType(String text) {
        Period first = Period.parse(text);

        assertThat(first.previous()).isEmpty();
        assertThat(first.previousDecember()).isEmpty();
        assertThat(first.sameLastYear()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "1990-02,    1990-01",
            "1990-Q2,    1990-Q1",
            "1990-01-D2, 1990-01-D1",
            "1990-02-D1, 1990-01-D3",
            "1991,       1990",
            "1991-01,    1990-12"})
    void derivesThePreviousPeriodDownToTheFloor(String text, String previous) {
        assertThat(Period.parse(text).previous()).hasValueSatisfying(before -> assertThat(before).hasToString(previous));
    }

    @Test
    void derivesTheYearStartAndAYearEarlierFromTheYearAfterTheFloor() {
        Period period = Period.parse("1991-06");

        assertThat(period.previousDecember()).contains(Period.month(1990, 12));
        assertThat(period.sameLastYear()).contains(Period.month(1990, 6));
        assertThat(period.sameLastYear().flatMap(Period::previousDecember)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "2022-09,    74.79",
            "2023-06,    49.59",
            "2022-12,    100.00",
            "2022,       100.00",
            "2022-01-D1, 2.74",
            "2024-02-D3, 16.39",
            "2024-12,    100.00"})
    void computesTheShareOfTheYearElapsedCountingTheLastDay(String text, String pct) {
        assertThat(Period.parse(text).yearElapsedPct()).isEqualByComparingTo(pct);
        assertThat(Period.parse(text).yearElapsedPct().scale()).isEqualTo(2);
    }

    @Test
    void refusesAPeriodThatStartsAfterToday() {
        LocalDate today = LocalDate.of(2022, 10, 8);

        assertThat(Period.parseNotFuture("2022-10", today)).hasToString("2022-10");
        assertThat(Period.parseNotFuture("2022-10-D1", today)).hasToString("2022-10-D1");
        assertThat(Period.parseNotFuture("2022-Q4", today)).hasToString("2022-Q4");
        assertThatThrownBy(() -> Period.parseNotFuture("2022-10-D2", today))
                .isInstanceOf(InvalidPeriodException.class)
                .extracting(e -> ((InvalidPeriodException) e).code()).isEqualTo("PERIOD_IN_FUTURE");
        assertThatThrownBy(() -> Period.parseNotFuture("2023", today)).isInstanceOf(InvalidPeriodException.class);
    }

    @Test
    void ordersPeriodsByTheirLastDay() {
        assertThat(Period.parse("2022-09-D3")).isLessThan(Period.parse("2022-10-D1"));
        assertThat(Period.parse("2021-12")).isLessThan(Period.parse("2022-01"));
        assertThat(Period.parse("2022-09-D3").compareTo(Period.parse("2022-09"))).isGreaterThan(0);
    }
}
