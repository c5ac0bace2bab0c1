package io.cityfin.reporting.record.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.cityfin.common.http.IfMatch;
import io.cityfin.common.problem.FieldError;
import io.cityfin.common.problem.PreconditionFailedException;
import io.cityfin.common.problem.RuleViolationException;
import io.cityfin.reporting.record.RecordAccepted;
import io.cityfin.reporting.record.RecordJson;
import io.cityfin.reporting.record.RecordQuery;
import io.cityfin.reporting.record.RecordStatus;
import io.cityfin.reporting.record.RecordVersion;
import io.cityfin.reporting.record.RecordWarning;
import io.cityfin.reporting.record.RecordWrite;
import io.cityfin.reporting.record.Records;
import io.cityfin.reporting.record.UniqueClaim;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Versions in {@code record_version} (append-only, content as jsonb); {@code record_head} points at the latest version,
 * carries the key, parent, status, owner and region lists filter on, and is locked ({@code FOR UPDATE}) while a
 * version is appended; {@code record_claim} holds the unique values of each record's latest version, checked under
 * an advisory lock per value in the write's transaction; {@code record_warning} the warnings of each version;
 * {@code idempotency_key} each key's first answer, claimed in the same transaction that creates the record.
 */
@Component
class R2dbcRecords implements Records {

    private static final String VERSION_COLUMNS = "v.collection, v.id, h.key, h.parent_id, v.version, v.content::text AS content,"
            + " v.content_hash, v.status, v.recorded_at, v.recorded_by, v.recorded_for";
    private static final String COLUMNS = VERSION_COLUMNS + ", (SELECT COALESCE(json_agg(json_build_object('pointer', w.pointer,"
            + " 'code', w.code, 'message', w.message) ORDER BY w.id), '[]')::text FROM record_warning w"
            + " WHERE w.collection = v.collection AND w.record_id = v.id AND w.version = v.version) AS warnings";
    private static final String LATEST = " FROM record_head h JOIN record_version v ON v.collection = h.collection AND v.id = h.id"
            + " AND v.version = h.latest_version";
    private static final String KEY_COLUMNS = "subject, key, request_hash, collection, record_id, record_version, response_status, created_at";

    private final DatabaseClient database;
    private final TransactionalOperator transaction;
    private final ApplicationEventPublisher events;

    R2dbcRecords(DatabaseClient database, ReactiveTransactionManager transactions, ApplicationEventPublisher events) {
        this.database = database;
        this.transaction = TransactionalOperator.create(transactions);
        this.events = events;
    }

    @Override
    public Mono<RecordVersion> latest(String collection, UUID id) {
        return database.sql("SELECT " + COLUMNS + LATEST + " WHERE h.collection = :collection AND h.id = :id")
                .bind("collection", collection).bind("id", id)
                .map(R2dbcRecords::version).one();
    }

    @Override
    public Mono<RecordVersion> latestByKey(String collection, String key) {
        return database.sql("SELECT " + COLUMNS + LATEST + " WHERE h.collection = :collection AND h.key = :key")
                .bind("collection", collection).bind("key", key)
                .map(R2dbcRecords::version).one();
    }

    @Override
    public Flux<RecordVersion> latestOfAll(String collection) {
        return database.sql("SELECT " + COLUMNS + LATEST + " WHERE h.collection = :collection ORDER BY v.id")
                .bind("collection", collection)
                .map(R2dbcRecords::version).all();
    }

    @Override
    public Flux<ActiveVersion> active(String collection) {
        // The parent's latest version, whatever its collection (ids are unique across collections); no warnings needed. A
        // record whose parent is withdrawn (an enterprise entered in error, and so its pipeline) counts nowhere either.
        return database.sql("SELECT " + VERSION_COLUMNS + ", '[]' AS warnings, " + joinedColumns("ph", "pv", "p_") + LATEST
                        + " LEFT JOIN record_head ph ON ph.id = h.parent_id"
                        + " LEFT JOIN record_version pv ON pv.collection = ph.collection AND pv.id = ph.id AND pv.version = ph.latest_version"
                        + " WHERE h.collection = :collection AND h.status = 'ACTIVE' AND (h.parent_id IS NULL OR ph.status = 'ACTIVE')")
                .bind("collection", collection)
                .map(row -> new ActiveVersion(version(row), joined(row, "p_"))).all();
    }

    @Override
    public Flux<FamilyRow> families(String collection, String childCollection) {
        return database.sql("SELECT " + VERSION_COLUMNS + ", '[]' AS warnings, " + joinedColumns("ch", "cv", "c_") + LATEST
                        + " LEFT JOIN record_head ch ON ch.collection = :children AND ch.parent_id = h.id AND ch.status = 'ACTIVE'"
                        + " LEFT JOIN record_version cv ON cv.collection = ch.collection AND cv.id = ch.id AND cv.version = ch.latest_version"
                        + " WHERE h.collection = :collection AND h.status = 'ACTIVE' ORDER BY h.id, ch.id")
                .bind("collection", collection).bind("children", childCollection)
                .map(row -> new FamilyRow(version(row), joined(row, "c_"))).all();
    }

    /** A joined record's latest version ({@code head} and {@code version} its aliases), its columns named with {@code prefix}. */
    private static String joinedColumns(String head, String version, String prefix) {
        return String.join(", ", version + ".collection AS " + prefix + "collection", version + ".id AS " + prefix + "id",
                head + ".key AS " + prefix + "key", head + ".parent_id AS " + prefix + "parent_id", version + ".version AS " + prefix + "version",
                version + ".content::text AS " + prefix + "content", version + ".content_hash AS " + prefix + "content_hash",
                version + ".status AS " + prefix + "status", version + ".recorded_at AS " + prefix + "recorded_at",
                version + ".recorded_by AS " + prefix + "recorded_by", version + ".recorded_for AS " + prefix + "recorded_for");
    }

    /** The joined version {@link #joinedColumns} selected, without warnings; null when the join found none. */
    private static @Nullable RecordVersion joined(Readable row, String prefix) {
        return row.get(prefix + "id", UUID.class) == null ? null : version(row, prefix, List.of());
    }

    @Override
    public Mono<Page> page(String collection, RecordQuery query, @Nullable String owner) {
        StringBuilder where = new StringBuilder(" WHERE h.collection = :collection");
        List<Binding> bindings = new ArrayList<>();
        bindings.add(new Binding("collection", collection));
        if (owner != null) {
            where.append(" AND h.owner = :owner");
            bindings.add(new Binding("owner", owner));
        }
        if (query.region() != null) {
            where.append(" AND h.region = :region");
            bindings.add(new Binding("region", query.region()));
        }
        if (query.parentId() != null) {
            where.append(" AND h.parent_id = :parent");
            bindings.add(new Binding("parent", query.parentId()));
        }
        if (query.status() != null) {
            where.append(" AND h.status = :status");
            bindings.add(new Binding("status", query.status().name()));
        }
        for (int i = 0; i < query.containments().size(); i++) {
            where.append(" AND v.content @> CAST(:contains").append(i).append(" AS jsonb)");
            bindings.add(new Binding("contains" + i, RecordJson.write(query.containments().get(i).json())));
        }
        if (query.memberIn() != null) {
            where.append(" AND v.content ->> :inMember = ANY(:inValues)");
            bindings.add(new Binding("inMember", query.memberIn().member()));
            bindings.add(new Binding("inValues", query.memberIn().values().toArray(String[]::new)));
        }
        if (query.dated() != null) {
            where.append(" AND v.content ->> :dateMember BETWEEN :dateFrom AND :dateTo");
            bindings.add(new Binding("dateMember", query.dated().member()));
            bindings.add(new Binding("dateFrom", query.dated().from().toString()));
            bindings.add(new Binding("dateTo", query.dated().to().toString()));
        }
        if (query.last() != null) {
            where.append(" AND v.content -> :lastArray -> -1 ->> :lastMember = :lastValue");
            bindings.add(new Binding("lastArray", query.last().arrayMember()));
            bindings.add(new Binding("lastMember", query.last().member()));
            bindings.add(new Binding("lastValue", query.last().value()));
        }
        String order = query.orderBy() == null ? " ORDER BY h.key, h.id" : " ORDER BY v.content ->> :orderBy, h.key, h.id";
        var select = database.sql("SELECT " + COLUMNS + LATEST + where + order + " LIMIT :limit OFFSET :offset");
        var count = database.sql("SELECT count(*) AS total" + LATEST + where);
        for (Binding binding : bindings) {
            select = select.bind(binding.name(), binding.value());
            count = count.bind(binding.name(), binding.value());
        }
        if (query.orderBy() != null) {
            select = select.bind("orderBy", query.orderBy());
        }
        Mono<List<RecordVersion>> items = select.bind("limit", query.limit()).bind("offset", query.offset())
                .map(R2dbcRecords::version).all().collectList();
        Mono<Long> total = count.map(row -> row.get("total", Long.class)).one();
        return Mono.zip(items, total).map(both -> new Page(both.getT1(), both.getT2()));
    }

    @Override
    public Flux<RecordVersion> children(String collection, UUID parentId) {
        return database.sql("SELECT " + COLUMNS + LATEST + " WHERE h.collection = :collection AND h.parent_id = :parent ORDER BY h.key, h.id")
                .bind("collection", collection).bind("parent", parentId)
                .map(R2dbcRecords::version).all();
    }

    @Override
    public Flux<RecordVersion> versions(String collection, UUID id) {
        return database.sql("SELECT " + COLUMNS + " FROM record_version v JOIN record_head h ON h.collection = v.collection AND h.id = v.id"
                        + " WHERE v.collection = :collection AND v.id = :id ORDER BY v.version")
                .bind("collection", collection).bind("id", id)
                .map(R2dbcRecords::version).all();
    }

    @Override
    public Mono<RecordVersion> version(String collection, UUID id, int version) {
        return database.sql("SELECT " + COLUMNS + " FROM record_version v JOIN record_head h ON h.collection = v.collection AND h.id = v.id"
                        + " WHERE v.collection = :collection AND v.id = :id AND v.version = :version")
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
    public Mono<KeyClaim> create(KeyClaim claim, RecordWrite first, OffsetDateTime since) {
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
                .flatMap(claimed -> insertFirst(first).then(afterCommit(first, first.version().id(), 1)).thenReturn(claim))
                .switchIfEmpty(Mono.defer(() -> claim(claim.subject(), claim.key(), since)));
        return transaction.transactional(create);
    }

    @Override
    public Mono<Appended> append(RecordWrite candidate, @Nullable IfMatch ifMatch) {
        RecordVersion version = candidate.version();
        return settle(version.collection(), version.id(), transaction.transactional(announced(candidate, appendLocked(candidate, ifMatch))));
    }

    @Override
    public Mono<Appended> put(RecordWrite candidate, @Nullable IfMatch ifMatch) {
        RecordVersion version = candidate.version();
        if (version.key() == null) {
            throw new IllegalArgumentException("a put needs the record's natural key");
        }
        // The head is found by key and locked; a new key gets its head first (a concurrent first write of the same key
        // waits on the unique index, then finds the other's head and appends to it).
        Mono<Stored> put = headByKey(version.collection(), version.key())
                .flatMap(id -> appendLocked(withId(candidate, id), ifMatch))
                .switchIfEmpty(Mono.defer(() -> {
                    if (ifMatch != null) { // RFC 9110: any If-Match, "*" too, fails where there is no record yet
                        return Mono.error(PreconditionFailedException.ofLatest(0));
                    }
                    return insertHead(candidate, true).flatMap(inserted -> inserted
                            ? insertRest(candidate, 1).thenReturn(new Stored(version.id(), 1, false))
                            : headByKey(version.collection(), version.key()).flatMap(id -> appendLocked(withId(candidate, id), ifMatch)));
                }));
        return transaction.transactional(announced(candidate, put))
                .flatMap(stored -> version(version.collection(), stored.id(), stored.version())
                        .map(read -> new Appended(read, !stored.unchanged())));
    }

    /** A new version is announced once the transaction it is written in commits, the outermost one when it joined another. */
    private Mono<Stored> announced(RecordWrite write, Mono<Stored> stored) {
        return stored.flatMap(settled -> settled.unchanged() ? Mono.just(settled)
                : afterCommit(write, settled.id(), settled.version()).thenReturn(settled));
    }

    /**
     * Publishes {@link RecordAccepted} after the current transaction commits (never for a rollback): a use case that
     * wraps a record's write and another change in one transaction (risk's ending action and the registry's end)
     * announces the record only when both are visible.
     */
    private Mono<Void> afterCommit(RecordWrite write, UUID id, int version) {
        RecordAccepted accepted = new RecordAccepted(write.version().collection(), id, version, write.day());
        return TransactionSynchronizationManager.forCurrentTransaction()
                .doOnNext(manager -> manager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public Mono<Void> afterCommit() {
                        return Mono.fromRunnable(() -> events.publishEvent(accepted));
                    }
                }))
                .then();
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

    /** Within a transaction: the head locked, If-Match compared under the lock, the version appended unless unchanged. */
    private Mono<Stored> appendLocked(RecordWrite candidate, @Nullable IfMatch ifMatch) {
        RecordVersion version = candidate.version();
        // The head row alone is locked and its latest version read afterwards: a join in the locking statement would be
        // re-checked against the old version row once a concurrent append commits, and find nothing.
        return database.sql("SELECT latest_version FROM record_head WHERE collection = :collection AND id = :id FOR UPDATE")
                .bind("collection", version.collection()).bind("id", version.id())
                .map(row -> row.get("latest_version", Integer.class))
                .one()
                .flatMap(latest -> ifMatch == null || ifMatch.matches(latest) ? Mono.just(latest)
                        : Mono.error(PreconditionFailedException.ofLatest(latest)))
                .flatMap(latest -> database.sql("SELECT content_hash, status FROM record_version WHERE collection = :collection AND id = :id"
                                + " AND version = :version")
                        .bind("collection", version.collection()).bind("id", version.id()).bind("version", latest)
                        .map(row -> version.contentHash().equals(row.get("content_hash", String.class))
                                && version.status().name().equals(row.get("status", String.class)))
                        .one()
                        .flatMap(unchanged -> unchanged ? Mono.just(new Stored(version.id(), latest, true))
                                : database.sql("UPDATE record_head SET latest_version = :version, status = :status, owner = :owner,"
                                                + " region = :region WHERE collection = :collection AND id = :id")
                                        .bind("version", latest + 1).bind("status", version.status().name())
                                        .bind("owner", Parameter.fromOrEmpty(candidate.owner(), String.class)).bind("region", Parameter.fromOrEmpty(candidate.region(), String.class))
                                        .bind("collection", version.collection()).bind("id", version.id())
                                        .then()
                                        .then(insertRest(candidate, latest + 1))
                                        .thenReturn(new Stored(version.id(), latest + 1, false))));
    }

    private Mono<Appended> settle(String collection, UUID id, Mono<Stored> stored) {
        // Read back the very version this call settled on, not whatever is latest by then.
        return stored.flatMap(settled -> version(collection, id, settled.version()).map(read -> new Appended(read, !settled.unchanged())));
    }

    private Mono<Void> insertFirst(RecordWrite first) {
        return insertHead(first, false).then(insertRest(first, 1));
    }

    /** Inserts the head of a new record at version 1; with {@code ifNew}, nothing when its key is taken (answers false). */
    private Mono<Boolean> insertHead(RecordWrite write, boolean ifNew) {
        RecordVersion version = write.version();
        return database.sql("INSERT INTO record_head (collection, id, latest_version, key, parent_id, status, owner, region)"
                        + " VALUES (:collection, :id, 1, :key, :parent, :status, :owner, :region)"
                        + (ifNew ? " ON CONFLICT (collection, key) WHERE key IS NOT NULL DO NOTHING" : ""))
                .bind("collection", version.collection()).bind("id", version.id())
                .bind("key", Parameter.fromOrEmpty(version.key(), String.class)).bind("parent", Parameter.fromOrEmpty(version.parentId(), UUID.class))
                .bind("status", version.status().name())
                .bind("owner", Parameter.fromOrEmpty(write.owner(), String.class)).bind("region", Parameter.fromOrEmpty(write.region(), String.class))
                .fetch().rowsUpdated()
                .map(rows -> rows > 0);
    }

    /** The version row numbered {@code number}, its claims (checked first) and its warnings. */
    private Mono<Void> insertRest(RecordWrite write, int number) {
        return takeClaims(write).then(insertVersion(write.version(), number)).then(insertWarnings(write, number));
    }

    /**
     * Replaces the record's claims with the version's, after taking an advisory lock per claimed value (in a fixed
     * order, so two writers never wait on each other crosswise) and checking that no other record holds the value
     * on an overlapping day; a conflict refuses the write with every clash at once.
     */
    private Mono<Void> takeClaims(RecordWrite write) {
        RecordVersion version = write.version();
        List<UniqueClaim> claims = write.claims().stream()
                .sorted(Comparator.comparing(UniqueClaim::name).thenComparing(UniqueClaim::value)).toList();
        Mono<Void> release = database.sql("DELETE FROM record_claim WHERE collection = :collection AND id = :id")
                .bind("collection", version.collection()).bind("id", version.id()).then();
        if (claims.isEmpty()) {
            return release;
        }
        Mono<Void> locks = Flux.fromIterable(claims).map(c -> c.name() + "/" + c.value()).distinct()
                .concatMap(value -> database.sql("SELECT pg_advisory_xact_lock(hashtextextended(:lock, 0))")
                        .bind("lock", version.collection() + "/" + value).fetch().rowsUpdated())
                .then();
        Mono<List<FieldError>> clashes = Flux.fromIterable(claims)
                .concatMap(c -> database.sql("SELECT 1 FROM record_claim WHERE collection = :collection AND name = :name AND value = :value"
                                + " AND id <> :id AND (valid_from IS NULL OR CAST(:until AS date) IS NULL OR valid_from < CAST(:until AS date))"
                                + " AND (valid_until IS NULL OR CAST(:from AS date) IS NULL OR CAST(:from AS date) < valid_until) LIMIT 1")
                        .bind("collection", version.collection()).bind("name", c.name()).bind("value", c.value()).bind("id", version.id())
                        .bind("from", Parameter.fromOrEmpty(c.from(), LocalDate.class)).bind("until", Parameter.fromOrEmpty(c.until(), LocalDate.class))
                        .map(row -> FieldError.atPointer(c.pointer(), c.code(), c.message()))
                        .one())
                .collectList();
        Mono<Void> insert = Flux.fromIterable(claims)
                .concatMap(c -> database.sql("INSERT INTO record_claim (collection, name, value, id, valid_from, valid_until)"
                                + " VALUES (:collection, :name, :value, :id, :from, :until)")
                        .bind("collection", version.collection()).bind("name", c.name()).bind("value", c.value()).bind("id", version.id())
                        .bind("from", Parameter.fromOrEmpty(c.from(), LocalDate.class)).bind("until", Parameter.fromOrEmpty(c.until(), LocalDate.class))
                        .fetch().rowsUpdated())
                .then();
        return locks.then(clashes).flatMap(found -> found.isEmpty() ? release.then(insert)
                : Mono.error(new RuleViolationException("The record claims " + found.size() + " value(s) another record holds;"
                        + " nothing was stored.", found)));
    }

    private Mono<Void> insertVersion(RecordVersion version, int number) {
        return database.sql("""
                        INSERT INTO record_version (collection, id, version, content, content_hash, status, recorded_at, recorded_by, recorded_for)
                        VALUES (:collection, :id, :version, CAST(:content AS jsonb), :hash, :status, :at, :by, :for)""")
                .bind("collection", version.collection()).bind("id", version.id()).bind("version", number)
                .bind("content", version.content()).bind("hash", version.contentHash()).bind("status", version.status().name())
                .bind("at", version.recordedAt()).bind("by", version.recordedBy()).bind("for", Parameter.fromOrEmpty(version.recordedFor(), String.class))
                .then();
    }

    private Mono<Void> insertWarnings(RecordWrite write, int number) {
        RecordVersion version = write.version();
        return Flux.fromIterable(write.warnings())
                .concatMap(w -> database.sql("INSERT INTO record_warning (collection, record_id, version, code, pointer, message)"
                                + " VALUES (:collection, :id, :version, :code, :pointer, :message)")
                        .bind("collection", version.collection()).bind("id", version.id()).bind("version", number)
                        .bind("code", w.code()).bind("pointer", w.pointer()).bind("message", w.message())
                        .fetch().rowsUpdated())
                .then();
    }

    private Mono<UUID> headByKey(String collection, String key) {
        return database.sql("SELECT id FROM record_head WHERE collection = :collection AND key = :key")
                .bind("collection", collection).bind("key", key)
                .map(row -> row.get("id", UUID.class)).one();
    }

    private static RecordWrite withId(RecordWrite write, UUID id) {
        RecordVersion v = write.version();
        return new RecordWrite(new RecordVersion(v.collection(), id, v.key(), v.parentId(), v.version(), v.content(), v.contentHash(),
                v.status(), v.recordedAt(), v.recordedBy(), v.recordedFor(), v.warnings()), write.owner(), write.region(), write.claims(),
                write.warnings());
    }

    private static RecordVersion version(Readable row) {
        return version(row, "", List.of(RecordJson.read(row.get("warnings", String.class), RecordWarning[].class)));
    }

    /** The version whose columns are named with {@code prefix}. */
    private static RecordVersion version(Readable row, String prefix, List<RecordWarning> warnings) {
        return new RecordVersion(row.get(prefix + "collection", String.class), row.get(prefix + "id", UUID.class),
                row.get(prefix + "key", String.class), row.get(prefix + "parent_id", UUID.class), row.get(prefix + "version", Integer.class),
                row.get(prefix + "content", String.class), row.get(prefix + "content_hash", String.class),
                RecordStatus.valueOf(row.get(prefix + "status", String.class)), row.get(prefix + "recorded_at", OffsetDateTime.class),
                row.get(prefix + "recorded_by", String.class), row.get(prefix + "recorded_for", String.class), warnings);
    }

    private static KeyClaim claim(Readable row) {
        return new KeyClaim(row.get("subject", String.class), row.get("key", String.class), row.get("request_hash", String.class),
                row.get("collection", String.class), row.get("record_id", UUID.class), row.get("record_version", Integer.class),
                row.get("response_status", Integer.class), row.get("created_at", OffsetDateTime.class));
    }

    /** The version a write settled on (by id and number), and whether it was the latest one unchanged. */
    private record Stored(UUID id, int version, boolean unchanged) {
    }

    private record Binding(String name, Object value) {
    }
}
