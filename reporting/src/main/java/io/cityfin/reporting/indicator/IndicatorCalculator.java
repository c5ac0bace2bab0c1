package io.cityfin.reporting.indicator;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.common.period.Period;
import io.cityfin.reporting.catalogue.Kind;
import io.cityfin.reporting.catalogue.Unit;

/**
 * Turns an indicator's definition and the figures of its four periods into the contract's indicator, following
 * data-standard.md "How every indicator is derived" and "Targets". Everything is computed from unrounded figures;
 * only the output is rounded, half-up: amounts, percents and multiples to 2 decimals, counts to whole numbers, every
 * {@code ...Pct} to 2 decimals. A missing or zero base gives {@code null}, never 0.
 */
public final class IndicatorCalculator {

    private static final int PCT_SCALE = 2;

    private IndicatorCalculator() {
    }

    /**
     * The indicator for {@code period} (as asked: a quarter stays a quarter, so its year-elapsed share is its own),
     * computed from the figures of {@link FigurePeriods#of(Period)}.
     *
     * <ul>
     *   <li>value = formula(P, Dec y−1); previousYearValue = formula(P−1y, Dec y−2), for every kind.</li>
     *   <li>STOCK and RATIO: yearStartValue = formula(Dec y−1, Dec y−2) and changeSinceYearStart = value −
     *       yearStartValue; FLOW restarts each January and has neither.</li>
     *   <li>growthSinceYearStartPct (STOCK) and yoyPct (STOCK, FLOW) are the change over its base × 100; a RATIO has
     *       neither, its changes being in its own unit (percentage points for PERCENT).</li>
     *   <li>Target fields are {@code null} without a target or without a value. onTrack for FLOW and INCREASE
     *       compares targetProgressPct as published (2 decimals) with yearElapsedPct as published, so it always
     *       agrees with the two figures shown; BALANCE compares amounts: (value − yearStartValue) ≥ (target −
     *       yearStartValue) × yearElapsedPct / 100, or value ≥ target when the target is below yearStartValue,
     *       {@code null} without a yearStartValue.</li>
     *   <li>Suppressed: every figure and target field is {@code null}; the coverage stays.</li>
     * </ul>
     *
     * @param target the city-wide target for the period's year; {@code null} when none is set and in region views
     * @param source the serving service, such as {@code credit-service}
     * @throws IllegalArgumentException when the target belongs to another indicator or its kind does not fit
     */
    public static IndicatorDto compute(IndicatorDefinition definition, Period period, PeriodFigures figures,
            @Nullable Target target, Coverage coverage, boolean suppressed, String source) {
        return compute(definition, period, figures, target, coverage, suppressed, source, List.of());
    }

    /**
     * As {@link #compute(IndicatorDefinition, Period, PeriodFigures, Target, Coverage, boolean, String)}, for an
     * indicator that draws on other services' published figures: while any of them did not answer
     * ({@code inputsUnavailable} names them), every figure and target field is {@code null}, never a partial sum, and
     * the indicator names them in {@code inputsUnavailable}; empty gives {@code null} there.
     */
    public static IndicatorDto compute(IndicatorDefinition definition, Period period, PeriodFigures figures,
            @Nullable Target target, Coverage coverage, boolean suppressed, String source, List<String> inputsUnavailable) {
        if (target != null) {
            checkFits(definition, target);
        }
        IndicatorDto indicator = new IndicatorDto()
                .code(definition.code())
                .nameZh(definition.nameZh())
                .nameEn(definition.nameEn())
                .unit(IndicatorDto.UnitEnum.valueOf(definition.unit().name()))
                .kind(IndicatorDto.KindEnum.valueOf(definition.kind().name()))
                .reportingInstitutions(coverage.reportingInstitutions())
                .expectedInstitutions(coverage.expectedInstitutions())
                .complete(coverage.complete())
                .suppressed(suppressed)
                .source(source)
                .inputsUnavailable(inputsUnavailable.isEmpty() ? null : List.copyOf(inputsUnavailable));
        if (suppressed || !inputsUnavailable.isEmpty()) {
            return withFigures(indicator, Computed.NONE, definition.unit());
        }
        return withFigures(indicator, computed(definition, period, figures, target), definition.unit());
    }

    private static Computed computed(IndicatorDefinition definition, Period period, PeriodFigures figures,
            @Nullable Target target) {
        Formula formula = definition.formula();
        Kind kind = definition.kind();
        BigDecimal value = formula.evaluate(figures.at(), figures.yearStart());
        BigDecimal yearStart = kind == Kind.FLOW ? null : formula.evaluate(figures.yearStart(), figures.previousYearStart());
        BigDecimal change = Decimals.minus(value, yearStart);
        BigDecimal growthPct = kind == Kind.STOCK ? Decimals.percent(change, yearStart) : null;
        BigDecimal previousYear = formula.evaluate(figures.previousYear(), figures.previousYearStart());
        BigDecimal yoyChange = Decimals.minus(value, previousYear);
        BigDecimal yoyPct = kind == Kind.RATIO ? null : Decimals.percent(yoyChange, previousYear);
        if (target == null || value == null) {
            return new Computed(value, yearStart, change, growthPct, previousYear, yoyChange, yoyPct, null, null, null);
        }
        BigDecimal elapsedPct = period.yearElapsedPct();
        BigDecimal goal = target.value();
        BigDecimal progressPct;
        Boolean onTrack;
        switch (target.kind()) {
            case FLOW -> {
                progressPct = Decimals.percent(value, goal);
                onTrack = atLeastElapsed(progressPct, elapsedPct);
            }
            case INCREASE -> {
                progressPct = Decimals.percent(change, goal);
                onTrack = atLeastElapsed(progressPct, elapsedPct);
            }
            case BALANCE -> {
                progressPct = Decimals.percent(value, goal);
                onTrack = balanceOnTrack(value, yearStart, goal, elapsedPct);
            }
            default -> throw new IllegalStateException("unknown target kind " + target.kind());
        }
        return new Computed(value, yearStart, change, growthPct, previousYear, yoyChange, yoyPct, goal, progressPct,
                onTrack);
    }

    private static @Nullable Boolean atLeastElapsed(@Nullable BigDecimal progressPct, BigDecimal elapsedPct) {
        BigDecimal published = Decimals.round(progressPct, PCT_SCALE);
        return published == null ? null : published.compareTo(elapsedPct) >= 0;
    }

    private static @Nullable Boolean balanceOnTrack(BigDecimal value, @Nullable BigDecimal yearStart, BigDecimal goal,
            BigDecimal elapsedPct) {
        if (yearStart == null) {
            return null;
        }
        if (goal.compareTo(yearStart) < 0) {
            return value.compareTo(goal) >= 0;
        }
        BigDecimal dueByNow = goal.subtract(yearStart).multiply(elapsedPct).movePointLeft(2);
        return value.subtract(yearStart).compareTo(dueByNow) >= 0;
    }

    private static void checkFits(IndicatorDefinition definition, Target target) {
        if (!target.indicator().equals(definition.code())) {
            throw new IllegalArgumentException(
                    "target of " + target.indicator() + " given for indicator " + definition.code());
        }
        if (!target.kind().fits(definition.kind())) {
            throw new IllegalArgumentException("a " + target.kind() + " target does not fit " + definition.code()
                    + ", a " + definition.kind() + " indicator");
        }
    }

    private static IndicatorDto withFigures(IndicatorDto indicator, Computed computed, Unit unit) {
        int scale = scaleOf(unit);
        return indicator
                .value(Decimals.round(computed.value(), scale))
                .yearStartValue(Decimals.round(computed.yearStart(), scale))
                .changeSinceYearStart(Decimals.round(computed.change(), scale))
                .growthSinceYearStartPct(Decimals.round(computed.growthPct(), PCT_SCALE))
                .previousYearValue(Decimals.round(computed.previousYear(), scale))
                .yoyChange(Decimals.round(computed.yoyChange(), scale))
                .yoyPct(Decimals.round(computed.yoyPct(), PCT_SCALE))
                .target(Decimals.round(computed.target(), scale))
                .targetProgressPct(Decimals.round(computed.targetProgressPct(), PCT_SCALE))
                .onTrack(computed.onTrack());
    }

    private static int scaleOf(Unit unit) {
        return unit.isCount() ? 0 : 2;
    }

    /** The unrounded results. */
    private record Computed(@Nullable BigDecimal value, @Nullable BigDecimal yearStart, @Nullable BigDecimal change,
                            @Nullable BigDecimal growthPct, @Nullable BigDecimal previousYear,
                            @Nullable BigDecimal yoyChange, @Nullable BigDecimal yoyPct, @Nullable BigDecimal target,
                            @Nullable BigDecimal targetProgressPct, @Nullable Boolean onTrack) {

        static final Computed NONE = new Computed(null, null, null, null, null, null, null, null, null, null);
    }
}
