package io.cityfin.reporting.submission;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.cityfin.common.period.Period;
import io.cityfin.reporting.institution.Institution;

/**
 * The rows of a period a caller sees, by institution code, and their counts: {@code expected} is the number of
 * rows, so a SUBMITTER's counts cover its own row only.
 */
public record SubmissionSheet(Period period, Period reportPeriod, List<Submission> rows) {

    public SubmissionSheet {
        rows = List.copyOf(rows);
    }

    /**
     * One row per expected institution, with its latest version for the report period if it has one; versions of
     * institutions not expected are left out.
     */
    public static SubmissionSheet of(Period period, Period reportPeriod, Collection<Institution> expected,
                                     Collection<LatestVersion> latestVersions) {
        Map<String, LatestVersion> latest = latestVersions.stream()
                .collect(Collectors.toMap(LatestVersion::institutionCode, Function.identity()));
        List<Submission> rows = expected.stream()
                .sorted(Comparator.comparing(Institution::code))
                .map(institution -> {
                    LatestVersion version = latest.get(institution.code());
                    SubmissionStatus status = version != null && version.isReport() ? SubmissionStatus.SUBMITTED : SubmissionStatus.MISSING;
                    return new Submission(institution.code(), institution.name(), status, version);
                })
                .toList();
        return new SubmissionSheet(period, reportPeriod, rows);
    }

    public int expected() {
        return rows.size();
    }

    public int submitted() {
        return (int) rows.stream().filter(row -> row.status() == SubmissionStatus.SUBMITTED).count();
    }

    public int missing() {
        return expected() - submitted();
    }
}
