package io.cityfin.reporting.warning;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import io.cityfin.common.http.QueryParameters;
import io.cityfin.common.identity.Access;
import io.cityfin.common.identity.AccessRule;
import io.cityfin.common.identity.Role;
import io.cityfin.common.period.Period;
import io.cityfin.common.problem.NotFoundException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The review list (data-standard.md, "Accepted with warnings"): ADMIN and ANALYST read the warnings on the latest
 * versions of a period's reports and of every record, and mark them reviewed; the first review is kept, a second
 * changes nothing. A quarter or a year is a view of its last month.
 */
@Service
public class WarningService {

    private static final AccessRule STAFF = AccessRule.anyOf(Role.ADMIN, Role.ANALYST);

    private final Warnings warnings;
    private final Clock clock;

    public WarningService(Warnings warnings, Clock clock) {
        this.warnings = warnings;
        this.clock = clock;
    }

    /** With a period, its reports' warnings first; then every record's (records belong to no period). */
    public Flux<ReviewableWarning> list(@Nullable String periodText, @Nullable Boolean reviewed) {
        Flux<ReviewableWarning> reports = periodText == null ? Flux.empty()
                : warnings.onLatestVersions(QueryParameters.period("period", periodText, clock).reportingPeriod(), reviewed);
        return Access.require(STAFF).thenMany(Flux.concat(reports, warnings.onLatestRecordVersions(reviewed)));
    }

    /** Any stored warning may be reviewed, also one on a version a later one replaced. */
    public Mono<ReviewableWarning> review(long id) {
        return Access.require(STAFF)
                .flatMap(caller -> warnings.review(id, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), caller.subject()))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No warning " + id + ".")));
    }
}
