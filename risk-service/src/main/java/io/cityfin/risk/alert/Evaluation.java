package io.cityfin.risk.alert;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.period.Period;

/**
 * The last evaluation of a rule for a period: when, under which settings version, and whether it ran (OK) or an input
 * did not answer (UNAVAILABLE: nothing raised or resolved; retried every minute until it runs), with why.
 */
public record Evaluation(String rule, Period period, int ruleVersion, OffsetDateTime at, Outcome outcome, @Nullable String detail) {

    public enum Outcome {
        OK, UNAVAILABLE
    }
}
