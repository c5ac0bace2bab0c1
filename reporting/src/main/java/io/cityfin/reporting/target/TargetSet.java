package io.cityfin.reporting.target;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.cityfin.reporting.indicator.Target;

/** One version of a year's targets, replaced as a whole. */
public record TargetSet(int year, int version, List<Target> targets, OffsetDateTime changedAt, String changedBy) {

    public TargetSet {
        targets = List.copyOf(targets);
    }

    public Optional<Target> forIndicator(String code) {
        return targets.stream().filter(target -> target.indicator().equals(code)).findFirst();
    }

    /** Same targets, in any order. */
    public boolean sameTargetsAs(List<Target> other) {
        return targets.size() == other.size() && other.stream().allMatch(candidate -> forIndicator(candidate.indicator())
                .filter(t -> t.kind() == candidate.kind() && t.value().compareTo(candidate.value()) == 0).isPresent());
    }
}
