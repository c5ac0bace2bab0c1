package io.cityfin.reporting.warning.persistence;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.cityfin.common.period.Period;
import io.cityfin.reporting.warning.ReviewableWarning;
import io.cityfin.reporting.warning.Warnings;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The list runs along {@code report_by_period} (which carries {@code latest_version_id}) to the latest version's
 * warnings ({@code report_warning_by_version}); a review is one conditional {@code UPDATE}, so the first review
 * stays, then the warning is read back with its version ({@code report_version}).
 */
@Component
class R2dbcWarnings implements Warnings {

    private static final String COLUMNS = "w.id, v.institution_code, v.period, NULL AS collection, NULL::uuid AS record_id,"
            + " NULL AS record_key, v.version, w.code, w.pointer, w.message, w.reviewed_at, w.reviewed_by";
    private static final String RECORD_COLUMNS = "w.id, NULL AS institution_code, NULL AS period, w.collection, w.record_id,"
            + " h.key AS record_key, w.version, w.code, w.pointer, w.message, w.reviewed_at, w.reviewed_by";

    private final DatabaseClient database;

    R2dbcWarnings(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Flux<ReviewableWarning> onLatestVersions(Period reportPeriod, @Nullable Boolean reviewed) {
        String filter = reviewed == null ? "" : reviewed ? " AND w.reviewed_at IS NOT NULL" : " AND w.reviewed_at IS NULL";
        return database.sql("SELECT w.id, r.institution_code, r.period, NULL AS collection, NULL::uuid AS record_id, NULL AS record_key,"
                        + " r.latest_version AS version, w.code, w.pointer, w.message, w.reviewed_at, w.reviewed_by"
                        + " FROM report r JOIN report_warning w ON w.version_id = r.latest_version_id"
                        + " WHERE r.period = :period" + filter
                        + " ORDER BY r.institution_code, w.id")
                .bind("period", reportPeriod.toString())
                .map(R2dbcWarnings::warning)
                .all();
    }

    @Override
    public Flux<ReviewableWarning> onLatestRecordVersions(@Nullable Boolean reviewed) {
        String filter = reviewed == null ? "" : reviewed ? " AND w.reviewed_at IS NOT NULL" : " AND w.reviewed_at IS NULL";
        return database.sql("SELECT " + RECORD_COLUMNS + " FROM record_head h JOIN record_warning w ON w.collection = h.collection"
                        + " AND w.record_id = h.id AND w.version = h.latest_version WHERE h.status = 'ACTIVE'" + filter
                        + " ORDER BY h.collection, h.key, h.id, w.id")
                .map(R2dbcWarnings::warning)
                .all();
    }

    @Override
    public Mono<ReviewableWarning> review(long id, OffsetDateTime at, String by) {
        // Two statements each on purpose: a CTE's SELECT would still see the row as it was before its own UPDATE. The ids
        // of both tables come from one sequence, so at most one of them has the row.
        Mono<ReviewableWarning> report = database.sql("UPDATE report_warning SET reviewed_at = :at, reviewed_by = :by WHERE id = :id"
                        + " AND reviewed_at IS NULL")
                .bind("at", at).bind("by", by).bind("id", id)
                .fetch().rowsUpdated()
                .then(database.sql("SELECT " + COLUMNS + " FROM report_warning w JOIN report_version v ON v.id = w.version_id WHERE w.id = :id")
                        .bind("id", id)
                        .map(R2dbcWarnings::warning)
                        .one());
        Mono<ReviewableWarning> record = database.sql("UPDATE record_warning SET reviewed_at = :at, reviewed_by = :by WHERE id = :id"
                        + " AND reviewed_at IS NULL")
                .bind("at", at).bind("by", by).bind("id", id)
                .fetch().rowsUpdated()
                .then(database.sql("SELECT " + RECORD_COLUMNS + " FROM record_warning w JOIN record_head h ON h.collection = w.collection"
                                + " AND h.id = w.record_id WHERE w.id = :id")
                        .bind("id", id)
                        .map(R2dbcWarnings::warning)
                        .one());
        return report.switchIfEmpty(record);
    }

    private static ReviewableWarning warning(Readable row) {
        String period = row.get("period", String.class);
        return new ReviewableWarning(row.get("id", Long.class), row.get("institution_code", String.class),
                period == null ? null : Period.parse(period), row.get("collection", String.class), row.get("record_id", java.util.UUID.class),
                row.get("record_key", String.class), row.get("version", Integer.class), row.get("code", String.class),
                row.get("pointer", String.class), row.get("message", String.class), row.get("reviewed_at", OffsetDateTime.class),
                row.get("reviewed_by", String.class));
    }
}
