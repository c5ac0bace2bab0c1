package io.cityfin.reporting.institution;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.region.Region;

/** One version of an institution in the registry; active from {@code activeFrom} to {@code activeTo}, both inclusive. */
public record Institution(String code, String name, String type, Region region, LocalDate activeFrom,
                          @Nullable LocalDate activeTo, int version, OffsetDateTime changedAt, String changedBy) {

    public boolean isActiveOn(LocalDate day) {
        return !day.isBefore(activeFrom) && (activeTo == null || !day.isAfter(activeTo));
    }

    /** The same registry content, whoever changed it and when. */
    public boolean sameContentAs(InstitutionChange change) {
        return name.equals(change.name()) && type.equals(change.type()) && region.code().equals(change.region())
                && activeFrom.equals(change.activeFrom()) && java.util.Objects.equals(activeTo, change.activeTo());
    }
}
