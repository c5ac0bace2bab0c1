package io.cityfin.reporting.submission;

import io.cityfin.common.period.Period;
import reactor.core.publisher.Flux;

/** Port: the latest version of every institution's report for a report period (monthly or ten-day). */
public interface LatestVersions {

    Flux<LatestVersion> of(Period reportPeriod);
}
