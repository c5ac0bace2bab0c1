package io.cityfin.reporting.catalogue;

/**
 * One item institutions report: its code, names, unit and kind, whether ten-day reports may carry it, whether it is
 * also served as an indicator of its own (a rate that only feeds a weighted average is not), and whether it is
 * cumulative since inception (累计, a STOCK never reset: a total lower than the previous month's is a warning).
 */
public record Item(String code, String nameZh, String nameEn, Unit unit, Kind kind, boolean tenDay, boolean indicator,
                   boolean cumulative) {

    public Item {
        if (cumulative && kind != Kind.STOCK) {
            throw new IllegalArgumentException(code + ": a cumulative item is a STOCK");
        }
    }

    /** An item that is not cumulative. */
    public Item(String code, String nameZh, String nameEn, Unit unit, Kind kind, boolean tenDay, boolean indicator) {
        this(code, nameZh, nameEn, unit, kind, tenDay, indicator, false);
    }
}
