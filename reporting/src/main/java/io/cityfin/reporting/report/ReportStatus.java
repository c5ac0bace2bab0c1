package io.cityfin.reporting.report;

/** A version's status: accepted, accepted with warnings, or a withdrawal (no lines, counted nowhere). */
public enum ReportStatus {
    ACCEPTED, ACCEPTED_WITH_WARNINGS, WITHDRAWN
}
