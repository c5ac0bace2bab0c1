package io.cityfin.reporting.target;

import java.time.OffsetDateTime;
import java.util.List;

import io.cityfin.reporting.indicator.Target;
import reactor.core.publisher.Mono;

/** Port: the versions of each year's target set. */
public interface TargetSets {

    Mono<TargetSet> latest(int year);

    Mono<TargetSet> append(int year, List<Target> targets, OffsetDateTime at, String changedBy);
}
