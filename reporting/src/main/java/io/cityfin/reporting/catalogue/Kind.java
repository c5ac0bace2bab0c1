package io.cityfin.reporting.catalogue;

/** STOCK: a level at the period end; FLOW: a year-to-date sum; RATIO: computed from other figures. */
public enum Kind {
    STOCK, FLOW, RATIO
}
