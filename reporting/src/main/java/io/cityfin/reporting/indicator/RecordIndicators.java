package io.cityfin.reporting.indicator;

import java.util.ArrayList;
import java.util.List;

/**
 * Indicators a service computes from records or registries, declared as a bean: the measures ({@link RecordRows})
 * and indicators derived from their figures by a formula (DIRECT_FINANCING_YTD = Σ of four channels). The machinery
 * serves them with targets but without coverage or disclosure control; targets may name them.
 */
public record RecordIndicators(List<RecordMeasure<?>> measures, List<IndicatorDefinition> derived) {

    public RecordIndicators {
        measures = List.copyOf(measures);
        derived = List.copyOf(derived);
    }

    public static RecordIndicators of(RecordMeasure<?>... measures) {
        return new RecordIndicators(List.of(measures), List.of());
    }

    /** The same measures plus indicators derived from their figures. */
    public RecordIndicators with(IndicatorDefinition... more) {
        List<IndicatorDefinition> all = new ArrayList<>(derived);
        all.addAll(List.of(more));
        return new RecordIndicators(measures, all);
    }

    /** Every indicator served: the measured ones, then the derived ones. */
    public List<IndicatorDefinition> definitions() {
        List<IndicatorDefinition> all = new ArrayList<>();
        measures.forEach(measure -> all.add(measure.definition()));
        all.addAll(derived);
        return all;
    }
}
