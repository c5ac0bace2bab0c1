package io.cityfin.reporting.indicator;

import java.util.function.Function;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.period.Period;

/**
 * The four periods whose figures an indicator of a period needs: the period P whose figures are shown (a quarter or
 * a year shows its last month), P's previous December, the same period a year earlier and that one's previous
 * December. A ten-day period reads ten-day figures at P and a year earlier, monthly figures at both Decembers.
 * A period that would fall before {@link Period#MIN_YEAR} is {@code null}: it has no figures, so every comparison
 * drawn from it is {@code null} too (an answer about {@code 1990-06} has no year start and no year earlier).
 */
public record FigurePeriods(Period at, @Nullable Period yearStart, @Nullable Period previousYear,
                            @Nullable Period previousYearStart) {

    /** The periods behind the period a caller asks for. */
    public static FigurePeriods of(Period asked) {
        Period at = asked.reportingPeriod();
        Period previousYear = at.sameLastYear().orElse(null);
        return new FigurePeriods(at, at.previousDecember().orElse(null), previousYear,
                previousYear == null ? null : previousYear.previousDecember().orElse(null));
    }

    /** The periods there are, each once (P's previous December is the year start of P and P−1y's December). */
    public Stream<Period> existing() {
        return Stream.of(at, yearStart, previousYear, previousYearStart).filter(period -> period != null).distinct();
    }

    /** The figures of the four periods as {@code read} gives them; a period before the floor has none. */
    public PeriodFigures figures(Function<Period, Figures> read) {
        return new PeriodFigures(read.apply(at), readOrEmpty(read, yearStart), readOrEmpty(read, previousYear),
                readOrEmpty(read, previousYearStart));
    }

    private static Figures readOrEmpty(Function<Period, Figures> read, @Nullable Period period) {
        return period == null ? Figures.empty() : read.apply(period);
    }
}
