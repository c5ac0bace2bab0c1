package io.cityfin.risk.alert;

/**
 * Where an alert stands: OPEN when raised (or raised again), ACKNOWLEDGED or CLOSED by an analyst, RESOLVED once its
 * rule no longer finds its subject. OPEN and ACKNOWLEDGED are open; a CLOSED alert is never re-opened for its period.
 */
public enum AlertStatus {
    OPEN, ACKNOWLEDGED, CLOSED, RESOLVED;

    public boolean isOpen() {
        return this == OPEN || this == ACKNOWLEDGED;
    }
}
