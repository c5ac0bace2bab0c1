package io.cityfin.common.period;

/** The four period forms of architecture.md, "Periods". */
public enum PeriodType {
    YEAR,
    QUARTER,
    MONTH,
    TEN_DAY
}
