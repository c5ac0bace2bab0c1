package io.cityfin.reporting.submission;

import java.time.Clock;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import io.cityfin.common.http.QueryParameters;
import io.cityfin.common.identity.Access;
import io.cityfin.common.identity.AccessRule;
import io.cityfin.common.identity.Caller;
import io.cityfin.common.identity.Role;
import io.cityfin.common.period.Period;
import io.cityfin.reporting.catalogue.Catalogue;
import io.cityfin.reporting.institution.Institution;
import io.cityfin.reporting.institution.Institutions;
import reactor.core.publisher.Mono;

/**
 * Who has reported for a period (architecture.md, "Identity and roles": a SUBMITTER reads its own row of
 * {@code /submissions}). Expected are the institutions whose latest registry version is active on the report
 * period's last day (where the catalogue has sections, only those of a type a section is for); a quarter or a year is
 * a view of its last month. ADMIN and ANALYST see every row, a SUBMITTER
 * its own institution's only (and the counts over that row), PORTAL nothing (403).
 */
@Service
public class SubmissionService {

    private final Institutions institutions;
    private final LatestVersions latestVersions;
    private final Clock clock;
    private final Catalogue catalogue;

    public SubmissionService(Institutions institutions, LatestVersions latestVersions, Clock clock, Catalogue catalogue) {
        this.institutions = institutions;
        this.latestVersions = latestVersions;
        this.clock = clock;
        this.catalogue = catalogue;
    }

    public Mono<SubmissionSheet> submissions(@Nullable String periodText) {
        Period period = QueryParameters.period("period", periodText, clock);
        Period reportPeriod = period.reportingPeriod();
        return Access.require(AccessRule.anyOf(Role.ADMIN, Role.ANALYST, Role.SUBMITTER))
                .flatMap(caller -> Mono.zip(
                        institutions.activeOn(reportPeriod.lastDay()).filter(this::reports).filter(visibleTo(caller)).collectList(),
                        latestVersions.of(reportPeriod).collectList()))
                .map(both -> SubmissionSheet.of(period, reportPeriod, both.getT1(), both.getT2()));
    }

    /** Whether an institution's type reports anything: every type, or where the catalogue has sections, those of one. */
    private boolean reports(Institution institution) {
        return catalogue.reportingTypes().map(types -> types.contains(institution.type())).orElse(true);
    }

    private static Predicate<Institution> visibleTo(Caller caller) {
        return institution -> caller.isStaff() || caller.submitsFor(institution.code());
    }
}
