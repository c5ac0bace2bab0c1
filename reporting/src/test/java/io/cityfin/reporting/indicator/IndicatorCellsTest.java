package io.cityfin.reporting.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.cityfin.common.period.Period;
import io.cityfin.reporting.catalogue.Kind;
import io.cityfin.reporting.catalogue.Unit;
import io.cityfin.reporting.indicator.ReportFigures.ItemPeriod;

class IndicatorCellsTest {

    private static final FigurePeriods SEPTEMBER = FigurePeriods.of(Period.parse("2022-09"));
    private static final Period SEP_2022 = Period.parse("2022-09");
    private static final Period DEC_2021 = Period.parse("2021-12");
    private static final Period SEP_2021 = Period.parse("2021-09");
    private static final Period DEC_2020 = Period.parse("2020-12");

    @Test
    void showsAStockAtThePeriodItsYearStartAndAYearEarlier() {
        IndicatorCells loans = IndicatorCells.of(definition(Kind.STOCK, Formula.item("L"), "L"));

        assertThat(loans.readsYearStart()).isFalse();
        assertThat(loans.at(SEPTEMBER)).containsExactlyInAnyOrder(cell("L", SEP_2022), cell("L", DEC_2021), cell("L", SEP_2021));
    }

    @Test
    void showsAFlowAtThePeriodAndAYearEarlierOnly() {
        IndicatorCells issued = IndicatorCells.of(definition(Kind.FLOW, Formula.item("F"), "F"));

        assertThat(issued.at(SEPTEMBER)).containsExactlyInAnyOrder(cell("F", SEP_2022), cell("F", SEP_2021));
    }

    @Test
    void showsEveryPeriodOfAFlowThatReadsTheYearStart() {
        IndicatorCells increase = IndicatorCells.of(definition(Kind.FLOW, Formula.increaseSinceYearStart("L"), "L"));

        assertThat(increase.readsYearStart()).isTrue();
        assertThat(increase.at(SEPTEMBER)).containsExactlyInAnyOrder(
                cell("L", SEP_2022), cell("L", DEC_2021), cell("L", SEP_2021), cell("L", DEC_2020));
    }

    @Test
    void findsTheYearStartReadThroughADifferenceOfGrowthRates() {
        // growth of a minus growth of b: a zero answer would hide nothing, as every question gets a distinct non-zero one
        IndicatorCells gap = IndicatorCells.of(definition(Kind.RATIO, Formula.growthGapPp("A", "B"), "A", "B"));

        assertThat(gap.readsYearStart()).isTrue();
        assertThat(gap.at(SEPTEMBER)).hasSize(8).contains(cell("A", DEC_2020), cell("B", DEC_2020));
    }

    @Test
    void showsARatioAndAWeightedAverageAtThreePeriodsWithBothOfTheirItems() {
        IndicatorCells ratio = IndicatorCells.of(definition(Kind.RATIO, Formula.percentOf("N", "D"), "N", "D"));
        IndicatorCells rate = IndicatorCells.of(definition(Kind.RATIO, Formula.weightedAverage("R", "W"), "R", "W"));

        assertThat(ratio.at(SEPTEMBER)).containsExactlyInAnyOrder(cell("N", SEP_2022), cell("N", DEC_2021), cell("N", SEP_2021),
                cell("D", SEP_2022), cell("D", DEC_2021), cell("D", SEP_2021));
        assertThat(rate.readsYearStart()).isFalse();
        assertThat(rate.at(SEPTEMBER)).containsExactlyInAnyOrder(cell("R", SEP_2022), cell("R", DEC_2021), cell("R", SEP_2021),
                cell("W", SEP_2022), cell("W", DEC_2021), cell("W", SEP_2021));
    }

    @Test
    void addsAnItemTheFormulaReadsThoughItsInputsDoNotNameIt() {
        IndicatorCells loans = IndicatorCells.of(definition(Kind.STOCK, Formula.sum("L", "HIDDEN"), "L"));

        assertThat(loans.items()).containsExactlyInAnyOrder("L", "HIDDEN");
    }

    @Test
    void showsNothingBeforeTheFloor() {
        IndicatorCells increase = IndicatorCells.of(definition(Kind.FLOW, Formula.increaseSinceYearStart("L"), "L"));

        assertThat(increase.at(FigurePeriods.of(Period.parse("1990-06")))).containsExactly(cell("L", Period.parse("1990-06")));
    }

    private static IndicatorDefinition definition(Kind kind, Formula formula, String... inputs) {
        return new IndicatorDefinition("X", "X", "X", Unit.CNY, kind, formula, Set.of(inputs));
    }

    private static ItemPeriod cell(String item, Period period) {
        return new ItemPeriod(item, period);
    }
}
