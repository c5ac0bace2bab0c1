package io.cityfin.reporting.report;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import io.cityfin.common.http.IfMatch;
import io.cityfin.common.identity.Access;
import io.cityfin.common.identity.AccessRule;
import io.cityfin.common.identity.Caller;
import io.cityfin.common.period.CityClock;
import io.cityfin.common.period.InvalidPeriodException;
import io.cityfin.common.period.Period;
import io.cityfin.common.period.PeriodType;
import io.cityfin.common.problem.FieldError;
import io.cityfin.common.problem.InvalidParameterException;
import io.cityfin.common.problem.NotFoundException;
import io.cityfin.common.problem.RuleViolationException;
import io.cityfin.reporting.catalogue.Catalogue;
import io.cityfin.reporting.catalogue.CatalogueSection;
import io.cityfin.reporting.institution.InstitutionService;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Periodic reports: a SUBMITTER files its own institution's (ADMIN any), every change a new version, the same
 * content again a no-op; refused reports store nothing; warnings are stored on the version. Staff read every
 * report, a SUBMITTER its own. Where the catalogue has sections, the institution's type picks the section it reports
 * (a type with none reports nothing); the service's {@link InstitutionWarningRule}s see its registry entry.
 */
@Service
public class ReportService {

    private static final Logger log = LoggerFactory.getLogger(ReportService.class);

    private final Reports reports;
    private final InstitutionService institutions;
    private final Catalogue catalogue;
    private final List<ReportRule> rules;
    private final List<InstitutionWarningRule> warningRules;
    private final Clock clock;
    private final ReportMetrics metrics;
    private final ApplicationEventPublisher events;

    public ReportService(Reports reports, InstitutionService institutions, Catalogue catalogue, List<ReportRule> rules,
                         ObjectProvider<InstitutionWarningRule> warningRules, Clock clock, ReportMetrics metrics,
                         ApplicationEventPublisher events) {
        this.reports = reports;
        this.institutions = institutions;
        this.catalogue = catalogue;
        this.rules = List.copyOf(rules);
        this.warningRules = warningRules.orderedStream().toList();
        this.clock = clock;
        this.metrics = metrics;
        this.events = events;
    }

    public Mono<Reports.Appended> submit(String institutionCode, String periodText, List<SubmittedLine> lines) {
        return submit(institutionCode, periodText, lines, null);
    }

    /** As {@link #submit(String, String, List)}; with {@code ifMatch}, only onto the version it names (else 412). */
    public Mono<Reports.Appended> submit(String institutionCode, String periodText, List<SubmittedLine> lines,
                                         @Nullable IfMatch ifMatch) {
        Period period = reportPeriod(periodText);
        return Access.require(AccessRule.institutionOrAdmin(institutionCode))
                .flatMap(caller -> institutions.existing(institutionCode).flatMap(institution -> {
                    if (!institution.isActiveOn(period.lastDay())) {
                        return Mono.error(new RuleViolationException("The institution is not active in " + period + ".",
                                List.of(FieldError.atParameter("institutionCode", "INSTITUTION_INACTIVE",
                                        institutionCode + " is not active on " + period.lastDay() + "."))));
                    }
                    CatalogueSection section = catalogue.sectionFor(institution.type()).orElse(null);
                    if (catalogue.hasSections() && section == null) {
                        return Mono.error(new RuleViolationException("Institutions of type " + institution.type() + " report nothing here.",
                                List.of(FieldError.atParameter("institutionCode", "NO_CATALOGUE_FOR_TYPE", institutionCode + " is a "
                                        + institution.type() + ", a type no catalogue of " + catalogue.service() + " is for."))));
                    }
                    List<ReportLine> checked = LineChecks.check(period, lines, catalogue, section, rules);
                    return previous(institutionCode, period).flatMap(previous -> {
                        boolean monthly = period.type() == PeriodType.MONTH;
                        ReportVersion sameYearMonth = monthly && period.month() > 1 ? previous.orElse(null) : null;
                        List<ReportWarning> warnings = new ArrayList<>(WarningChecks.check(checked, previous.orElse(null), sameYearMonth,
                                monthly ? previous.orElse(null) : null, catalogue));
                        warningRules.forEach(rule -> warnings.addAll(rule.check(institution, period, checked, previous.orElse(null))));
                        return reports.append(candidate(institutionCode, period, caller, checked, warnings,
                                warnings.isEmpty() ? ReportStatus.ACCEPTED : ReportStatus.ACCEPTED_WITH_WARNINGS), ifMatch);
                    });
                }))
                .doOnNext(appended -> {
                    metrics.accepted(period, appended);
                    announced(appended);
                    ReportVersion version = appended.version();
                    log.info("Report {} {}: version {} {} ({}, {} lines, {} warnings)", institutionCode, period,
                            version.version(), appended.created() ? "created" : "unchanged", version.status(),
                            version.lines().size(), version.warnings().size());
                })
                .doOnError(RuleViolationException.class, refusal -> {
                    metrics.refused(period, refusal);
                    log.info("Report {} {} refused: {}", institutionCode, period,
                            refusal.errors().stream().map(FieldError::code).distinct().toList());
                });
    }

    /** ADMIN withdraws a report filed in error: a version with no lines, counted nowhere; with {@code ifMatch} as in submit. */
    public Mono<Reports.Appended> withdraw(String institutionCode, String periodText, @Nullable IfMatch ifMatch) {
        Period period = reportPeriod(periodText);
        InstitutionService.checkCode("institutionCode", institutionCode);
        return Access.require(AccessRule.admin())
                .flatMap(caller -> reports.latest(institutionCode, period)
                        .switchIfEmpty(Mono.error(() -> new NotFoundException("No report of " + institutionCode + " for " + period + ".")))
                        .flatMap(latest -> reports.append(candidate(institutionCode, period, caller, List.of(), List.of(),
                                ReportStatus.WITHDRAWN), ifMatch)))
                .doOnNext(this::announced);
    }

    /** A new version, once committed, is announced ({@link ReportAccepted}); the same content again is not. */
    private void announced(Reports.Appended appended) {
        if (appended.created()) {
            ReportVersion version = appended.version();
            events.publishEvent(new ReportAccepted(version.institutionCode(), version.period(), version.version()));
        }
    }

    public Mono<ReportVersion> latest(String institutionCode, String periodText) {
        Period period = reportPeriod(periodText);
        return readable(institutionCode).then(reports.latest(institutionCode, period))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No report of " + institutionCode + " for " + period + ".")));
    }

    public Flux<ReportVersion> versions(String institutionCode, String periodText) {
        Period period = reportPeriod(periodText);
        return readable(institutionCode).thenMany(reports.versions(institutionCode, period)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No report of " + institutionCode + " for " + period + "."))));
    }

    public Mono<ReportVersion> version(String institutionCode, String periodText, int version) {
        Period period = reportPeriod(periodText);
        return readable(institutionCode).then(reports.version(institutionCode, period, version))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No version " + version + " of the report of "
                        + institutionCode + " for " + period + ".")));
    }

    private Mono<Caller> readable(String institutionCode) {
        InstitutionService.checkCode("institutionCode", institutionCode);
        return Access.require(AccessRule.institutionOrStaff(institutionCode));
    }

    /** The previous report of the same period type, unless it was withdrawn; none before the first period (1990). */
    private Mono<java.util.Optional<ReportVersion>> previous(String institutionCode, Period period) {
        return Mono.justOrEmpty(period.previous())
                .flatMap(previous -> reports.latest(institutionCode, previous))
                .filter(version -> version.status() != ReportStatus.WITHDRAWN)
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty());
    }

    private ReportVersion candidate(String institutionCode, Period period, Caller caller, List<ReportLine> lines,
                                    List<ReportWarning> warnings, ReportStatus status) {
        return new ReportVersion(institutionCode, period, 0, CanonicalContent.hash(lines), status, now(), caller.subject(),
                caller.institution(), lines, warnings);
    }

    /** Reports are monthly or ten-day, and not for a period that starts after today. */
    private Period reportPeriod(String text) {
        Period period;
        try {
            period = Period.parseNotFuture(text, CityClock.today(clock));
        } catch (InvalidPeriodException e) {
            throw new InvalidParameterException("period", e.code(), e.getMessage());
        }
        if (period.type() != PeriodType.MONTH && period.type() != PeriodType.TEN_DAY) {
            throw new InvalidParameterException("period", "PERIOD_NOT_REPORTABLE",
                    "Reports are monthly (YYYY-MM) or ten-day (YYYY-MM-D1|D2|D3); " + period + " is a view, not a report period.");
        }
        return period;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
