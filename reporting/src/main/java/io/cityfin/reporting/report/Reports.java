package io.cityfin.reporting.report;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.http.IfMatch;
import io.cityfin.common.period.Period;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Port: report versions, append-only. */
public interface Reports {

    Mono<ReportVersion> latest(String institutionCode, Period period);

    /** Every version, oldest first, without lines. */
    Flux<ReportVersion> versions(String institutionCode, Period period);

    Mono<ReportVersion> version(String institutionCode, Period period, int version);

    /**
     * Appends {@code candidate} as the next version unless the latest version has the same content hash and status;
     * atomically, so concurrent appends never lose one or reuse a number. {@code candidate.version()} is ignored.
     * With {@code ifMatch}, the latest version is checked against it under the same lock: when it does not match, the
     * answer is a {@link io.cityfin.common.problem.PreconditionFailedException} and nothing is stored.
     */
    Mono<Appended> append(ReportVersion candidate, @Nullable IfMatch ifMatch);

    /** Institutions whose latest version for the period is a report, not a withdrawal. */
    Flux<String> reportedInstitutions(Period period);

    /** The version now latest, and whether this append created it. */
    record Appended(ReportVersion version, boolean created) {
    }
}
