package io.cityfin.risk.alert.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.cityfin.common.period.Period;
import io.cityfin.risk.alert.Evaluation;
import io.cityfin.risk.alert.Evaluations;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code alert_evaluation} (the last evaluation per rule and period) and {@code alert_daily_run} (the daily run's claims). */
@Component
class R2dbcEvaluations implements Evaluations {

    /** The daily run's advisory lock class, apart from the alerts' ({@link R2dbcAlerts#LOCK_CLASS}). */
    static final int DAILY_LOCK_CLASS = 1095520341;
    private static final String COLUMNS = "rule, period, rule_version, evaluated_at, outcome, detail";

    private final DatabaseClient database;
    private final TransactionalOperator transaction;

    R2dbcEvaluations(DatabaseClient database, ReactiveTransactionManager transactions) {
        this.database = database;
        this.transaction = TransactionalOperator.create(transactions);
    }

    @Override
    public Mono<Void> record(Evaluation evaluation) {
        var insert = database.sql("INSERT INTO alert_evaluation (" + COLUMNS + ") VALUES (:rule, :period, :version, :at, :outcome, :detail) "
                        + "ON CONFLICT (rule, period) DO UPDATE SET rule_version = EXCLUDED.rule_version, evaluated_at = EXCLUDED.evaluated_at, "
                        + "outcome = EXCLUDED.outcome, detail = EXCLUDED.detail")
                .bind("rule", evaluation.rule()).bind("period", evaluation.period().toString()).bind("version", evaluation.ruleVersion())
                .bind("at", evaluation.at()).bind("outcome", evaluation.outcome().name());
        insert = evaluation.detail() == null ? insert.bindNull("detail", String.class) : insert.bind("detail", evaluation.detail());
        return insert.fetch().rowsUpdated().then();
    }

    @Override
    public Flux<Evaluation> all() {
        return database.sql("SELECT " + COLUMNS + " FROM alert_evaluation ORDER BY rule, period DESC").map(R2dbcEvaluations::evaluation).all();
    }

    @Override
    public Flux<Evaluation> unavailable() {
        return database.sql("SELECT " + COLUMNS + " FROM alert_evaluation WHERE outcome = 'UNAVAILABLE' ORDER BY rule, period")
                .map(R2dbcEvaluations::evaluation).all();
    }

    @Override
    public Mono<Boolean> claimDay(LocalDate day, OffsetDateTime at) {
        Mono<Boolean> work = database.sql("SELECT pg_try_advisory_xact_lock(:lockClass, :day) AS locked")
                .bind("lockClass", DAILY_LOCK_CLASS).bind("day", (int) day.toEpochDay())
                .map(row -> Boolean.TRUE.equals(row.get("locked", Boolean.class))).one()
                .flatMap(locked -> !locked ? Mono.just(false)
                        : database.sql("INSERT INTO alert_daily_run (day, claimed_at) VALUES (:day, :at) ON CONFLICT (day) DO NOTHING")
                                .bind("day", day).bind("at", at).fetch().rowsUpdated().map(rows -> rows == 1));
        return transaction.transactional(work);
    }

    private static Evaluation evaluation(Readable row) {
        return new Evaluation(row.get("rule", String.class), Period.parse(row.get("period", String.class)), row.get("rule_version", Integer.class),
                row.get("evaluated_at", OffsetDateTime.class), Evaluation.Outcome.valueOf(row.get("outcome", String.class)),
                row.get("detail", String.class));
    }
}
