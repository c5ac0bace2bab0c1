package io.cityfin.reporting.indicator;

import java.util.Optional;
import java.util.Set;

import io.cityfin.common.period.Period;
import reactor.core.publisher.Mono;

/**
 * Port: the institutions expected to report for a period (active on its last day, of the types that report what is
 * counted), and how many of them have.
 */
public interface ExpectedReports {

    /** Every institution in the registry is expected (a service whose catalogue has no sections). */
    default Mono<Tally> tally(Period period) {
        return tally(period, Optional.empty());
    }

    /** Only institutions of {@code types} are expected; empty: every type. */
    Mono<Tally> tally(Period period, Optional<Set<String>> types);

    /** {@code reported}: the expected institutions whose latest version for the period is a report, not a withdrawal. */
    record Tally(int expected, int reported) {

        public boolean complete() {
            return reported == expected;
        }
    }
}
