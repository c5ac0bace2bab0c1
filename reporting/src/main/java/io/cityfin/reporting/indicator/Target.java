package io.cityfin.reporting.indicator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/** The city-wide annual target of one indicator for one year. */
public record Target(String indicator, TargetKind kind, BigDecimal value) {

    public Target {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    /** The target of {@code indicator} among {@code targets}; null when there is none. */
    public static @Nullable Target of(List<Target> targets, String indicator) {
        return targets.stream().filter(target -> target.indicator().equals(indicator)).findFirst().orElse(null);
    }
}
