package io.cityfin.reporting.institution;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.problem.FieldError;
import io.cityfin.common.problem.RuleViolationException;
import io.cityfin.common.region.Region;

/** What an ADMIN sends for an institution: the registry content of its next version. */
public record InstitutionChange(String name, String type, String region, LocalDate activeFrom, @Nullable LocalDate activeTo,
                                @Nullable GuaranteeListing govGuaranteeList, boolean mainlySmallAndAgricultural) {

    /** A change without the guarantee attributes. */
    public InstitutionChange(String name, String type, String region, LocalDate activeFrom, @Nullable LocalDate activeTo) {
        this(name, type, region, activeFrom, activeTo, null, false);
    }

    /** The home region, once the rules hold: a known type, a county-level region, activeTo not before activeFrom. */
    public Region checked(java.util.Set<String> types) {
        List<FieldError> errors = faults(types);
        if (!errors.isEmpty()) {
            throw new RuleViolationException("The institution breaks " + errors.size() + " rule(s).", errors);
        }
        return Region.ofCode(region).orElseThrow();
    }

    /** Every fault of the machinery's rules: a known type, a county-level region, activeTo not before activeFrom. */
    public List<FieldError> faults(java.util.Set<String> types) {
        List<FieldError> errors = new ArrayList<>();
        if (name.isBlank()) {
            errors.add(FieldError.atPointer("/name", "NAME_BLANK", "An institution needs a name."));
        }
        if (!types.contains(type)) {
            errors.add(FieldError.atPointer("/type", "UNKNOWN_INSTITUTION_TYPE",
                    "'" + type + "' is not an institution type here: " + types.stream().sorted().toList() + "."));
        }
        Region home = Region.ofCode(region).orElse(null);
        if (home == null) {
            errors.add(FieldError.atPointer("/region", Region.UNKNOWN_REGION, "'" + region + "' is not a region of the city."));
        } else if (home.isCity()) {
            errors.add(FieldError.atPointer("/region", "CITY_REGION_NOT_ALLOWED",
                    "An institution's region is county-level, never 361000."));
        }
        if (activeTo != null && activeTo.isBefore(activeFrom)) {
            errors.add(FieldError.atPointer("/activeTo", "ACTIVE_TO_BEFORE_FROM", "activeTo is before activeFrom."));
        }
        return errors;
    }
}
