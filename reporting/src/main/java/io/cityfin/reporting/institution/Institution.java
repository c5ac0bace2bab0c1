package io.cityfin.reporting.institution;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.region.Region;

/**
 * One version of an institution in the registry; active from {@code activeFrom} to {@code activeTo}, both inclusive.
 * Two attributes only some services' types carry (risk-service's financing-guarantee companies): the government
 * guarantee list ({@code govGuaranteeList}) and whether it serves mainly small firms and farming (its leverage cap is
 * then 15 times its net assets, not 10).
 */
public record Institution(String code, String name, String type, Region region, LocalDate activeFrom,
                          @Nullable LocalDate activeTo, int version, OffsetDateTime changedAt, String changedBy,
                          @Nullable GuaranteeListing govGuaranteeList, boolean mainlySmallAndAgricultural) {

    /** An institution without the guarantee attributes. */
    public Institution(String code, String name, String type, Region region, LocalDate activeFrom, @Nullable LocalDate activeTo,
                       int version, OffsetDateTime changedAt, String changedBy) {
        this(code, name, type, region, activeFrom, activeTo, version, changedAt, changedBy, null, false);
    }

    public boolean isActiveOn(LocalDate day) {
        return !day.isBefore(activeFrom) && (activeTo == null || !day.isAfter(activeTo));
    }

    /** The same registry content, whoever changed it and when. */
    public boolean sameContentAs(InstitutionChange change) {
        return name.equals(change.name()) && type.equals(change.type()) && region.code().equals(change.region())
                && activeFrom.equals(change.activeFrom()) && java.util.Objects.equals(activeTo, change.activeTo());
    }
}
