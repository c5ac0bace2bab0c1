package io.cityfin.reporting.indicator;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How an indicator's unrounded value follows from the figures of a period and those of the previous December of
 * that period's year. Every factory keeps full precision ({@link java.math.MathContext#DECIMAL128}); rounding is
 * the {@link IndicatorCalculator}'s job. A missing figure or a zero base gives {@code null}, never 0.
 */
@FunctionalInterface
public interface Formula {

    /**
     * The unrounded value, or {@code null} when a figure it needs is missing or a base is zero.
     *
     * @param at the figures of the period
     * @param atYearStart the figures of the previous December of the period's year
     */
    @Nullable BigDecimal evaluate(Figures at, Figures atYearStart);

    /** The item's sum in the period. */
    static Formula item(String code) {
        return named(code, (at, atYearStart) -> at.sum(code));
    }

    /** The item's sum at the previous December, for a ratio whose base is the year start. */
    static Formula itemAtYearStart(String code) {
        return named(code + " at year start", (at, atYearStart) -> atYearStart.sum(code));
    }

    /**
     * The sum of the items. {@code null} when no part is present; when at least one is, a missing part counts as
     * 0 (nobody reported it, so it adds nothing), as an institution without a report adds nothing to a sum.
     */
    static Formula sum(String... codes) {
        return sum(Arrays.stream(codes).map(Formula::item).toArray(Formula[]::new));
    }

    /** The sum of the parts, with the missing-part rule of {@link #sum(String...)}. */
    static Formula sum(Formula... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("a sum needs at least one part");
        }
        List<Formula> all = List.of(parts);
        return named(joined(" + ", all), (at, atYearStart) -> {
            BigDecimal total = null;
            for (Formula part : all) {
                BigDecimal value = part.evaluate(at, atYearStart);
                if (value != null) {
                    total = total == null ? value : total.add(value);
                }
            }
            return total;
        });
    }

    /**
     * The strict sum of the items: {@code null} as soon as one part is missing, never a partial sum (a figure that adds
     * another service's published figure is {@code null} while that service does not answer).
     */
    static Formula total(String... codes) {
        if (codes.length == 0) {
            throw new IllegalArgumentException("a total needs at least one part");
        }
        List<String> all = List.of(codes);
        return named(String.join(" + ", all) + " (all present)", (at, atYearStart) -> {
            BigDecimal total = BigDecimal.ZERO;
            for (String code : all) {
                BigDecimal value = at.sum(code);
                if (value == null) {
                    return null;
                }
                total = total.add(value);
            }
            return total;
        });
    }

    /** The item's sum in the period minus its sum at the previous December; {@code null} if either is missing. */
    static Formula increaseSinceYearStart(String code) {
        return named(code + " − " + code + " at year start", (at, atYearStart) -> Decimals.minus(at.sum(code), atYearStart.sum(code)));
    }

    /**
     * The item's sum at the previous December minus its sum in the period: how much a stock being wound down fell
     * since the year start; {@code null} if either is missing.
     */
    static Formula decreaseSinceYearStart(String code) {
        return named(code + " at year start − " + code, (at, atYearStart) -> Decimals.minus(atYearStart.sum(code), at.sum(code)));
    }

    /** numerator / denominator × 100: a share or a rate in percent. */
    static Formula percentOf(String numerator, String denominator) {
        return percentOf(item(numerator), item(denominator));
    }

    /** numerator / denominator × 100: a share or a rate in percent. */
    static Formula percentOf(Formula numerator, Formula denominator) {
        return named(describe(numerator) + " / " + describe(denominator) + " × 100",
                (at, atYearStart) -> Decimals.percent(numerator.evaluate(at, atYearStart), denominator.evaluate(at, atYearStart)));
    }

    /** numerator / denominator: a multiple (unit TIMES). */
    static Formula times(String numerator, String denominator) {
        return times(item(numerator), item(denominator));
    }

    /** numerator / denominator: a multiple (unit TIMES). */
    static Formula times(Formula numerator, Formula denominator) {
        return named(describe(numerator) + " / " + describe(denominator),
                (at, atYearStart) -> Decimals.divide(numerator.evaluate(at, atYearStart), denominator.evaluate(at, atYearStart)));
    }

    /** numerator / denominator: an average amount per unit, such as yuan per enterprise. */
    static Formula perUnit(String numerator, String denominator) {
        return times(numerator, denominator);
    }

    /** numerator / denominator: an average amount per unit, such as yuan per enterprise. */
    static Formula perUnit(Formula numerator, Formula denominator) {
        return times(numerator, denominator);
    }

    /**
     * Σ(rate × weight) / Σ weight over the lines that carry both items; lines with a weight but no rate are left
     * out. {@code null} when no line carries both or their weights add up to 0.
     */
    static Formula weightedAverage(String rateItem, String weightItem) {
        return named("Σ(" + rateItem + " × " + weightItem + ") / Σ " + weightItem,
                (at, atYearStart) -> Decimals.divide(at.weightedSum(rateItem, weightItem), at.weightSum(rateItem, weightItem)));
    }

    /**
     * Growth since the year start of {@code a} in percent minus that of {@code b}, in percentage points;
     * {@code null} when either is missing or either year-start base is missing or zero.
     */
    static Formula growthGapPp(String a, String b) {
        return named("growth since year start of " + a + " − that of " + b + " (pp)", (at, atYearStart) -> Decimals.minus(
                Decimals.growthPct(at.sum(a), atYearStart.sum(a)),
                Decimals.growthPct(at.sum(b), atYearStart.sum(b))));
    }

    /** {@code body} described by {@code text} (the factories' formulas say what they compute, for lineage). */
    static Formula named(String text, Formula body) {
        return new Named(text, body);
    }

    /** A short description of the formula: the factories' own, else "computed". */
    static String describe(Formula formula) {
        return formula instanceof Named named ? named.text() : "computed";
    }

    private static String joined(String separator, List<Formula> parts) {
        return String.join(separator, parts.stream().map(Formula::describe).toList());
    }

    /** A formula with its description. */
    record Named(String text, Formula body) implements Formula {

        @Override
        public @Nullable BigDecimal evaluate(Figures at, Figures atYearStart) {
            return body.evaluate(at, atYearStart);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
