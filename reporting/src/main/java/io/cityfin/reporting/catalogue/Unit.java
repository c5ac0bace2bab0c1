package io.cityfin.reporting.catalogue;

/** The units of the indicator contract: yuan, percent, counts of things, households, persons, multiples. */
public enum Unit {
    CNY, PERCENT, COUNT, HOUSEHOLD, PERSON, TIMES;

    /** Counts of things, households or persons: whole numbers. */
    public boolean isCount() {
        return this == COUNT || this == HOUSEHOLD || this == PERSON;
    }
}
