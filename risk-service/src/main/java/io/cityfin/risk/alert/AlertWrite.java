package io.cityfin.risk.alert;

import org.jspecify.annotations.Nullable;

/**
 * One change an evaluation or an analyst makes: the alert's new state (a new alert when its id is 0) and the history
 * entry it adds (null for a value corrected in place at the same colour and status, which adds none).
 */
public record AlertWrite(Alert state, @Nullable AlertChange entry, Kind kind) {

    /** What the change is, as an evaluation's outcome counts it. */
    public enum Kind {
        RAISED, RECOLOURED, RESOLVED, REOPENED, UPDATED, STATUS_SET
    }
}
