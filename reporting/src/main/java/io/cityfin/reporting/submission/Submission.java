package io.cityfin.reporting.submission;

import org.jspecify.annotations.Nullable;

/**
 * One expected institution's row: SUBMITTED when its latest version is a report, MISSING when it has none or the
 * latest is a withdrawal ({@code latest} then is that withdrawal, so the reader sees why).
 */
public record Submission(String institutionCode, String institutionName, SubmissionStatus status, @Nullable LatestVersion latest) {
}
