package io.cityfin.reporting.record;

/** A record version's status: a {@code WITHDRAWN} version counts in no indicator; a later {@code ACTIVE} one restores it. */
public enum RecordStatus {
    ACTIVE,
    WITHDRAWN
}
