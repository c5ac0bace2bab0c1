package io.cityfin.risk.alert;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * One version of a rule's settings as {@code PUT /alert-rules/{code}} sends it and the record machinery stores it (keyed
 * by the rule's code): whether it runs, the threshold of each colour (null: unused) and its named parameters, by name.
 */
public record AlertRuleContent(@Nullable Boolean enabled, @Nullable Thresholds thresholds, @Nullable Map<String, @Nullable BigDecimal> params) {

    public AlertRuleContent {
        params = params == null ? null : new TreeMap<>(params);
    }

    /** The threshold of each colour, lowest first; null where unused. */
    @SuppressWarnings("checkstyle:MemberName")
    public record Thresholds(@Nullable BigDecimal YELLOW, @Nullable BigDecimal ORANGE, @Nullable BigDecimal RED) {

        public @Nullable BigDecimal of(Colour colour) {
            return switch (colour) {
                case YELLOW -> YELLOW;
                case ORANGE -> ORANGE;
                case RED -> RED;
            };
        }

        static Thresholds of(Map<Colour, BigDecimal> thresholds) {
            return new Thresholds(thresholds.get(Colour.YELLOW), thresholds.get(Colour.ORANGE), thresholds.get(Colour.RED));
        }
    }

    /** The content a rule's default settings would be stored as. */
    public static AlertRuleContent of(RuleSettings settings) {
        return new AlertRuleContent(settings.enabled(), Thresholds.of(settings.thresholds()), new LinkedHashMap<>(settings.params()));
    }

    /** The settings this content stands for; only for content that passed {@link AlertRuleType}'s checks. */
    public RuleSettings settings() {
        Map<Colour, BigDecimal> byColour = new EnumMap<>(Colour.class);
        for (Colour colour : Colour.values()) {
            BigDecimal threshold = thresholds == null ? null : thresholds.of(colour);
            if (threshold != null) {
                byColour.put(colour, threshold);
            }
        }
        Map<String, BigDecimal> named = new LinkedHashMap<>();
        if (params != null) {
            params.forEach((name, value) -> {
                if (value != null) {
                    named.put(name, value);
                }
            });
        }
        return new RuleSettings(Boolean.TRUE.equals(enabled), byColour, named);
    }
}
