package io.cityfin.reporting.submission;

import java.time.OffsetDateTime;

import io.cityfin.reporting.report.ReportStatus;

/** The latest version of an institution's report for a period, without its lines. */
public record LatestVersion(String institutionCode, int version, ReportStatus status, OffsetDateTime receivedAt) {

    /** A report rather than a withdrawal. */
    public boolean isReport() {
        return status != ReportStatus.WITHDRAWN;
    }
}
