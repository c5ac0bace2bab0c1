package io.cityfin.common.identity;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The caller of a request, as the gateway vouched for it: {@code subject} is the API key's id, {@code institution}
 * the institution a SUBMITTER is bound to (null for other roles).
 */
public record Caller(String subject, Set<Role> roles, @Nullable String institution) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** ADMIN or ANALYST: the financial office's own staff. */
    public boolean isStaff() {
        return has(Role.ADMIN) || has(Role.ANALYST);
    }

    /** A SUBMITTER bound to exactly this institution. */
    public boolean submitsFor(String institutionCode) {
        return has(Role.SUBMITTER) && institutionCode.equals(institution);
    }
}
