package io.cityfin.risk.alert;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A rule's configuration (one version of it): whether it runs, the threshold of each colour (a colour absent or null
 * is unused; the ones present rise strictly YELLOW &lt; ORANGE &lt; RED) and its named parameters (such as
 * MICROLOAN_REVOCATION_DUE's {@code years} and {@code cureMonths}).
 */
public record RuleSettings(boolean enabled, Map<Colour, BigDecimal> thresholds, Map<String, BigDecimal> params) {

    public RuleSettings {
        thresholds = thresholds.isEmpty() ? Map.of() : new EnumMap<>(thresholds);
        params = Map.copyOf(new LinkedHashMap<>(params));
    }

    /** The threshold of {@code colour}, if it is used. */
    public Optional<BigDecimal> threshold(Colour colour) {
        return Optional.ofNullable(thresholds.get(colour));
    }

    /** A parameter the rule needs; its default settings always carry it. */
    public BigDecimal param(String name) {
        BigDecimal value = params.get(name);
        if (value == null) {
            throw new IllegalStateException("no parameter " + name);
        }
        return value;
    }

    /**
     * What a rule finds for one subject measured at {@code value}: coloured by the highest threshold it meets
     * ({@code value ≥ threshold}), with that threshold; empty below every threshold.
     */
    public Optional<Finding> findingAtLeast(String subject, String subjectName, String region, BigDecimal value) {
        return colourAtLeast(value).map(colour -> new Finding(subject, subjectName, region, value, colour, thresholds.get(colour)));
    }

    /** As {@link #findingAtLeast}, for a rule whose thresholds must be exceeded ({@code value > threshold}). */
    public Optional<Finding> findingAbove(String subject, String subjectName, String region, BigDecimal value) {
        return colourAbove(value).map(colour -> new Finding(subject, subjectName, region, value, colour, thresholds.get(colour)));
    }

    /** The highest colour whose threshold {@code value} meets ({@code value ≥ threshold}), if any. */
    public Optional<Colour> colourAtLeast(BigDecimal value) {
        return highest(value, false);
    }

    /** The highest colour whose threshold {@code value} exceeds ({@code value > threshold}), if any. */
    public Optional<Colour> colourAbove(BigDecimal value) {
        return highest(value, true);
    }

    private Optional<Colour> highest(BigDecimal value, boolean strictly) {
        Colour found = null;
        for (Colour colour : Colour.values()) {
            @Nullable BigDecimal threshold = thresholds.get(colour);
            if (threshold != null && (strictly ? value.compareTo(threshold) > 0 : value.compareTo(threshold) >= 0)) {
                found = colour;
            }
        }
        return Optional.ofNullable(found);
    }
}
