package io.cityfin.reporting.target;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import io.cityfin.common.identity.Access;
import io.cityfin.common.identity.AccessRule;
import io.cityfin.common.problem.FieldError;
import io.cityfin.common.problem.InvalidParameterException;
import io.cityfin.common.problem.NotFoundException;
import io.cityfin.common.problem.RuleViolationException;
import io.cityfin.reporting.indicator.IndicatorDefinition;
import io.cityfin.reporting.indicator.IndicatorTargets;
import io.cityfin.reporting.indicator.IndicatorDefinitions;
import io.cityfin.reporting.indicator.Target;
import io.cityfin.reporting.indicator.TargetKind;
import reactor.core.publisher.Mono;

/**
 * Annual targets (data-standard.md, "Targets"): an ADMIN replaces a year's whole set (a new version; the same set
 * again changes nothing); every role reads them. A target names one of the service's indicators, with a kind that
 * fits it (FLOW on a FLOW indicator, INCREASE or BALANCE on a STOCK one) and a value above 0.
 */
@Service
public class TargetService implements IndicatorTargets {

    private final TargetSets sets;
    private final Map<String, IndicatorDefinition> indicators;
    private final Clock clock;

    public TargetService(TargetSets sets, IndicatorDefinitions indicators, Clock clock) {
        this.sets = sets;
        this.indicators = indicators.targetable().stream().collect(Collectors.toMap(IndicatorDefinition::code, Function.identity()));
        this.clock = clock;
    }

    /** The targets as sent: codes and kinds are strings, so the rules, not the parser, refuse them. */
    public record Requested(@Nullable String indicator, @Nullable String kind, @Nullable BigDecimal value) {
    }

    public record Put(TargetSet set, boolean created) {
    }

    public Mono<Put> put(int year, List<Requested> requested) {
        checkYear(year);
        return Access.require(AccessRule.admin()).flatMap(caller -> {
            List<Target> targets = checked(requested);
            return sets.latest(year)
                    .filter(latest -> latest.sameTargetsAs(targets))
                    .map(latest -> new Put(latest, false))
                    .switchIfEmpty(Mono.defer(() -> sets.append(year, targets, now(), caller.subject()).map(set -> new Put(set, true))));
        });
    }

    public Mono<TargetSet> get(int year) {
        checkYear(year);
        return Access.require(AccessRule.anyRole()).then(sets.latest(year))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No targets for " + year + ".")));
    }

    /** The year's latest targets, or none: for the indicators, without access checks of its own. */
    @Override
    public Mono<List<Target>> forYear(int year) {
        return sets.latest(year).map(TargetSet::targets).defaultIfEmpty(List.of());
    }

    private List<Target> checked(List<Requested> requested) {
        List<FieldError> errors = new ArrayList<>();
        List<Target> targets = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            Requested target = requested.get(i);
            String at = "/targets/" + i;
            IndicatorDefinition indicator = target.indicator() == null ? null : indicators.get(target.indicator());
            TargetKind kind = kind(target.kind());
            int before = errors.size();
            if (indicator == null) {
                errors.add(FieldError.atPointer(at + "/indicator", "UNKNOWN_INDICATOR",
                        "'" + target.indicator() + "' is not an indicator of this service."));
            } else if (!seen.add(indicator.code())) {
                errors.add(FieldError.atPointer(at + "/indicator", "DUPLICATE_TARGET", indicator.code() + " has a target twice."));
            }
            if (kind == null) {
                errors.add(FieldError.atPointer(at + "/kind", "UNKNOWN_TARGET_KIND", "A target kind is FLOW, INCREASE or BALANCE."));
            } else if (indicator != null && !kind.fits(indicator.kind())) {
                errors.add(FieldError.atPointer(at + "/kind", "TARGET_KIND_MISMATCH",
                        "A " + kind + " target does not fit " + indicator.code() + ", a " + indicator.kind() + " indicator."));
            }
            if (target.value() == null || target.value().signum() <= 0) {
                errors.add(FieldError.atPointer(at + "/value", "TARGET_NOT_POSITIVE", "A target is above 0."));
            } else if (Math.max(0, target.value().stripTrailingZeros().scale()) > 2) {
                errors.add(FieldError.atPointer(at + "/value", "TOO_MANY_DECIMALS", "A target has at most 2 decimals."));
            }
            if (errors.size() == before) {
                targets.add(new Target(indicator.code(), kind, target.value()));
            }
        }
        if (!errors.isEmpty()) {
            throw new RuleViolationException("The targets break " + errors.size() + " rule(s); nothing was stored.", errors);
        }
        return targets;
    }

    private static @Nullable TargetKind kind(@Nullable String kind) {
        for (TargetKind candidate : TargetKind.values()) {
            if (candidate.name().equals(kind)) {
                return candidate;
            }
        }
        return null;
    }

    private static void checkYear(int year) {
        if (year < 2000 || year > 2100) {
            throw new InvalidParameterException("year", "INVALID_YEAR", "A target year is 2000 to 2100.");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
