package io.cityfin.risk.alert;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.cityfin.common.identity.AccessRule;
import io.cityfin.common.problem.FieldError;
import io.cityfin.reporting.record.RecordContext;
import io.cityfin.reporting.record.StaffRecordType;
import reactor.core.publisher.Mono;

/**
 * Rule settings on the record machinery (collection {@code alert-rules}, natural key the rule's code): versions, ETag
 * and If-Match as for every record; ADMIN writes, ADMIN and ANALYST read. Refused: a missing member, a colour the
 * rule does not use, thresholds not strictly rising YELLOW &lt; ORANGE &lt; RED among those set, a threshold or
 * parameter below 0, an unknown or missing parameter.
 */
final class AlertRuleType implements StaffRecordType<AlertRuleContent> {

    static final String COLLECTION = "alert-rules";
    static final BigDecimal MAX = new BigDecimal("1000000000000000");

    private final Map<String, AlertRule> rules;

    AlertRuleType(Map<String, AlertRule> rules) {
        this.rules = rules;
    }

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public Class<AlertRuleContent> contentType() {
        return AlertRuleContent.class;
    }

    @Override
    public AccessRule writer(AlertRuleContent content) {
        return AccessRule.admin();
    }

    @Override
    public Mono<List<FieldError>> faults(AlertRuleContent content, RecordContext context) {
        AlertRule rule = context.key() == null ? null : rules.get(context.key());
        return Mono.just(rule == null ? List.of(FieldError.atPointer("", "UNKNOWN_RULE", "No such alert rule.")) : faults(content, rule));
    }

    static List<FieldError> faults(AlertRuleContent content, AlertRule rule) {
        List<FieldError> faults = new ArrayList<>();
        if (content.enabled() == null) {
            faults.add(FieldError.atPointer("/enabled", "MISSING_VALUE", "enabled is required: true or false."));
        }
        RuleSettings defaults = rule.defaults();
        if (content.thresholds() == null) {
            faults.add(FieldError.atPointer("/thresholds", "MISSING_VALUE", "thresholds is required: YELLOW, ORANGE and RED, each a number or null."));
        } else {
            BigDecimal previous = null;
            Colour previousColour = null;
            for (Colour colour : Colour.values()) {
                BigDecimal threshold = content.thresholds().of(colour);
                if (threshold == null) {
                    continue;
                }
                String pointer = "/thresholds/" + colour.name();
                if (defaults.threshold(colour).isEmpty()) {
                    faults.add(FieldError.atPointer(pointer, "COLOUR_NOT_USED", rule.code() + " does not use " + colour + ": leave it null."));
                } else if (threshold.signum() < 0 || threshold.compareTo(MAX) >= 0) {
                    faults.add(FieldError.atPointer(pointer, "THRESHOLD_OUT_OF_RANGE", "A threshold is 0 or more and below 10^15."));
                } else if (previous != null && threshold.compareTo(previous) <= 0) {
                    faults.add(FieldError.atPointer(pointer, "THRESHOLDS_NOT_RISING",
                            "Thresholds rise strictly YELLOW < ORANGE < RED: " + colour + " is not above " + previousColour + "."));
                }
                if (defaults.threshold(colour).isPresent()) {
                    previous = threshold;
                    previousColour = colour;
                }
            }
        }
        Map<String, BigDecimal> params = content.params() == null ? Map.of() : content.params();
        params.forEach((name, value) -> {
            String pointer = "/params/" + name.replace("~", "~0").replace("/", "~1");
            if (!defaults.params().containsKey(name)) {
                faults.add(FieldError.atPointer(pointer, "UNKNOWN_PARAMETER", rule.code() + " has no parameter '" + name + "'."));
            } else if (value == null) {
                faults.add(FieldError.atPointer(pointer, "MISSING_VALUE", "A parameter is a number."));
            } else if (value.signum() < 0 || value.compareTo(MAX) >= 0) {
                faults.add(FieldError.atPointer(pointer, "PARAMETER_OUT_OF_RANGE", "A parameter is 0 or more and below 10^15."));
            }
        });
        defaults.params().keySet().stream().filter(name -> !params.containsKey(name)).sorted()
                .forEach(name -> faults.add(FieldError.atPointer("/params/" + name, "MISSING_VALUE", rule.code() + " needs parameter '" + name + "'.")));
        return faults;
    }
}
