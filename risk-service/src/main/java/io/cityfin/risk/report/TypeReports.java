package io.cityfin.risk.report;

import java.math.BigDecimal;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.cityfin.common.period.Period;
import io.cityfin.reporting.institution.Institution;
import io.cityfin.reporting.institution.Institutions;
import io.cityfin.reporting.report.Reports;
import reactor.core.publisher.Flux;

/**
 * The latest reports of a period filed by institutions of one type, with the institution's registry entry and its
 * item totals, read through the machinery's ports: what the report-based alert rules measure.
 */
@Component
class TypeReports {

    private final Reports reports;
    private final Institutions institutions;

    TypeReports(Reports reports, Institutions institutions) {
        this.reports = reports;
        this.institutions = institutions;
    }

    /** Every institution of {@code type} whose latest version for the period is a report (not a withdrawal). */
    Flux<Reported> of(String type, Period period) {
        return reports.reportedInstitutions(period)
                .concatMap(institutions::latest)
                .filter(institution -> institution.type().equals(type))
                .concatMap(institution -> reports.latest(institution.code(), period)
                        .map(version -> new Reported(institution, RiskWarningRules.totals(version.lines()))));
    }

    /** An institution and the totals of its latest report, by item. */
    record Reported(Institution institution, Map<String, BigDecimal> totals) {

        BigDecimal total(String item) {
            return totals.getOrDefault(item, BigDecimal.ZERO);
        }
    }
}
