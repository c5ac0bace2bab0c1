package io.cityfin.reporting.indicator;

import java.util.List;

/**
 * Indicators a service computes from records (investments, pipelines) in an {@link IndicatorSource} of its own,
 * declared as a bean so that targets may name them. The report-based indicators never include them.
 */
public record RecordIndicators(List<IndicatorDefinition> definitions) {

    public RecordIndicators {
        definitions = List.copyOf(definitions);
    }
}
