package io.cityfin.reporting.report;

/** A warning stored on a version: a stable code, the line it points at, and what looks wrong. */
public record ReportWarning(String code, String pointer, String message) {
}
