package io.cityfin.reporting.warning;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.period.Period;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Port: the warnings stored on report and record versions, and their review. */
public interface Warnings {

    /**
     * The warnings on the latest version of each institution's report for the report period, by institution code
     * and id; {@code reviewed} true or false keeps only reviewed or only unreviewed ones, null keeps all.
     */
    Flux<ReviewableWarning> onLatestVersions(Period reportPeriod, @Nullable Boolean reviewed);

    /** The warnings on the latest version of each record not withdrawn, by collection, key, id and warning id. */
    Flux<ReviewableWarning> onLatestRecordVersions(@Nullable Boolean reviewed);

    /**
     * Marks the warning (of a report or a record) reviewed at {@code at} by {@code by} unless it is reviewed already
     * (atomically: of two racing reviews, one wins and both answer its review); the warning as stored afterwards, or
     * empty if unknown.
     */
    Mono<ReviewableWarning> review(long id, OffsetDateTime at, String by);
}
