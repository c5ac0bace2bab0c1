package io.cityfin.reporting.indicator;

import java.util.List;

/**
 * What a service derives from its report lines (one bean): the derived indicators, and the rate-and-weight pairs
 * whose line-level weighted sums their formulas read.
 */
public record DerivedIndicators(List<IndicatorDefinition> definitions, List<MapFigures.Weighting> weightings) {

    public DerivedIndicators {
        definitions = List.copyOf(definitions);
        weightings = List.copyOf(weightings);
    }

    public static DerivedIndicators none() {
        return new DerivedIndicators(List.of(), List.of());
    }
}
