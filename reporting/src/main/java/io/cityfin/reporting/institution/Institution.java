package io.cityfin.reporting.institution;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.region.Region;

/**
 * One version of an institution in the registry; active from {@code activeFrom} to {@code activeTo}, both inclusive.
 * {@code activeTo} is the effective end: the earlier of the ADMIN's {@code registeredActiveTo} and {@code endedOn}, the
 * day an ending action of the service ended it (risk-service's exits and revoked pilots; null when none did). Two
 * attributes only some services' types carry (risk-service's financing-guarantee companies): the government guarantee
 * list ({@code govGuaranteeList}) and whether it serves mainly small firms and farming (its leverage cap is then 15
 * times its net assets, not 10).
 */
public record Institution(String code, String name, String type, Region region, LocalDate activeFrom,
                          @Nullable LocalDate activeTo, int version, OffsetDateTime changedAt, String changedBy,
                          @Nullable GuaranteeListing govGuaranteeList, boolean mainlySmallAndAgricultural,
                          @Nullable LocalDate registeredActiveTo, @Nullable LocalDate endedOn) {

    /** An institution without the guarantee attributes, never ended by an action. */
    public Institution(String code, String name, String type, Region region, LocalDate activeFrom, @Nullable LocalDate activeTo,
                       int version, OffsetDateTime changedAt, String changedBy) {
        this(code, name, type, region, activeFrom, activeTo, version, changedAt, changedBy, null, false);
    }

    /** An institution never ended by an action: its registered end is its end. */
    public Institution(String code, String name, String type, Region region, LocalDate activeFrom, @Nullable LocalDate activeTo,
                       int version, OffsetDateTime changedAt, String changedBy, @Nullable GuaranteeListing govGuaranteeList,
                       boolean mainlySmallAndAgricultural) {
        this(code, name, type, region, activeFrom, activeTo, version, changedAt, changedBy, govGuaranteeList, mainlySmallAndAgricultural,
                activeTo, null);
    }

    public boolean isActiveOn(LocalDate day) {
        return !day.isBefore(activeFrom) && (activeTo == null || !day.isAfter(activeTo));
    }

    /** The same registry content as the ADMIN sent it, whoever changed it and when, whether or not an action ended it. */
    public boolean sameContentAs(InstitutionChange change) {
        return name.equals(change.name()) && type.equals(change.type()) && region.code().equals(change.region())
                && activeFrom.equals(change.activeFrom()) && Objects.equals(registeredActiveTo, change.activeTo())
                && Objects.equals(govGuaranteeList, change.govGuaranteeList())
                && mainlySmallAndAgricultural == change.mainlySmallAndAgricultural();
    }

    /** The registry content the ADMIN sent for this version. */
    public InstitutionChange registered() {
        return new InstitutionChange(name, type, region.code(), activeFrom, registeredActiveTo, govGuaranteeList, mainlySmallAndAgricultural);
    }

    /** The effective end of registered content ended on {@code endedOn} (null: not ended): the earlier of both. */
    public static @Nullable LocalDate effectiveEnd(@Nullable LocalDate registeredActiveTo, @Nullable LocalDate endedOn) {
        if (registeredActiveTo == null) {
            return endedOn;
        }
        return endedOn == null || registeredActiveTo.isBefore(endedOn) ? registeredActiveTo : endedOn;
    }
}
