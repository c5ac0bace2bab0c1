package io.cityfin.risk.alert;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.cityfin.common.period.CityClock;
import io.cityfin.common.period.Period;
import io.cityfin.common.period.PeriodType;
import io.cityfin.reporting.catalogue.Catalogue;
import io.cityfin.reporting.institution.Institution;
import io.cityfin.reporting.institution.Institutions;
import io.cityfin.reporting.record.RecordAccepted;
import io.cityfin.reporting.report.ReportAccepted;
import io.cityfin.reporting.report.Reports;
import reactor.core.publisher.Mono;

/**
 * REPORT_MISSING (data-standard-2.md, "Alert rules and alerts"): each institution expected to report for the month —
 * of a type with a report catalogue (a section of the service's {@link Catalogue}), active on the month's last day — whose latest version
 * for it is no report (none, or a withdrawal), once the calendar days from the month's last day to today reach
 * 10 / 20 / 30. Re-runs after every accepted report of the month and every supervisory action (an ending one
 * removes an institution from the expected), and daily (the days grow).
 */
final class ReportMissingRule implements AlertRule {

    static final String CODE = "REPORT_MISSING";
    /** The organisations feature's collection of supervisory actions (its SupervisoryActionType.COLLECTION). */
    static final String SUPERVISORY_ACTIONS = "supervisory-actions";

    private final Institutions institutions;
    private final Catalogue catalogue;
    private final Reports reports;
    private final Clock clock;

    ReportMissingRule(Institutions institutions, Catalogue catalogue, Reports reports, Clock clock) {
        this.institutions = institutions;
        this.catalogue = catalogue;
        this.reports = reports;
        this.clock = clock;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String nameZh() {
        return "报表逾期未报";
    }

    @Override
    public String nameEn() {
        return "Monthly report missing";
    }

    @Override
    public String subjectKind() {
        return "INSTITUTION";
    }

    @Override
    public RuleSettings defaults() {
        return new RuleSettings(true, Map.of(Colour.YELLOW, BigDecimal.TEN, Colour.ORANGE, BigDecimal.valueOf(20), Colour.RED,
                BigDecimal.valueOf(30)), Map.of());
    }

    @Override
    public Mono<List<Finding>> evaluate(Period period, RuleSettings settings) {
        if (period.type() != PeriodType.MONTH) {
            return Mono.just(List.of());
        }
        LocalDate lastDay = period.lastDay();
        BigDecimal days = BigDecimal.valueOf(ChronoUnit.DAYS.between(lastDay, CityClock.today(clock)));
        Optional<Colour> colour = settings.colourAtLeast(days);
        if (days.signum() <= 0 || colour.isEmpty()) {
            return Mono.just(List.of());
        }
        return reports.reportedInstitutions(period).collect(HashSet<String>::new, Set::add)
                .flatMap(reported -> institutions.activeOn(lastDay)
                        .filter(institution -> catalogue.reports(institution.type()) && !reported.contains(institution.code()))
                        .map(institution -> finding(institution, days, colour.get(), settings))
                        .collectList());
    }

    private static Finding finding(Institution institution, BigDecimal days, Colour colour, RuleSettings settings) {
        return new Finding(institution.code(), institution.name(), institution.region().code(), days, colour,
                settings.threshold(colour).orElse(null));
    }

    @Override
    public boolean affectedBy(ReportAccepted report) {
        return true;
    }

    /** A supervisory action may end an institution (an exit, a revoked pilot): it then leaves the month's expected reporters. */
    @Override
    public boolean affectedBy(RecordAccepted record) {
        return SUPERVISORY_ACTIONS.equals(record.collection());
    }
}
