package io.cityfin.risk.alert.persistence;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.cityfin.common.period.Period;
import io.cityfin.risk.alert.Alert;
import io.cityfin.risk.alert.AlertChange;
import io.cityfin.risk.alert.AlertStatus;
import io.cityfin.risk.alert.AlertWrite;
import io.cityfin.risk.alert.Alerts;
import io.cityfin.risk.alert.Colour;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code alert} (one row per rule, subject and period: a unique constraint) and {@code alert_change} (its history).
 * A reconciliation takes a transaction-level advisory lock on (rule, period) first, so two evaluations of the same rule
 * and period never read the same alerts at once; a status change locks the alert's row.
 */
@Component
class R2dbcAlerts implements Alerts {

    /** The advisory locks' class (first key), apart from the record machinery's single-key locks. */
    static final int LOCK_CLASS = 1095520340;
    private static final String COLUMNS = "id, rule, rule_version, subject, subject_name, region, period, colour, value, threshold, status, "
            + "raised_at, changed_at";
    private static final String OPEN = "status IN ('OPEN', 'ACKNOWLEDGED')";

    private final DatabaseClient database;
    private final TransactionalOperator transaction;

    R2dbcAlerts(DatabaseClient database, ReactiveTransactionManager transactions) {
        this.database = database;
        this.transaction = TransactionalOperator.create(transactions);
    }

    @Override
    public Mono<List<AlertWrite>> reconcile(String rule, Period period, Function<List<Alert>, List<AlertWrite>> plan) {
        Mono<List<AlertWrite>> work = database.sql("SELECT count(*) AS locked FROM (SELECT pg_advisory_xact_lock(:lockClass, hashtext(:key))) AS l")
                .bind("lockClass", LOCK_CLASS).bind("key", rule + "|" + period)
                .map(row -> 1).first()
                .thenMany(database.sql("SELECT " + COLUMNS + " FROM alert WHERE rule = :rule AND period = :period ORDER BY id")
                        .bind("rule", rule).bind("period", period.toString()).map(R2dbcAlerts::alert).all())
                .collectList()
                .map(plan)
                .flatMap(writes -> Flux.fromIterable(writes).concatMap(this::write).then(Mono.just(writes)));
        return transaction.transactional(work);
    }

    @Override
    public Mono<Alert> change(long id, Function<Alert, Optional<AlertWrite>> change) {
        Mono<Alert> work = database.sql("SELECT " + COLUMNS + " FROM alert WHERE id = :id FOR UPDATE").bind("id", id)
                .map(R2dbcAlerts::alert).one()
                .flatMap(alert -> change.apply(alert).map(this::write).orElse(Mono.empty()).then(byId(id)));
        return transaction.transactional(work);
    }

    @Override
    public Mono<Alert> byId(long id) {
        return database.sql("SELECT " + COLUMNS + " FROM alert WHERE id = :id").bind("id", id).map(R2dbcAlerts::alert).one()
                .flatMap(alert -> database.sql("SELECT changed_at, changed_by, colour, status, value, note FROM alert_change "
                                + "WHERE alert_id = :id ORDER BY id").bind("id", id)
                        .map(row -> new AlertChange(row.get("changed_at", OffsetDateTime.class), row.get("changed_by", String.class),
                                Colour.valueOf(row.get("colour", String.class)), AlertStatus.valueOf(row.get("status", String.class)),
                                row.get("value", BigDecimal.class), row.get("note", String.class)))
                        .all().collectList()
                        .map(history -> new Alert(alert.id(), alert.rule(), alert.ruleVersion(), alert.subject(), alert.subjectName(),
                                alert.region(), alert.period(), alert.colour(), alert.value(), alert.threshold(), alert.status(), alert.raisedAt(),
                                alert.changedAt(), history)));
    }

    @Override
    public Mono<Page> page(Filter filter, int offset, int limit) {
        List<String> conditions = new ArrayList<>();
        List<Object[]> bindings = new ArrayList<>();
        add(conditions, bindings, "period", filter.period() == null ? null : filter.period().toString());
        add(conditions, bindings, "region", filter.region());
        add(conditions, bindings, "colour", filter.colour() == null ? null : filter.colour().name());
        add(conditions, bindings, "status", filter.status() == null ? null : filter.status().name());
        add(conditions, bindings, "rule", filter.rule());
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        var select = database.sql("SELECT " + COLUMNS + " FROM alert" + where + " ORDER BY period DESC, rule, subject, id LIMIT :limit OFFSET :offset");
        var count = database.sql("SELECT count(*) AS total FROM alert" + where);
        for (Object[] binding : bindings) {
            select = select.bind((String) binding[0], binding[1]);
            count = count.bind((String) binding[0], binding[1]);
        }
        Mono<List<Alert>> items = select.bind("limit", limit).bind("offset", offset).map(R2dbcAlerts::alert).all().collectList();
        Mono<Long> total = count.map(row -> row.get("total", Long.class)).one();
        return Mono.zip(items, total).map(both -> new Page(both.getT1(), both.getT2()));
    }

    private static void add(List<String> conditions, List<Object[]> bindings, String column, @Nullable String value) {
        if (value != null) {
            conditions.add(column + " = :" + column);
            bindings.add(new Object[] {column, value});
        }
    }

    @Override
    public Flux<Alert> openOf(List<Period> periods) {
        if (periods.isEmpty()) {
            return Flux.empty();
        }
        return database.sql("SELECT " + COLUMNS + " FROM alert WHERE period = ANY(:periods) AND " + OPEN)
                .bind("periods", periods.stream().map(Period::toString).toArray(String[]::new))
                .map(R2dbcAlerts::alert).all();
    }

    @Override
    public Flux<OpenCount> openCounts() {
        return database.sql("SELECT rule, colour, count(*) AS n FROM alert WHERE " + OPEN + " GROUP BY rule, colour ORDER BY rule, colour")
                .map(row -> new OpenCount(row.get("rule", String.class), Colour.valueOf(row.get("colour", String.class)), row.get("n", Long.class)))
                .all();
    }

    private Mono<Void> write(AlertWrite write) {
        Alert state = write.state();
        Mono<Long> id = state.id() == 0
                ? database.sql("INSERT INTO alert (rule, rule_version, subject, subject_name, region, period, colour, value, threshold, status, "
                                + "raised_at, changed_at) VALUES (:rule, :version, :subject, :name, :region, :period, :colour, :value, :threshold, "
                                + ":status, :raisedAt, :changedAt) RETURNING id")
                        .bind("rule", state.rule()).bind("version", state.ruleVersion()).bind("subject", state.subject())
                        .bind("name", state.subjectName()).bind("region", state.region()).bind("period", state.period().toString())
                        .bind("colour", state.colour().name()).bind("value", state.value()).bind("threshold", threshold(state))
                        .bind("status", state.status().name()).bind("raisedAt", state.raisedAt()).bind("changedAt", state.changedAt())
                        .map(row -> row.get("id", Long.class)).one()
                : database.sql("UPDATE alert SET rule_version = :version, subject_name = :name, region = :region, colour = :colour, "
                                + "value = :value, threshold = :threshold, status = :status, changed_at = :changedAt WHERE id = :id")
                        .bind("version", state.ruleVersion()).bind("name", state.subjectName()).bind("region", state.region())
                        .bind("colour", state.colour().name()).bind("value", state.value()).bind("threshold", threshold(state))
                        .bind("status", state.status().name()).bind("changedAt", state.changedAt()).bind("id", state.id())
                        .fetch().rowsUpdated().thenReturn(state.id());
        AlertChange entry = write.entry();
        if (entry == null) {
            return id.then();
        }
        return id.flatMap(alertId -> {
            var insert = database.sql("INSERT INTO alert_change (alert_id, changed_at, changed_by, colour, status, value, note) "
                            + "VALUES (:alert, :at, :by, :colour, :status, :value, :note)")
                    .bind("alert", alertId).bind("at", entry.at()).bind("by", entry.by()).bind("colour", entry.colour().name())
                    .bind("status", entry.status().name()).bind("value", entry.value());
            insert = entry.note() == null ? insert.bindNull("note", String.class) : insert.bind("note", entry.note());
            return insert.fetch().rowsUpdated().then();
        });
    }

    private static io.r2dbc.spi.Parameter threshold(Alert state) {
        return state.threshold() == null ? io.r2dbc.spi.Parameters.in(BigDecimal.class) : io.r2dbc.spi.Parameters.in(state.threshold());
    }

    private static Alert alert(Readable row) {
        return new Alert(row.get("id", Long.class), row.get("rule", String.class), row.get("rule_version", Integer.class),
                row.get("subject", String.class), row.get("subject_name", String.class), row.get("region", String.class),
                Period.parse(row.get("period", String.class)), Colour.valueOf(row.get("colour", String.class)), row.get("value", BigDecimal.class),
                row.get("threshold", BigDecimal.class), AlertStatus.valueOf(row.get("status", String.class)),
                row.get("raised_at", OffsetDateTime.class), row.get("changed_at", OffsetDateTime.class), List.of());
    }
}
