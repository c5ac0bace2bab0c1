package io.cityfin.reporting.report;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.cityfin.reporting.Components;
import io.cityfin.reporting.indicator.ReportIndicatorSource;

/**
 * The periodic reports: {@code /reports}, {@code /submissions} with their completeness gauges, {@code /catalogue},
 * and the indicators computed from report lines. On unless {@code cityfin.reporting.reports.enabled} is false, as
 * in a service that takes no periodic reports (capital market, platforms): there those paths are unknown (404) and
 * none of these beans exists. The submission classes are named, not imported by class, because submission depends
 * on report.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = ReportsFeature.ENABLED, matchIfMissing = true)
@Import({ReportService.class, ReportMetrics.class, ReportIndicatorSource.class})
@Components({
        ".persistence.R2dbcReports",
        ".web.ReportController",
        "io.cityfin.reporting.catalogue.web.CatalogueController",
        "io.cityfin.reporting.submission.SubmissionService",
        "io.cityfin.reporting.submission.CompletenessGauges",
        "io.cityfin.reporting.submission.persistence.R2dbcLatestVersions",
        "io.cityfin.reporting.submission.web.SubmissionController",
        "io.cityfin.reporting.indicator.persistence.R2dbcExpectedReports",
        "io.cityfin.reporting.indicator.persistence.R2dbcReportFigures"})
public class ReportsFeature {

    /** The switch: {@code true} unless set. */
    public static final String ENABLED = "cityfin.reporting.reports.enabled";
}
