package io.cityfin.reporting.indicator;

import io.cityfin.common.period.Period;
import reactor.core.publisher.Mono;

/** Port: the institutions expected to report for a period (active on its last day), and how many of them have. */
public interface ExpectedReports {

    Mono<Tally> tally(Period period);

    /** {@code reported}: the expected institutions whose latest version for the period is a report, not a withdrawal. */
    record Tally(int expected, int reported) {

        public boolean complete() {
            return reported == expected;
        }
    }
}
