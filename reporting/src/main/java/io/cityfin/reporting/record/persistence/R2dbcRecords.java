package io.cityfin.reporting.record.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.cityfin.common.http.IfMatch;
import io.cityfin.common.problem.PreconditionFailedException;
import io.cityfin.reporting.record.RecordStatus;
import io.cityfin.reporting.record.RecordVersion;
import io.cityfin.reporting.record.Records;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Versions in {@code record_version} (append-only, content as jsonb); {@code record_head} points at the latest version
 * and is locked ({@code FOR UPDATE}) while one is appended; {@code idempotency_key} holds each key's first answer and
 * is claimed in the same transaction that creates the record. Single rows are read with {@code one()}.
 */
@Component
class R2dbcRecords implements Records {

    private static final String COLUMNS = "v.collection, v.id, v.version, v.content::text AS content, v.content_hash, v.status,"
            + " v.recorded_at, v.recorded_by, v.recorded_for";
    private static final String KEY_COLUMNS = "subject, key, request_hash, collection, record_id, record_version, response_status, created_at";

    private final DatabaseClient database;
    private final TransactionalOperator transaction;

    R2dbcRecords(DatabaseClient database, ReactiveTransactionManager transactions) {
        this.database = database;
        this.transaction = TransactionalOperator.create(transactions);
    }

    @Override
    public Mono<RecordVersion> latest(String collection, UUID id) {
        return database.sql("SELECT " + COLUMNS + " FROM record_head h JOIN record_version v ON v.collection = h.collection"
                        + " AND v.id = h.id AND v.version = h.latest_version WHERE h.collection = :collection AND h.id = :id")
                .bind("collection", collection).bind("id", id)
                .map(R2dbcRecords::version).one();
    }

    @Override
    public Flux<RecordVersion> latestOfAll(String collection) {
        return database.sql("SELECT " + COLUMNS + " FROM record_head h JOIN record_version v ON v.collection = h.collection"
                        + " AND v.id = h.id AND v.version = h.latest_version WHERE h.collection = :collection ORDER BY v.id")
                .bind("collection", collection)
                .map(R2dbcRecords::version).all();
    }

    @Override
    public Flux<RecordVersion> versions(String collection, UUID id) {
        return database.sql("SELECT " + COLUMNS + " FROM record_version v WHERE v.collection = :collection AND v.id = :id ORDER BY v.version")
                .bind("collection", collection).bind("id", id)
                .map(R2dbcRecords::version).all();
    }

    @Override
    public Mono<RecordVersion> version(String collection, UUID id, int version) {
        return database.sql("SELECT " + COLUMNS + " FROM record_version v WHERE v.collection = :collection AND v.id = :id"
                        + " AND v.version = :version")
                .bind("collection", collection).bind("id", id).bind("version", version)
                .map(R2dbcRecords::version).one();
    }

    @Override
    public Mono<KeyClaim> claim(String subject, String key, OffsetDateTime since) {
        return database.sql("SELECT " + KEY_COLUMNS + " FROM idempotency_key WHERE subject = :subject AND key = :key AND created_at >= :since")
                .bind("subject", subject).bind("key", key).bind("since", since)
                .map(R2dbcRecords::claim).one();
    }

    @Override
    public Mono<KeyClaim> create(KeyClaim claim, RecordVersion first, OffsetDateTime since) {
        // A concurrent insert of the same key waits for the first transaction; an expired claim is taken over.
        Mono<KeyClaim> create = database.sql("""
                        INSERT INTO idempotency_key (subject, key, request_hash, collection, record_id, record_version, response_status, created_at)
                        VALUES (:subject, :key, :hash, :collection, :id, :version, :status, :at)
                        ON CONFLICT (subject, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, collection = EXCLUDED.collection,
                            record_id = EXCLUDED.record_id, record_version = EXCLUDED.record_version,
                            response_status = EXCLUDED.response_status, created_at = EXCLUDED.created_at
                        WHERE idempotency_key.created_at < :since
                        RETURNING subject""")
                .bind("subject", claim.subject()).bind("key", claim.key()).bind("hash", claim.requestHash())
                .bind("collection", claim.collection()).bind("id", claim.recordId()).bind("version", claim.recordVersion())
                .bind("status", claim.responseStatus()).bind("at", claim.createdAt()).bind("since", since)
                .map(row -> true).one()
                .flatMap(claimed -> insertFirst(first).thenReturn(claim))
                .switchIfEmpty(Mono.defer(() -> claim(claim.subject(), claim.key(), since)));
        return transaction.transactional(create);
    }

    private Mono<Void> insertFirst(RecordVersion first) {
        return database.sql("INSERT INTO record_head (collection, id, latest_version) VALUES (:collection, :id, 1)")
                .bind("collection", first.collection()).bind("id", first.id())
                .then()
                .then(insertVersion(first, 1));
    }

    @Override
    public Mono<Appended> append(RecordVersion candidate, @Nullable IfMatch ifMatch) {
        // The head row alone is locked and its latest version read afterwards: a join in the locking statement would be
        // re-checked against the old version row once a concurrent append commits, and find nothing.
        Mono<Settled> append = database.sql("SELECT latest_version FROM record_head WHERE collection = :collection AND id = :id FOR UPDATE")
                .bind("collection", candidate.collection()).bind("id", candidate.id())
                .map(row -> row.get("latest_version", Integer.class))
                .one()
                // If-Match is compared here, under the lock, so that no other append can slip in between check and write
                .flatMap(latest -> ifMatch == null || ifMatch.matches(latest) ? Mono.just(latest)
                        : Mono.error(PreconditionFailedException.ofLatest(latest)))
                .flatMap(latest -> version(candidate.collection(), candidate.id(), latest)
                        .map(stored -> new Settled(latest, stored.sameAs(candidate))))
                .flatMap(head -> head.unchanged() ? Mono.just(head)
                        : insertVersion(candidate, head.version() + 1)
                                .then(database.sql("UPDATE record_head SET latest_version = :version WHERE collection = :collection AND id = :id")
                                        .bind("version", head.version() + 1)
                                        .bind("collection", candidate.collection()).bind("id", candidate.id())
                                        .then())
                                .thenReturn(new Settled(head.version() + 1, false)));
        // Read back the very version this call settled on, not whatever is latest by then.
        return transaction.transactional(append)
                .flatMap(settled -> version(candidate.collection(), candidate.id(), settled.version())
                        .map(stored -> new Appended(stored, !settled.unchanged())));
    }

    @Override
    public Mono<Integer> purgeKeys(OffsetDateTime before, int limit) {
        // SKIP LOCKED: replicas purging at once take disjoint rows; a key being taken over is left to its new claim
        return database.sql("""
                        DELETE FROM idempotency_key k USING (
                            SELECT subject, key FROM idempotency_key WHERE created_at < :before LIMIT :limit FOR UPDATE SKIP LOCKED
                        ) old WHERE k.subject = old.subject AND k.key = old.key""")
                .bind("before", before).bind("limit", limit)
                .fetch().rowsUpdated()
                .map(Long::intValue);
    }

    private Mono<Void> insertVersion(RecordVersion version, int number) {
        var insert = database.sql("""
                        INSERT INTO record_version (collection, id, version, content, content_hash, status, recorded_at, recorded_by, recorded_for)
                        VALUES (:collection, :id, :version, CAST(:content AS jsonb), :hash, :status, :at, :by, :for)""")
                .bind("collection", version.collection()).bind("id", version.id()).bind("version", number)
                .bind("content", version.content()).bind("hash", version.contentHash()).bind("status", version.status().name())
                .bind("at", version.recordedAt()).bind("by", version.recordedBy());
        insert = version.recordedFor() == null ? insert.bindNull("for", String.class) : insert.bind("for", version.recordedFor());
        return insert.then();
    }

    private static RecordVersion version(Readable row) {
        return new RecordVersion(row.get("collection", String.class), row.get("id", UUID.class), row.get("version", Integer.class),
                row.get("content", String.class), row.get("content_hash", String.class),
                RecordStatus.valueOf(row.get("status", String.class)), row.get("recorded_at", OffsetDateTime.class),
                row.get("recorded_by", String.class), row.get("recorded_for", String.class));
    }

    private static KeyClaim claim(Readable row) {
        return new KeyClaim(row.get("subject", String.class), row.get("key", String.class), row.get("request_hash", String.class),
                row.get("collection", String.class), row.get("record_id", UUID.class), row.get("record_version", Integer.class),
                row.get("response_status", Integer.class), row.get("created_at", OffsetDateTime.class));
    }

    /** The version a write settled on, and whether it was the latest one unchanged. */
    private record Settled(int version, boolean unchanged) {
    }
}
