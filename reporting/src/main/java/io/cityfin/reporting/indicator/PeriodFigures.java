package io.cityfin.reporting.indicator;

/**
 * The figures of the four {@link FigurePeriods}: at the period P, at P's previous December (December of year y−1),
 * at the same period a year earlier (P−1y) and at that one's previous December (December of y−2).
 */
public record PeriodFigures(Figures at, Figures yearStart, Figures previousYear, Figures previousYearStart) {

    public static PeriodFigures empty() {
        return new PeriodFigures(Figures.empty(), Figures.empty(), Figures.empty(), Figures.empty());
    }
}
