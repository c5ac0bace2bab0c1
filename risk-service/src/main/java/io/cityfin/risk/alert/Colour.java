package io.cityfin.risk.alert;

/** The three colours of an alert (三色预警), lowest first: the highest colour whose threshold is met wins. */
public enum Colour {
    YELLOW, ORANGE, RED
}
