package io.cityfin.reporting.indicator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.cityfin.reporting.catalogue.Catalogue;
import io.cityfin.reporting.catalogue.Item;

/** Every indicator a service serves from its reports: each reportable item, then its derived indicators. */
@Component
public class IndicatorDefinitions {

    private final List<IndicatorDefinition> definitions;
    private final List<MapFigures.Weighting> weightings;

    public IndicatorDefinitions(Catalogue catalogue, Optional<DerivedIndicators> derived) {
        List<IndicatorDefinition> all = new ArrayList<>();
        catalogue.items().stream().filter(Item::indicator).map(IndicatorDefinition::of).forEach(all::add);
        all.addAll(derived.orElse(DerivedIndicators.none()).definitions());
        this.definitions = List.copyOf(all);
        this.weightings = derived.orElse(DerivedIndicators.none()).weightings();
    }

    public List<IndicatorDefinition> all() {
        return definitions;
    }

    /** The rate-and-weight pairs whose weighted sums the derived formulas read. */
    public List<MapFigures.Weighting> weightings() {
        return weightings;
    }
}
