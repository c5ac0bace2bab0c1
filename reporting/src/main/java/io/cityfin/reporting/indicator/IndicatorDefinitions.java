package io.cityfin.reporting.indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.cityfin.reporting.catalogue.Catalogue;
import io.cityfin.reporting.catalogue.Item;

/**
 * Every indicator a service serves from its reports: each reportable item, then its derived indicators; and, for
 * targets only, the indicators it computes from records ({@link RecordIndicators}).
 */
@Component
public class IndicatorDefinitions {

    private final List<IndicatorDefinition> definitions;
    private final List<MapFigures.Weighting> weightings;
    private final List<IndicatorDefinition> targetable;

    public IndicatorDefinitions(Catalogue catalogue, Optional<DerivedIndicators> derived, ObjectProvider<RecordIndicators> records) {
        List<IndicatorDefinition> fromRecords = records.orderedStream().flatMap(r -> r.definitions().stream()).toList();
        List<IndicatorDefinition> all = new ArrayList<>();
        catalogue.items().stream().filter(Item::indicator).map(IndicatorDefinition::of).forEach(all::add);
        all.addAll(derived.orElse(DerivedIndicators.none()).definitions());
        this.definitions = List.copyOf(all);
        this.weightings = derived.orElse(DerivedIndicators.none()).weightings();
        List<IndicatorDefinition> withRecords = new ArrayList<>(definitions);
        withRecords.addAll(fromRecords);
        this.targetable = List.copyOf(withRecords);
    }

    /** The indicators computed from reports. */
    public List<IndicatorDefinition> all() {
        return definitions;
    }

    /** Every indicator a target may name: those from reports, then those from records. */
    public List<IndicatorDefinition> targetable() {
        return targetable;
    }

    /** The rate-and-weight pairs whose weighted sums the derived formulas read. */
    public List<MapFigures.Weighting> weightings() {
        return weightings;
    }
}
