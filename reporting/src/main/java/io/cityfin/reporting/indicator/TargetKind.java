package io.cityfin.reporting.indicator;

import io.cityfin.reporting.catalogue.Kind;

/**
 * FLOW: a year-to-date amount to reach, for a FLOW indicator; INCREASE: a rise since the year start and BALANCE:
 * a level to reach, both for a STOCK indicator. A RATIO takes no target.
 */
public enum TargetKind {
    FLOW, INCREASE, BALANCE;

    /** Whether a target of this kind fits an indicator of the given kind; one that does not is refused. */
    public boolean fits(Kind kind) {
        return switch (this) {
            case FLOW -> kind == Kind.FLOW;
            case INCREASE, BALANCE -> kind == Kind.STOCK;
        };
    }
}
