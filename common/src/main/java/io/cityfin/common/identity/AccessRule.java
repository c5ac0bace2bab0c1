package io.cityfin.common.identity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Who may do something, as a rule on the {@link Caller}; {@link Access#require} applies it to a request. */
public record AccessRule(String description, Predicate<Caller> allows) {

    private static final Logger log = LoggerFactory.getLogger(AccessRule.class);

    /** Any caller with one of these roles. */
    public static AccessRule anyOf(Role... roles) {
        Set<Role> allowed = EnumSet.copyOf(Arrays.asList(roles));
        return new AccessRule("needs one of the roles " + allowed,
                caller -> caller.roles().stream().anyMatch(allowed::contains));
    }

    /** ADMIN only: institutions, targets, keys, withdrawals. */
    public static AccessRule admin() {
        return anyOf(Role.ADMIN);
    }

    /** Every role: indicators and the catalogue, which disclosure control protects instead. */
    public static AccessRule anyRole() {
        return anyOf(Role.values());
    }

    /** Reading an institution's own data: its SUBMITTER, or ADMIN or ANALYST. */
    public static AccessRule institutionOrStaff(String institutionCode) {
        return new AccessRule("reads only its own institution's data", caller -> caller.isStaff() || caller.submitsFor(institutionCode));
    }

    /** Writing an institution's own data: its SUBMITTER, or ADMIN. */
    public static AccessRule institutionOrAdmin(String institutionCode) {
        return new AccessRule("writes only its own institution's data", caller -> caller.has(Role.ADMIN) || caller.submitsFor(institutionCode));
    }

    /** Throws {@link ForbiddenException} unless the caller passes. */
    public Caller check(Caller caller) {
        if (!allows.test(caller)) {
            log.info("Refused key {} ({}): {}", caller.subject(), caller.roles(), description);
            throw new ForbiddenException("This caller " + description + ".");
        }
        return caller;
    }
}
