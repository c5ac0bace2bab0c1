package io.cityfin.reporting.indicator;

import java.math.BigDecimal;
import java.util.Objects;

/** The city-wide annual target of one indicator for one year. */
public record Target(String indicator, TargetKind kind, BigDecimal value) {

    public Target {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }
}
