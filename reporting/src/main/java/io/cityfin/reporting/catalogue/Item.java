package io.cityfin.reporting.catalogue;

/**
 * One item institutions report: its code, names, unit and kind, whether ten-day reports may carry it, and whether
 * it is also served as an indicator of its own (a rate that only feeds a weighted average is not).
 */
public record Item(String code, String nameZh, String nameEn, Unit unit, Kind kind, boolean tenDay, boolean indicator) {
}
