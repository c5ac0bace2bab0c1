package io.cityfin.reporting.indicator;

import java.util.Objects;
import java.util.Set;

import io.cityfin.reporting.catalogue.Item;
import io.cityfin.reporting.catalogue.Kind;
import io.cityfin.reporting.catalogue.Unit;

/** An indicator a service serves: its code, names, unit, kind, the formula and the items the formula reads. */
public record IndicatorDefinition(String code, String nameZh, String nameEn, Unit unit, Kind kind, Formula formula,
                                  Set<String> inputs) {

    public IndicatorDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(nameZh, "nameZh");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(formula, "formula");
        inputs = Set.copyOf(inputs);
    }

    /**
     * A submitted item served as an indicator of its own: its city or region sum. An item that only feeds another
     * indicator (a rate that feeds a weighted average) is not an indicator and is refused.
     */
    public static IndicatorDefinition of(Item item) {
        if (!item.indicator()) {
            throw new IllegalArgumentException(item.code() + " only feeds other indicators and is no indicator itself");
        }
        return new IndicatorDefinition(item.code(), item.nameZh(), item.nameEn(), item.unit(), item.kind(),
                Formula.item(item.code()), Set.of(item.code()));
    }
}
