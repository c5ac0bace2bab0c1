package io.cityfin.risk.organisation;

import java.time.LocalDate;
import java.util.List;

import io.cityfin.reporting.indicator.RecordRows;
import io.cityfin.reporting.institution.Institution;

/** An organisation's registry entry with its supervisory actions not withdrawn: the row the supervision indicators count. */
public record SupervisedOrganisation(Institution institution, List<SupervisoryAction> actions) {

    public SupervisedOrganisation {
        actions = List.copyOf(actions);
    }

    public boolean is(String type) {
        return type.equals(institution.type());
    }

    /** Whether it is a local financial organisation (any type but BRIDGE_FUND). */
    public boolean isLocalOrganisation() {
        return Organisations.LOCAL_ORGANISATION_TYPES.contains(institution.type());
    }

    /** Whether it had an action of {@code type} in {@code day}'s year up to it. */
    public boolean acted(String type, LocalDate day) {
        return actions.stream().anyMatch(action -> action.is(type) && RecordRows.inYear(action.day(), day));
    }

    public String region() {
        return institution.region().code();
    }
}
