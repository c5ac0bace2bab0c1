package io.cityfin.risk.alert;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.period.Period;

/**
 * What one evaluation of a rule for a period did: OK (with how many alerts it raised, re-coloured, resolved and
 * re-opened), UNAVAILABLE (an input did not answer: nothing changed) or DISABLED (the rule's settings switch it off).
 */
public record EvaluationOutcome(String rule, Period period, int ruleVersion, String outcome, @Nullable String detail, int raised,
                                int recoloured, int resolved, int reopened) {

    public static final String OK = "OK";
    public static final String UNAVAILABLE = "UNAVAILABLE";
    public static final String DISABLED = "DISABLED";

    static EvaluationOutcome ok(String rule, Period period, int ruleVersion, List<AlertWrite> writes) {
        return new EvaluationOutcome(rule, period, ruleVersion, OK, null, count(writes, AlertWrite.Kind.RAISED),
                count(writes, AlertWrite.Kind.RECOLOURED), count(writes, AlertWrite.Kind.RESOLVED), count(writes, AlertWrite.Kind.REOPENED));
    }

    static EvaluationOutcome other(String rule, Period period, int ruleVersion, String outcome, @Nullable String detail) {
        return new EvaluationOutcome(rule, period, ruleVersion, outcome, detail, 0, 0, 0, 0);
    }

    private static int count(List<AlertWrite> writes, AlertWrite.Kind kind) {
        return (int) writes.stream().filter(write -> write.kind() == kind).count();
    }
}
