package io.cityfin.reporting.indicator;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * The unrounded sums of one period and one region (the city or a county) over the latest version of every
 * institution's report. {@code null} means no institution reported the item, which is not the same as 0.
 */
public interface Figures {

    /** Σ of the item over every institution's lines; {@code null} when no institution reported it. */
    @Nullable BigDecimal sum(String item);

    /**
     * Σ rate × weight over the report lines that carry both items (one institution, one region); lines with a
     * weight but no rate are left out. {@code null} when no line carries both.
     */
    @Nullable BigDecimal weightedSum(String rateItem, String weightItem);

    /** Σ weight over the same lines as {@link #weightedSum}; {@code null} when no line carries both. */
    @Nullable BigDecimal weightSum(String rateItem, String weightItem);

    /** Figures of a period nobody reported for: every sum is {@code null}. */
    static Figures empty() {
        return MapFigures.EMPTY;
    }
}
