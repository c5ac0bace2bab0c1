package io.cityfin.common.identity;

/** The four roles of architecture.md, "Identity and roles". */
public enum Role {
    /** Everything: institutions, targets, keys, registries, reports of any institution. */
    ADMIN,
    /** Reads everything, reviews warnings, keeps the domain registries. */
    ANALYST,
    /** Bound to one institution: writes and reads its own reports and records. */
    SUBMITTER,
    /** Reads indicators under disclosure control, and the catalogue. */
    PORTAL
}
