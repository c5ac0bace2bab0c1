package io.cityfin.risk.alert;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.period.Period;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Port: the alerts and their history. */
public interface Alerts {

    /**
     * In one transaction, under a lock per (rule, period) so that two evaluations of the same rule and period run one
     * after the other: reads the rule's alerts of the period (without history), stores what {@code plan} answers for
     * them (new alerts, changed ones, their history entries) and answers those writes.
     */
    Mono<List<AlertWrite>> reconcile(String rule, Period period, Function<List<Alert>, List<AlertWrite>> plan);

    /** In one transaction, the alert locked: stores what {@code change} answers for it (nothing when empty); answers it as it then is. */
    Mono<Alert> change(long id, Function<Alert, Optional<AlertWrite>> change);

    /** The alert with its history; empty when there is none. */
    Mono<Alert> byId(long id);

    /** One page of the alerts matching {@code filter} (without history), newest period first, and how many match. */
    Mono<Page> page(Filter filter, int offset, int limit);

    /** The alerts of these periods that are open now (without history): the ALERTS_OPEN_* counts. */
    Flux<Alert> openOf(List<Period> periods);

    /** How many alerts are open now, by rule and colour: the gauge. */
    Flux<OpenCount> openCounts();

    /** A list's filters; null is any. */
    record Filter(@Nullable Period period, @Nullable String region, @Nullable Colour colour, @Nullable AlertStatus status,
                  @Nullable String rule) {
    }

    record Page(List<Alert> items, long total) {
    }

    record OpenCount(String rule, Colour colour, long count) {
    }
}
