package io.cityfin.reporting.report.persistence;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.RowsFetchSpec;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.cityfin.common.http.IfMatch;
import io.cityfin.common.period.Period;
import io.cityfin.common.problem.PreconditionFailedException;
import io.cityfin.common.region.Region;
import io.cityfin.reporting.report.ReportLine;
import io.cityfin.reporting.report.ReportStatus;
import io.cityfin.reporting.report.ReportVersion;
import io.cityfin.reporting.report.ReportWarning;
import io.cityfin.reporting.report.Reports;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Versions in {@code report_version} with their lines and warnings; {@code report} holds the pointer to the latest
 * version and is locked ({@code FOR UPDATE}) while a version is appended. Lines and warnings go in one statement
 * each ({@code unnest} of arrays), never row by row; the latest figures the indicators read ({@link LatestFigures})
 * change in the same transaction.
 */
@Component
class R2dbcReports implements Reports {

    private static final String VERSION_COLUMNS =
            "v.id, v.institution_code, v.period, v.version, v.content_hash, v.status, v.received_at, v.submitted_by, v.submitted_for";

    private final DatabaseClient database;
    private final TransactionalOperator transaction;
    private final LatestFigures latestFigures;

    R2dbcReports(DatabaseClient database, ReactiveTransactionManager transactions) {
        this.database = database;
        this.transaction = TransactionalOperator.create(transactions);
        this.latestFigures = new LatestFigures(database);
    }

    @Override
    public Mono<ReportVersion> latest(String institutionCode, Period period) {
        return headers("report r JOIN report_version v ON v.id = r.latest_version_id WHERE r.institution_code = :code"
                + " AND r.period = :period", institutionCode, period, null).one().flatMap(this::withLinesAndWarnings);
    }

    @Override
    public Flux<ReportVersion> versions(String institutionCode, Period period) {
        return headers("report_version v WHERE v.institution_code = :code AND v.period = :period ORDER BY v.version",
                institutionCode, period, null).all().map(Header::withoutLines);
    }

    @Override
    public Mono<ReportVersion> version(String institutionCode, Period period, int version) {
        return headers("report_version v WHERE v.institution_code = :code AND v.period = :period AND v.version = :version",
                institutionCode, period, version).one().flatMap(this::withLinesAndWarnings);
    }

    /**
     * Version headers {@code FROM <fromWhere>}, with :code, :period and (if given) :version bound. Single rows are
     * read with {@code one()}, never {@code all().next()}: cancelling a running query can leak a pooled connection.
     */
    private RowsFetchSpec<Header> headers(String fromWhere, String institutionCode, Period period, @Nullable Integer version) {
        DatabaseClient.GenericExecuteSpec query = database.sql("SELECT " + VERSION_COLUMNS + " FROM " + fromWhere)
                .bind("code", institutionCode).bind("period", period.toString());
        if (version != null) {
            query = query.bind("version", version);
        }
        return query.map(R2dbcReports::header);
    }

    @Override
    public Flux<String> reportedInstitutions(Period period) {
        return database.sql("SELECT r.institution_code FROM report r JOIN report_version v ON v.id = r.latest_version_id"
                        + " WHERE r.period = :period AND v.status <> 'WITHDRAWN'")
                .bind("period", period.toString())
                .map(row -> row.get("institution_code", String.class))
                .all();
    }

    @Override
    public Mono<Appended> append(ReportVersion candidate, @Nullable IfMatch ifMatch) {
        String code = candidate.institutionCode();
        String period = candidate.period().toString();
        Mono<Head> append = database.sql("""
                        INSERT INTO report (institution_code, period, period_type, latest_version, latest_version_id)
                        VALUES (:code, :period, :type, 0, 0) ON CONFLICT DO NOTHING""")
                .bind("code", code).bind("period", period).bind("type", candidate.period().type().name())
                .then()
                // Lock the head row alone, then read the latest version's hash: a FOR UPDATE over a join re-checks a
                // concurrently updated row against the other table's old row and can lose or null-extend it.
                .then(database.sql("""
                                SELECT latest_version, latest_version_id FROM report
                                WHERE institution_code = :code AND period = :period FOR UPDATE""")
                        .bind("code", code).bind("period", period)
                        .map(row -> new long[] {row.get("latest_version", Integer.class), row.get("latest_version_id", Long.class)})
                        .one())
                // If-Match is compared here, under the lock, so that no other append can slip in between check and write
                .flatMap(head -> ifMatch == null || ifMatch.matches((int) head[0]) ? Mono.just(head)
                        : Mono.error(PreconditionFailedException.ofLatest((int) head[0])))
                .flatMap(head -> head[0] == 0 ? Mono.just(new Head(0, 0, null))
                        : database.sql("SELECT content_hash FROM report_version WHERE id = :id").bind("id", head[1])
                                .map(row -> new Head((int) head[0], head[1], row.get("content_hash", String.class))).one())
                .flatMap(head -> candidate.contentHash().equals(head.contentHash())
                        ? Mono.just(new Head(head.version(), head.versionId(), null))
                        : insert(candidate, head).map(id -> new Head(head.version() + 1, id, candidate.contentHash())));
        // Read back the very version this call settled on (not "the latest", which a later call may already have moved).
        return transaction.transactional(append)
                .flatMap(settled -> version(code, candidate.period(), settled.version())
                        .map(stored -> new Appended(stored, settled.contentHash() != null)));
    }

    /** The version after {@code latest}, its lines and warnings, the head moved to it and the latest figures with it. */
    private Mono<Long> insert(ReportVersion candidate, Head latest) {
        int version = latest.version() + 1;
        var insertVersion = database.sql("""
                        INSERT INTO report_version (institution_code, period, version, content_hash, status, received_at, submitted_by, submitted_for)
                        VALUES (:code, :period, :version, :hash, :status, :at, :by, :for) RETURNING id""")
                .bind("code", candidate.institutionCode()).bind("period", candidate.period().toString())
                .bind("version", version).bind("hash", candidate.contentHash()).bind("status", candidate.status().name())
                .bind("at", candidate.receivedAt()).bind("by", candidate.submittedBy());
        insertVersion = candidate.submittedFor() == null ? insertVersion.bindNull("for", String.class)
                : insertVersion.bind("for", candidate.submittedFor());
        return insertVersion.map(row -> row.get("id", Long.class)).one()
                .flatMap(id -> insertLines(id, candidate.lines())
                        .then(insertWarnings(id, candidate.warnings()))
                        .then(database.sql("""
                                        UPDATE report SET latest_version = :version, latest_version_id = :id
                                        WHERE institution_code = :code AND period = :period""")
                                .bind("version", version).bind("id", id)
                                .bind("code", candidate.institutionCode()).bind("period", candidate.period().toString())
                                .then())
                        .then(latestFigures.replace(candidate.institutionCode(), candidate.period().toString(), latest.versionId(), id))
                        .thenReturn(id));
    }

    private Mono<Void> insertLines(long versionId, List<ReportLine> lines) {
        if (lines.isEmpty()) {
            return Mono.empty();
        }
        return database.sql("""
                        INSERT INTO report_line (version_id, item, region, value)
                        SELECT :id, item, region, value FROM unnest(:items::text[], :regions::text[], :values::numeric[])
                            AS line(item, region, value)""")
                .bind("id", versionId)
                .bind("items", lines.stream().map(ReportLine::item).toArray(String[]::new))
                .bind("regions", lines.stream().map(line -> line.region().code()).toArray(String[]::new))
                .bind("values", lines.stream().map(ReportLine::value).toArray(BigDecimal[]::new))
                .then();
    }

    private Mono<Void> insertWarnings(long versionId, List<ReportWarning> warnings) {
        if (warnings.isEmpty()) {
            return Mono.empty();
        }
        return database.sql("""
                        INSERT INTO report_warning (version_id, code, pointer, message)
                        SELECT :id, code, pointer, message FROM unnest(:codes::text[], :pointers::text[], :messages::text[])
                            AS warning(code, pointer, message)""")
                .bind("id", versionId)
                .bind("codes", warnings.stream().map(ReportWarning::code).toArray(String[]::new))
                .bind("pointers", warnings.stream().map(ReportWarning::pointer).toArray(String[]::new))
                .bind("messages", warnings.stream().map(ReportWarning::message).toArray(String[]::new))
                .then();
    }

    private Mono<ReportVersion> withLinesAndWarnings(Header header) {
        Mono<List<ReportLine>> lines = database.sql("SELECT item, region, value FROM report_line WHERE version_id = :id ORDER BY item, region")
                .bind("id", header.id())
                .map(row -> new ReportLine(row.get("item", String.class), Region.ofCode(row.get("region", String.class)).orElseThrow(),
                        row.get("value", BigDecimal.class)))
                .all().collectList();
        Mono<List<ReportWarning>> warnings = database.sql("SELECT code, pointer, message FROM report_warning WHERE version_id = :id ORDER BY id")
                .bind("id", header.id())
                .map(row -> new ReportWarning(row.get("code", String.class), row.get("pointer", String.class), row.get("message", String.class)))
                .all().collectList();
        return Mono.zip(lines, warnings).map(both -> header.with(both.getT1(), both.getT2()));
    }

    private static Header header(Readable row) {
        return new Header(row.get("id", Long.class), row.get("institution_code", String.class),
                Period.parse(row.get("period", String.class)), row.get("version", Integer.class), row.get("content_hash", String.class),
                ReportStatus.valueOf(row.get("status", String.class)), row.get("received_at", OffsetDateTime.class),
                row.get("submitted_by", String.class), row.get("submitted_for", String.class));
    }

    /**
     * The latest version: its number, its id (0 before the first) and its content hash; after an append, the hash is
     * null when nothing was added.
     */
    private record Head(int version, long versionId, @Nullable String contentHash) {
    }

    private record Header(long id, String institutionCode, Period period, int version, String contentHash, ReportStatus status,
                          OffsetDateTime receivedAt, String submittedBy, @Nullable String submittedFor) {

        ReportVersion with(List<ReportLine> lines, List<ReportWarning> warnings) {
            return new ReportVersion(institutionCode, period, version, contentHash, status, receivedAt, submittedBy, submittedFor,
                    lines, warnings);
        }

        ReportVersion withoutLines() {
            return with(List.of(), List.of());
        }
    }
}
