package io.cityfin.risk.alert;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Port: the last evaluation of each (rule, period), and the daily run's claim. */
public interface Evaluations {

    /** Replaces the last evaluation of its (rule, period). */
    Mono<Void> record(Evaluation evaluation);

    /** Every (rule, period)'s last evaluation, by rule, newest period first. */
    Flux<Evaluation> all();

    /** The (rule, period)s whose last evaluation is UNAVAILABLE. */
    Flux<Evaluation> unavailable();

    /**
     * Claims the daily run of {@code day} for this replica: true for exactly one caller across replicas (a PostgreSQL
     * transaction-level advisory lock, then a row per day), false for every other.
     */
    Mono<Boolean> claimDay(LocalDate day, OffsetDateTime at);
}
