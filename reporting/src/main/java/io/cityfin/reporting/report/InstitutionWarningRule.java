package io.cityfin.reporting.report;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.period.Period;
import io.cityfin.reporting.institution.Institution;

/**
 * A warning a service adds to the standard ones that needs the institution's registry entry (risk-service's leverage
 * cap, higher for a company serving mainly small firms and farming; the fee cap of a company on the government
 * guarantee list). Services contribute them as beans; their warnings are stored on the version like the standard
 * ones and never refuse a report.
 */
@FunctionalInterface
public interface InstitutionWarningRule {

    /**
     * @param institution the reporting institution's latest registry version
     * @param lines the checked lines, in the request's order (the index of a line is its index in {@code /lines})
     * @param previous the previous report of the same period type, unless none or withdrawn
     */
    List<ReportWarning> check(Institution institution, Period period, List<ReportLine> lines, @Nullable ReportVersion previous);
}
