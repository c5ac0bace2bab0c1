package io.cityfin.risk.alert;

import java.util.List;

/** A rule as {@code GET /alert-rules} shows it: its current settings and their version (0: the defaults, never changed), and its last evaluation per period. */
public record RuleState(AlertRule rule, RuleSettings settings, int version, List<Evaluation> evaluations) {

    public RuleState {
        evaluations = List.copyOf(evaluations);
    }
}
