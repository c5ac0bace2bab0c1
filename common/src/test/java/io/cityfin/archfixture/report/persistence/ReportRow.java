package io.cityfin.archfixture.report.persistence;

/** Fixture: a persistence adapter of the "report" feature. */
public record ReportRow(long id) {
}
