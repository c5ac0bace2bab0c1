package io.cityfin.reporting.indicator;

import io.cityfin.common.period.Period;

/**
 * The four periods whose figures an indicator of a period needs: the period P whose figures are shown (a quarter or
 * a year shows its last month), P's previous December, the same period a year earlier and that one's previous
 * December. A ten-day period reads ten-day figures at P and a year earlier, monthly figures at both Decembers.
 */
public record FigurePeriods(Period at, Period yearStart, Period previousYear, Period previousYearStart) {

    /** The periods behind the period a caller asks for. */
    public static FigurePeriods of(Period asked) {
        Period at = asked.reportingPeriod();
        Period previousYear = at.sameLastYear();
        return new FigurePeriods(at, at.previousDecember(), previousYear, previousYear.previousDecember());
    }
}
