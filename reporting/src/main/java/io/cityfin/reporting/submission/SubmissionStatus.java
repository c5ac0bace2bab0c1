package io.cityfin.reporting.submission;

/** Whether an expected institution has a report for the period: a withdrawn one counts as MISSING. */
public enum SubmissionStatus {
    SUBMITTED, MISSING
}
