package io.cityfin.capitalmarket.fund;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.cityfin.reporting.record.RecordChecks;

/**
 * A private fund as sent (data-standard-2.md, "Private funds and their investments"), in canonical member order:
 * {@code amacCode} and {@code amacFiledOn} are its 中基协 filing, both null while it is not filed.
 */
public record Fund(@Nullable String name, @Nullable String region, @Nullable String establishedOn, @Nullable String liquidatedOn,
                   @Nullable Manager manager, @Nullable String amacCode, @Nullable String amacFiledOn) {

    /** The fund's manager and its AMAC registration number ({@code P} and seven digits). */
    public record Manager(@Nullable String name, @Nullable String amacNo) {
    }

    /** Filed with AMAC on or before {@code day}. */
    public boolean filedBy(LocalDate day) {
        LocalDate filed = RecordChecks.dayOrNull(amacFiledOn);
        return filed != null && !filed.isAfter(day);
    }

    /** Liquidated on or before {@code day}. */
    public boolean liquidatedBy(LocalDate day) {
        LocalDate liquidated = RecordChecks.dayOrNull(liquidatedOn);
        return liquidated != null && !liquidated.isAfter(day);
    }
}
