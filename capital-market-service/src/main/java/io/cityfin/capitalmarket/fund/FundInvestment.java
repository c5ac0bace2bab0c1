package io.cityfin.capitalmarket.fund;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.region.Region;
import io.cityfin.reporting.record.RecordChecks;

/**
 * One investment of a private fund as sent, in canonical member order: whom it went to, where ({@code investeeRegion}:
 * a county-level region of the city, or {@code OUTSIDE}), how much and when.
 */
public record FundInvestment(@Nullable Investee investee, @Nullable String investeeRegion, @Nullable BigDecimal amount,
                             @Nullable String investedOn) {

    public static final String OUTSIDE = "OUTSIDE";

    /** The enterprise invested in. */
    public record Investee(@Nullable String uscc, @Nullable String name) {
    }

    public @Nullable LocalDate investedDay() {
        return RecordChecks.dayOrNull(investedOn);
    }

    /** Invested in a county-level region of the city. */
    public boolean local() {
        return investeeRegion != null && Region.ofCode(investeeRegion).filter(region -> !region.isCity()).isPresent();
    }
}
