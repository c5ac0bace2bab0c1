package io.cityfin.gateway.identity;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.identity.Role;
import io.cityfin.common.problem.FieldError;
import io.cityfin.common.problem.RuleViolationException;

/** What an ADMIN asks for: a label, roles as sent (checked here, not by the JSON parser), maybe an institution. */
public record NewApiKey(String label, List<String> roles, @Nullable String institutionCode) {

    private static final Pattern INSTITUTION_CODE = Pattern.compile("[0-9A-Z]{4,32}");

    /**
     * The roles, once the rules hold: known roles, at least one, none twice; a SUBMITTER key alone and bound to
     * exactly one institution code; every other key bound to none. Otherwise 422 with one error per fault.
     */
    public Set<Role> checkedRoles() {
        List<FieldError> errors = new ArrayList<>();
        Set<Role> checked = EnumSet.noneOf(Role.class);
        if (roles.isEmpty()) {
            errors.add(FieldError.atPointer("/roles", "ROLES_EMPTY", "A key needs at least one role."));
        }
        for (int i = 0; i < roles.size(); i++) {
            String role = roles.get(i);
            if (EnumSet.allOf(Role.class).stream().noneMatch(r -> r.name().equals(role))) {
                errors.add(FieldError.atPointer("/roles/" + i, "UNKNOWN_ROLE",
                        "'" + role + "' is not a role: ADMIN, ANALYST, SUBMITTER or PORTAL."));
            } else if (!checked.add(Role.valueOf(role))) {
                errors.add(FieldError.atPointer("/roles/" + i, "DUPLICATE_ROLE", role + " is listed twice."));
            }
        }
        boolean submitter = checked.contains(Role.SUBMITTER);
        if (submitter && checked.size() > 1) {
            errors.add(FieldError.atPointer("/roles", "SUBMITTER_NOT_ALONE", "A SUBMITTER key carries no other role."));
        }
        if (submitter && institutionCode == null) {
            errors.add(FieldError.atPointer("/institutionCode", "INSTITUTION_REQUIRED",
                    "A SUBMITTER key is bound to exactly one institution code."));
        }
        if (submitter && institutionCode != null && !INSTITUTION_CODE.matcher(institutionCode).matches()) {
            errors.add(FieldError.atPointer("/institutionCode", "INVALID_INSTITUTION_CODE",
                    "An institution code is 4 to 32 characters of 0-9 and A-Z."));
        }
        if (!submitter && institutionCode != null) {
            errors.add(FieldError.atPointer("/institutionCode", "INSTITUTION_NOT_ALLOWED",
                    "Only a SUBMITTER key is bound to an institution."));
        }
        if (label.isBlank()) {
            errors.add(FieldError.atPointer("/label", "LABEL_BLANK", "A key needs a label saying who uses it."));
        }
        if (!errors.isEmpty()) {
            throw new RuleViolationException("The key breaks " + errors.size() + " rule(s).", errors);
        }
        return checked;
    }
}
