package io.cityfin.risk.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.cityfin.common.period.Period;
import io.cityfin.common.problem.FieldError;
import reactor.core.publisher.Mono;

/** The settings refusals of data-standard-2.md, "Alert rules and alerts", on a rule with ORANGE and RED only and one parameter. */
class AlertRuleTypeTest {

    /** ORANGE 30, RED 90 (no YELLOW), parameter {@code years} 2. */
    private static final AlertRule RULE = new AlertRule() {
        @Override
        public String code() {
            return "TEST_RULE";
        }

        @Override
        public String nameZh() {
            return "测试";
        }

        @Override
        public String nameEn() {
            return "Test";
        }

        @Override
        public String subjectKind() {
            return "LEAD";
        }

        @Override
        public RuleSettings defaults() {
            return new RuleSettings(true, Map.of(Colour.ORANGE, BigDecimal.valueOf(30), Colour.RED, BigDecimal.valueOf(90)),
                    Map.of("years", BigDecimal.valueOf(2)));
        }

        @Override
        public Mono<List<Finding>> evaluate(Period period, RuleSettings settings) {
            return Mono.just(List.of());
        }
    };

    @Test
    void acceptsTheDefaultsAndAColourLeftUnused() {
        assertThat(AlertRuleType.faults(AlertRuleContent.of(RULE.defaults()), RULE)).isEmpty();
        assertThat(AlertRuleType.faults(content(true, null, null, "90", Map.of("years", "3")), RULE)).isEmpty();
    }

    @Test
    void refusesThresholdsNotStrictlyRising() {
        assertThat(AlertRuleType.faults(content(true, null, "90", "90", Map.of("years", "2")), RULE))
                .extracting(FieldError::pointer, FieldError::code).containsExactly(org.assertj.core.groups.Tuple.tuple("/thresholds/RED",
                        "THRESHOLDS_NOT_RISING"));
        assertThat(AlertRuleType.faults(content(true, null, "90", "30", Map.of("years", "2")), RULE))
                .extracting(FieldError::code).containsExactly("THRESHOLDS_NOT_RISING");
    }

    @Test
    void refusesAColourTheRuleDoesNotUse() {
        assertThat(AlertRuleType.faults(content(true, "10", "30", "90", Map.of("years", "2")), RULE))
                .extracting(FieldError::pointer, FieldError::code).containsExactly(org.assertj.core.groups.Tuple.tuple("/thresholds/YELLOW",
                        "COLOUR_NOT_USED"));
    }

    @Test
    void refusesUnknownMissingAndNegativeParametersAndMissingMembersAllAtOnce() {
        assertThat(AlertRuleType.faults(new AlertRuleContent(null, null, Map.of("months", BigDecimal.ONE)), RULE))
                .extracting(FieldError::pointer, FieldError::code).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/enabled", "MISSING_VALUE"),
                        org.assertj.core.groups.Tuple.tuple("/thresholds", "MISSING_VALUE"),
                        org.assertj.core.groups.Tuple.tuple("/params/months", "UNKNOWN_PARAMETER"),
                        org.assertj.core.groups.Tuple.tuple("/params/years", "MISSING_VALUE"));
        assertThat(AlertRuleType.faults(content(true, null, "-1", "90", Map.of("years", "-2")), RULE))
                .extracting(FieldError::code).containsExactly("THRESHOLD_OUT_OF_RANGE", "PARAMETER_OUT_OF_RANGE");
    }

    @Test
    void theSettingsOfAContentKeepOnlyTheColoursSet() {
        RuleSettings settings = content(false, null, null, "90", Map.of("years", "3")).settings();

        assertThat(settings.enabled()).isFalse();
        assertThat(settings.thresholds()).containsOnlyKeys(Colour.RED);
        assertThat(settings.colourAtLeast(BigDecimal.valueOf(120))).contains(Colour.RED);
        assertThat(settings.colourAtLeast(BigDecimal.valueOf(60))).isEmpty();
        assertThat(settings.param("years")).isEqualByComparingTo("3");
    }

    private static AlertRuleContent content(boolean enabled, @Nullable String yellow, @Nullable String orange, @Nullable String red,
                                            Map<String, String> params) {
        Map<String, @Nullable BigDecimal> values = new java.util.LinkedHashMap<>();
        params.forEach((name, value) -> values.put(name, new BigDecimal(value)));
        return new AlertRuleContent(enabled, new AlertRuleContent.Thresholds(decimal(yellow), decimal(orange), decimal(red)), values);
    }

    private static @Nullable BigDecimal decimal(@Nullable String text) {
        return text == null ? null : new BigDecimal(text);
    }
}
