package io.cityfin.reporting.target.persistence;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.cityfin.reporting.indicator.Target;
import io.cityfin.reporting.indicator.TargetKind;
import io.cityfin.reporting.target.TargetSet;
import io.cityfin.reporting.target.TargetSets;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

@Component
class R2dbcTargetSets implements TargetSets {

    private final DatabaseClient database;
    private final TransactionalOperator transaction;

    R2dbcTargetSets(DatabaseClient database, ReactiveTransactionManager transactions) {
        this.database = database;
        this.transaction = TransactionalOperator.create(transactions);
    }

    /** The latest version of the year with its lines, in one statement (a set without lines has one row of nulls). */
    @Override
    public Mono<TargetSet> latest(int year) {
        return database.sql("""
                        SELECT s.year, s.version, s.changed_at, s.changed_by, l.indicator, l.kind, l.value
                        FROM (SELECT year, version, changed_at, changed_by FROM target_set
                              WHERE year = :year ORDER BY version DESC LIMIT 1) s
                        LEFT JOIN target_line l ON l.year = s.year AND l.version = s.version
                        ORDER BY l.indicator""")
                .bind("year", year)
                .map(row -> new Row(new Header(row.get("year", Integer.class), row.get("version", Integer.class),
                        row.get("changed_at", OffsetDateTime.class), row.get("changed_by", String.class)),
                        row.get("indicator", String.class) == null ? null
                                : new Target(row.get("indicator", String.class), TargetKind.valueOf(row.get("kind", String.class)),
                                        row.get("value", BigDecimal.class))))
                .all().collectList()
                .filter(rows -> !rows.isEmpty())
                .map(rows -> {
                    Header header = rows.get(0).header();
                    List<Target> targets = rows.stream().map(Row::target).filter(Objects::nonNull).toList();
                    return new TargetSet(header.year(), header.version(), targets, header.changedAt(), header.changedBy());
                });
    }

    @Override
    public Mono<TargetSet> append(int year, List<Target> targets, OffsetDateTime at, String changedBy) {
        Mono<Integer> insert = database.sql("""
                        INSERT INTO target_set (year, version, changed_at, changed_by)
                        SELECT :year, COALESCE(MAX(version), 0) + 1, :at, :by FROM target_set WHERE year = :year
                        RETURNING version""")
                .bind("year", year).bind("at", at).bind("by", changedBy)
                .map(row -> row.get("version", Integer.class)).one()
                .flatMap(version -> targets.isEmpty() ? Mono.just(version) : database.sql("""
                                INSERT INTO target_line (year, version, indicator, kind, value)
                                SELECT :year, :version, indicator, kind, value
                                FROM unnest(:indicators::text[], :kinds::text[], :values::numeric[]) AS t(indicator, kind, value)""")
                        .bind("year", year).bind("version", version)
                        .bind("indicators", targets.stream().map(Target::indicator).toArray(String[]::new))
                        .bind("kinds", targets.stream().map(t -> t.kind().name()).toArray(String[]::new))
                        .bind("values", targets.stream().map(Target::value).toArray(BigDecimal[]::new))
                        .then().thenReturn(version));
        return transaction.transactional(insert)
                .retryWhen(Retry.max(3).filter(DuplicateKeyException.class::isInstance))
                .then(latest(year));
    }

    private record Header(int year, int version, OffsetDateTime changedAt, String changedBy) {
    }

    private record Row(Header header, @Nullable Target target) {
    }
}
