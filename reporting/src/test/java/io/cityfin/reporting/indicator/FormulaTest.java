package io.cityfin.reporting.indicator;

import static io.cityfin.reporting.indicator.CreditFixtures.amount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;

import org.junit.jupiter.api.Test;

class FormulaTest {

    private static final Figures AT = MapFigures.builder()
            .add("DEPOSIT_BALANCE", amount("316,587,000,000.00"))
            .add("LOAN_BALANCE", amount("292,607,000,000.00"))
            .add("ONE", amount("1"))
            .add("THREE", amount("3"))
            .add("EIGHT_HUNDRED", amount("800"))
            .add("ZERO", amount("0.00"))
            .addWeighted("RATE", "AMOUNT", amount("18,710,000,000"), amount("4,000,000,000"))
            .addWeighted("RATE", "ZERO_AMOUNT", amount("0"), amount("0"))
            .build();
    private static final Figures AT_YEAR_START = MapFigures.of(Map.of(
            "DEPOSIT_BALANCE", amount("280,243,000,000.00"),
            "LOAN_BALANCE", amount("258,765,000,000.00")));

    @Test
    void readsAnItemInThePeriodOrAtTheYearStart() {
        assertThat(Formula.item("DEPOSIT_BALANCE").evaluate(AT, AT_YEAR_START)).isEqualTo(amount("316587000000.00"));
        assertThat(Formula.itemAtYearStart("DEPOSIT_BALANCE").evaluate(AT, AT_YEAR_START))
                .isEqualTo(amount("280243000000.00"));
        assertThat(Formula.item("NOBODY_REPORTED").evaluate(AT, AT_YEAR_START)).isNull();
    }

    @Test
    void addsItsParts() {
        // 316,587,000,000 + 292,607,000,000
        assertThat(Formula.sum("DEPOSIT_BALANCE", "LOAN_BALANCE").evaluate(AT, AT_YEAR_START))
                .isEqualTo(amount("609,194,000,000.00"));
    }

    @Test
    void countsAMissingPartAsZeroWhileAnotherPartIsPresent() {
        assertThat(Formula.sum("DEPOSIT_BALANCE", "NOBODY_REPORTED").evaluate(AT, AT_YEAR_START))
                .isEqualTo(amount("316,587,000,000.00"));
    }

    @Test
    void givesNoSumWhenEveryPartIsMissing() {
        assertThat(Formula.sum("NOBODY_REPORTED", "NOR_THIS").evaluate(AT, AT_YEAR_START)).isNull();
    }

    @Test
    void totalsEveryPartStrictlyAndGivesNoTotalWhenAnyPartIsMissing() {
        // 316,587,000,000 + 292,607,000,000, as the lenient sum; one missing part: null, never a partial total
        assertThat(Formula.total("DEPOSIT_BALANCE", "LOAN_BALANCE").evaluate(AT, AT_YEAR_START))
                .isEqualTo(amount("609,194,000,000.00"));
        assertThat(Formula.total("DEPOSIT_BALANCE", "NOBODY_REPORTED").evaluate(AT, AT_YEAR_START)).isNull();
        assertThatIllegalArgumentException().isThrownBy(() -> Formula.total());
    }

    @Test
    void refusesASumOfNothing() {
        assertThatIllegalArgumentException().isThrownBy(() -> Formula.sum(new String[0]));
    }

    @Test
    void increasesSinceTheYearStartOnlyWithBothFigures() {
        // 316,587,000,000 − 280,243,000,000
        assertThat(Formula.increaseSinceYearStart("DEPOSIT_BALANCE").evaluate(AT, AT_YEAR_START))
                .isEqualTo(amount("36,344,000,000.00"));
        assertThat(Formula.increaseSinceYearStart("ONE").evaluate(AT, AT_YEAR_START)).isNull();
        assertThat(Formula.increaseSinceYearStart("DEPOSIT_BALANCE").evaluate(Figures.empty(), AT_YEAR_START)).isNull();
    }

    @Test
    void takesAPercentAtFullPrecision() {
        // 1 / 800 × 100 = 0.125
        assertThat(Formula.percentOf("ONE", "EIGHT_HUNDRED").evaluate(AT, AT_YEAR_START))
                .isEqualByComparingTo(amount("0.125"));
        // 1 / 3 × 100 = 33.33…, to 34 significant digits
        assertThat(Formula.percentOf("ONE", "THREE").evaluate(AT, AT_YEAR_START))
                .isEqualTo(amount("33.33333333333333333333333333333333"));
    }

    @Test
    void takesNoPercentOfAMissingOrZeroBaseOrOfAMissingPart() {
        assertThat(Formula.percentOf("ONE", "ZERO").evaluate(AT, AT_YEAR_START)).isNull();
        assertThat(Formula.percentOf("ONE", "NOBODY_REPORTED").evaluate(AT, AT_YEAR_START)).isNull();
        assertThat(Formula.percentOf("NOBODY_REPORTED", "THREE").evaluate(AT, AT_YEAR_START)).isNull();
    }

    @Test
    void dividesForMultiplesAndAveragesPerUnit() {
        // 800 / 3 = 266.66…, to 34 significant digits, the last rounded up
        assertThat(Formula.times("EIGHT_HUNDRED", "THREE").evaluate(AT, AT_YEAR_START))
                .isEqualTo(amount("266.6666666666666666666666666666667"));
        // 3 / 800 = 0.00375
        assertThat(Formula.perUnit("THREE", "EIGHT_HUNDRED").evaluate(AT, AT_YEAR_START))
                .isEqualByComparingTo(amount("0.00375"));
        assertThat(Formula.times("THREE", "ZERO").evaluate(AT, AT_YEAR_START)).isNull();
        assertThat(Formula.perUnit("THREE", "NOBODY_REPORTED").evaluate(AT, AT_YEAR_START)).isNull();
    }

    @Test
    void combinesFormulasSuchAsADecreaseOverTheYearStartBalance() {
        Formula reductionPct = Formula.percentOf(Formula.item("ONE"), Formula.itemAtYearStart("DEPOSIT_BALANCE"));
        Formula total = Formula.sum(Formula.item("ONE"), Formula.item("THREE"));

        // 1 / 280,243,000,000 × 100 = 3.5683…e−10
        assertThat(reductionPct.evaluate(AT, AT_YEAR_START)).isBetween(amount("3.568e-10"), amount("3.569e-10"));
        // 1 + 3
        assertThat(total.evaluate(AT, AT_YEAR_START)).isEqualByComparingTo(amount("4"));
    }

    @Test
    void averagesARateWeightedByItsAmount() {
        // 18,710,000,000 / 4,000,000,000 = 4.6775
        assertThat(Formula.weightedAverage("RATE", "AMOUNT").evaluate(AT, AT_YEAR_START))
                .isEqualByComparingTo(amount("4.6775"));
    }

    @Test
    void averagesNoRateWithoutWeightsOrWithWeightsAddingUpToZero() {
        assertThat(Formula.weightedAverage("RATE", "NOBODY_REPORTED").evaluate(AT, AT_YEAR_START)).isNull();
        assertThat(Formula.weightedAverage("RATE", "ZERO_AMOUNT").evaluate(AT, AT_YEAR_START)).isNull();
    }

    @Test
    void subtractsOneGrowthSinceTheYearStartFromAnother() {
        Figures at = MapFigures.of(Map.of("A", amount("120"), "B", amount("110")));
        Figures yearStart = MapFigures.of(Map.of("A", amount("100"), "B", amount("100")));

        // (120 − 100) / 100 × 100 − (110 − 100) / 100 × 100 = 20 − 10
        assertThat(Formula.growthGapPp("A", "B").evaluate(at, yearStart)).isEqualByComparingTo(amount("10"));
    }

    @Test
    void givesNoGrowthGapWithoutBothGrowths() {
        Figures at = MapFigures.of(Map.of("A", amount("120"), "B", amount("110")));

        assertThat(Formula.growthGapPp("A", "B").evaluate(at, MapFigures.of(Map.of("B", amount("100"))))).isNull();
        assertThat(Formula.growthGapPp("A", "B")
                .evaluate(at, MapFigures.of(Map.of("A", amount("100"), "B", amount("0"))))).isNull();
        assertThat(Formula.growthGapPp("A", "C")
                .evaluate(at, MapFigures.of(Map.of("A", amount("100"), "C", amount("100"))))).isNull();
    }

    @Test
    void saysWhatEachFactoryComputesForTheLineage() {
        assertThat(Formula.describe(Formula.item("A"))).isEqualTo("A");
        assertThat(Formula.describe(Formula.increaseSinceYearStart("A"))).isEqualTo("A − A at year start");
        assertThat(Formula.describe(Formula.percentOf("N", "D"))).isEqualTo("N / D × 100");
        assertThat(Formula.describe(Formula.sum("A", "B"))).isEqualTo("A + B");
        assertThat(Formula.describe(Formula.weightedAverage("R", "W"))).isEqualTo("Σ(R × W) / Σ W");
        assertThat(Formula.describe((at, atYearStart) -> null)).isEqualTo("computed");
    }
}
