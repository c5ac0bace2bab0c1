package io.cityfin.reporting.report;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.period.Period;

/**
 * One version of an institution's report for a period, as stored: never changed afterwards. {@code submittedBy}
 * is the API key id of the sender, {@code submittedFor} the institution its key is bound to (null for staff).
 */
public record ReportVersion(String institutionCode, Period period, int version, String contentHash, ReportStatus status,
                            OffsetDateTime receivedAt, String submittedBy, @Nullable String submittedFor,
                            List<ReportLine> lines, List<ReportWarning> warnings) {

    public ReportVersion {
        lines = List.copyOf(lines);
        warnings = List.copyOf(warnings);
    }
}
