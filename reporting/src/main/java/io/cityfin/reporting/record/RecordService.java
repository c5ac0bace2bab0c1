package io.cityfin.reporting.record;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.http.IfMatch;
import io.cityfin.common.identity.Access;
import io.cityfin.common.identity.AccessRule;
import io.cityfin.common.identity.Caller;
import io.cityfin.common.identity.Role;
import io.cityfin.common.problem.FieldError;
import io.cityfin.common.problem.InvalidParameterException;
import io.cityfin.common.problem.NotFoundException;
import io.cityfin.common.problem.RuleViolationException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The use cases of one collection of records (data-standard-2.md, "Record rules"), the same for every collection:
 *
 * <ul>
 *   <li>{@link #create}: version 1 of a new record (id given here), made idempotent by an Idempotency-Key kept per API
 *       key for 24 hours: the same key with the same request answers the first answer again and stores nothing, the
 *       same key with another request is a 422 {@code IDEMPOTENCY_KEY_REUSED}; without a key, 400.</li>
 *   <li>{@link #put}: a record with a natural key (an enterprise by USCC) is written by key only: version 1 (201)
 *       when the key is new, else the next version.</li>
 *   <li>{@link #replace}: version n+1; the same content and status as the latest version stores nothing (200). With
 *       an {@code If-Match}, only onto the version it names (else 412).</li>
 *   <li>Withdrawing and restoring are versions with status {@code WITHDRAWN} and {@code ACTIVE}.</li>
 *   <li>Refusals (422, every fault with its pointer) store nothing; a value claimed by another record is a refusal
 *       found in the write's own transaction; warnings are stored on the version.</li>
 *   <li>A collection may live under a parent collection ({@link #under}): a new record names its parent, which must
 *       exist; the parent's latest content is handed to the rules and to indicators.</li>
 * </ul>
 */
public class RecordService<T> {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final Duration KEY_LIFETIME = Duration.ofHours(24);
    private static final int MAX_KEY_LENGTH = 255;
    private static final AccessRule STAFF = AccessRule.anyOf(Role.ADMIN, Role.ANALYST);

    private final Records records;
    private final RecordType<T> type;
    private final Clock clock;
    private final @Nullable RecordService<?> parent;

    public RecordService(Records records, RecordType<T> type, Clock clock) {
        this(records, type, clock, null);
    }

    private RecordService(Records records, RecordType<T> type, Clock clock, @Nullable RecordService<?> parent) {
        this.records = records;
        this.type = type;
        this.clock = clock;
        this.parent = parent;
    }

    /** The same collection, each record belonging to a record of {@code parentCollection}. */
    public RecordService<T> under(RecordService<?> parentCollection) {
        return new RecordService<>(records, type, clock, parentCollection);
    }

    public RecordType<T> type() {
        return type;
    }

    /** A new record without a parent; {@code status} as sent (null means ACTIVE). */
    public Mono<Written<T>> create(@Nullable String idempotencyKey, T content, @Nullable String status) {
        return create(null, idempotencyKey, content, status);
    }

    /** A new record of {@code parentRef} (404 when there is no such parent). */
    public Mono<Written<T>> create(@Nullable Ref parentRef, @Nullable String idempotencyKey, T content, @Nullable String status) {
        String key = checkedKey(idempotencyKey);
        return Access.require(type.writer(content)).flatMap(caller -> parentOf(parentRef).flatMap(parentVersion -> {
            String requestHash = requestHash(parentRef, content, status);
            OffsetDateTime now = now();
            OffsetDateTime since = now.minus(KEY_LIFETIME);
            Object parentContent = parentVersion.content();
            return records.claim(caller.subject(), key, since)
                    .flatMap(earlier -> answer(earlier, requestHash))
                    .switchIfEmpty(Mono.defer(() -> {
                        RecordContext context = new RecordContext(null, parentContent, null);
                        return checked(content, status, context).flatMap(recordStatus -> {
                            RecordWrite first = write(UUID.randomUUID(), null, parentVersion.id(), content, recordStatus, caller, now, context);
                            Records.KeyClaim claim = new Records.KeyClaim(caller.subject(), key, requestHash, type.collection(),
                                    first.version().id(), 1, 201, now);
                            return records.create(claim, first, since).flatMap(settled -> answer(settled, requestHash));
                        });
                    }));
        }));
    }

    /** The record with natural key {@code key}: version 1 if new, else the next version (a no-op if unchanged). */
    public Mono<Written<T>> put(String key, T content, @Nullable String status, @Nullable IfMatch ifMatch) {
        return put(key, null, content, status, ifMatch);
    }

    /** As {@link #put(String, Object, String, IfMatch)}, for a record of {@code parentRef} (404 when there is none). */
    public Mono<Written<T>> put(String key, @Nullable Ref parentRef, T content, @Nullable String status, @Nullable IfMatch ifMatch) {
        return Access.caller().flatMap(caller -> parentOf(parentRef).flatMap(parentVersion -> records.latestByKey(type.collection(), key)
                .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .flatMap(latest -> {
                    Object previous = latest.map(version -> (Object) parse(version)).orElse(null);
                    if (previous != null) {
                        type.writer(type.contentType().cast(previous)).check(caller);
                    }
                    type.writer(content).check(caller);
                    RecordContext context = new RecordContext(key, parentVersion.content(), previous);
                    UUID id = latest.map(RecordVersion::id).orElseGet(UUID::randomUUID);
                    return checked(content, status, context).flatMap(recordStatus -> records.put(
                            write(id, key, parentVersion.id(), content, recordStatus, caller, now(), context), ifMatch));
                })
                .map(appended -> new Written<>(stored(appended.version()), appended.created()))));
    }

    /** The record's next version; the same content and status as the latest is a no-op. */
    public Mono<Written<T>> replace(UUID id, T content, @Nullable String status) {
        return replace(id, content, status, null);
    }

    /** As {@link #replace(UUID, Object, String)}; with {@code ifMatch}, only onto the version it names (else 412). */
    public Mono<Written<T>> replace(UUID id, T content, @Nullable String status, @Nullable IfMatch ifMatch) {
        return Access.caller().flatMap(caller -> records.latest(type.collection(), id)
                .switchIfEmpty(Mono.error(() -> notFound(id.toString())))
                .flatMap(latest -> {
                    T previous = parse(latest);
                    type.writer(previous).check(caller);
                    type.writer(content).check(caller);
                    return parentContent(latest.parentId()).flatMap(parentContent -> {
                        RecordContext context = new RecordContext(latest.key(), parentContent.orElse(null), previous);
                        return checked(content, status, context).flatMap(recordStatus -> records.append(
                                write(id, latest.key(), latest.parentId(), content, recordStatus, caller, now(), context), ifMatch));
                    });
                })
                .switchIfEmpty(Mono.error(() -> notFound(id.toString())))
                .map(appended -> new Written<>(stored(appended.version()), appended.created())));
    }

    public Mono<StoredRecord<T>> latest(UUID id) {
        return readable(records.latest(type.collection(), id), id.toString()).map(this::stored);
    }

    /** The latest version of the record with natural key {@code key}. */
    public Mono<StoredRecord<T>> latest(String key) {
        return readable(records.latestByKey(type.collection(), key), key).map(this::stored);
    }

    /**
     * The latest version of the record with natural key {@code key}, withdrawn ones included, without access checks:
     * for another collection's rules (the platform a financing names); empty when there is none.
     */
    public Mono<StoredRecord<T>> lookup(String key) {
        return records.latestByKey(type.collection(), key).map(this::stored);
    }

    /** Every version, oldest first. */
    public Flux<StoredRecord<T>> versions(UUID id) {
        return readable(records.latest(type.collection(), id), id.toString())
                .flatMapMany(latest -> records.versions(type.collection(), latest.id())).map(this::stored);
    }

    /** Every version of the record with natural key {@code key}, oldest first. */
    public Flux<StoredRecord<T>> versions(String key) {
        return readable(records.latestByKey(type.collection(), key), key)
                .flatMapMany(latest -> records.versions(type.collection(), latest.id())).map(this::stored);
    }

    /**
     * One page of the latest versions matching {@code query}, filtered, ordered and cut by the database: staff read
     * every record; a SUBMITTER only its institution's; anyone else is refused. A type every role reads
     * ({@link RecordType#readByEveryRole}) lists every record to every role.
     */
    public Mono<RecordPage<T>> page(RecordQuery query) {
        return Access.caller().flatMap(caller -> {
            String owner = null;
            if (type.readByEveryRole()) {
                AccessRule.anyRole().check(caller);
            } else if (!STAFF.allows().test(caller)) {
                if (!caller.has(Role.SUBMITTER) || caller.institution() == null) {
                    STAFF.check(caller); // refuses: a 403
                }
                owner = caller.institution();
            }
            return records.page(type.collection(), query, owner).map(page ->
                    new RecordPage<>(page.items().stream().map(this::stored).toList(), query.offset(), query.limit(), page.total()));
        });
    }

    /** The latest version of every record of {@code parentId}'s (staff only); 404 when there is no such parent. */
    public Flux<StoredRecord<T>> children(UUID parentId) {
        return Access.require(STAFF).then(parentOf(Ref.id(parentId)))
                .thenMany(records.children(type.collection(), parentId)).map(this::stored);
    }

    /**
     * The latest version of every record not withdrawn (nor its parent), with its parent's content and both versions,
     * for indicators and their lineage: no access check.
     */
    public Flux<RecordView<T>> activeViews() {
        return records.active(type.collection()).map(row -> new RecordView<>(RecordRef.of(row.version()), parse(row.version()),
                row.parent() == null || parent == null ? null : parent.parseContent(row.parent().content()),
                row.parent() == null ? null : RecordRef.of(row.parent())));
    }

    /**
     * The latest version of every record not withdrawn with the latest contents of its children in {@code children}
     * not withdrawn (a platform with its ratings), and their versions, for indicators that judge a record by its
     * children and for their lineage: no access check.
     */
    public <C> Flux<RecordFamily<T, C>> activeFamilies(RecordService<C> children) {
        return records.families(type.collection(), children.type.collection())
                .bufferUntilChanged(row -> row.version().id())
                .map(rows -> {
                    List<RecordVersion> kin = rows.stream().map(Records.FamilyRow::child).filter(Objects::nonNull).toList();
                    return new RecordFamily<>(RecordRef.of(rows.get(0).version()), parse(rows.get(0).version()),
                            kin.stream().map(child -> RecordJson.read(child.content(), children.type.contentType())).toList(),
                            kin.stream().map(RecordRef::of).toList());
                });
    }

    /** The collection's name. */
    public String collection() {
        return type.collection();
    }

    /** The contents of {@link #activeViews}. */
    public Flux<T> activeContents() {
        return activeViews().map(RecordView::content);
    }

    /** The latest version of every record, withdrawn ones included, without access checks (demo loading). */
    public Flux<StoredRecord<T>> all() {
        return records.latestOfAll(type.collection()).map(this::stored);
    }

    /**
     * Creates each of {@code wanted} whose content no record of the collection (under {@code parent}, if given) has as
     * its latest version, with an Idempotency-Key derived from the parent and the content: loading demo records twice
     * adds nothing. Answers how many it created.
     */
    public Mono<Long> createMissing(@Nullable Ref parent, List<T> wanted) {
        if (wanted.isEmpty()) {
            return Mono.just(0L);
        }
        Flux<StoredRecord<T>> stored = parent == null ? all() : parentOf(parent).flatMapMany(found -> records.children(type.collection(), found.id()))
                .map(this::stored);
        return stored.map(StoredRecord::contentHash).collect(java.util.HashSet<String>::new, java.util.Set::add)
                .flatMapMany(hashes -> Flux.fromIterable(wanted).filter(content -> !hashes.contains(contentHash(content))))
                .concatMap(content -> create(parent, "demo-" + (parent == null ? "" : parent + "-") + contentHash(content), content, null))
                .count();
    }

    /** The content hash {@code content} would be stored with. */
    public String contentHash(T content) {
        return RecordJson.hash(content);
    }

    private Mono<RecordVersion> readable(Mono<RecordVersion> latest, String name) {
        return Access.caller().flatMap(caller -> latest
                .switchIfEmpty(Mono.error(() -> notFound(name)))
                .map(version -> {
                    type.reader(parse(version)).check(caller);
                    return version;
                }));
    }

    /** The parent named by {@code ref} (404 when absent): its id and latest content; a parent-less collection has none. */
    private Mono<ParentVersion> parentOf(@Nullable Ref ref) {
        if (parent == null) {
            if (ref != null) {
                throw new IllegalStateException(type.collection() + " has no parent collection");
            }
            return Mono.just(ParentVersion.NONE);
        }
        if (ref == null) {
            throw new IllegalStateException(type.collection() + " records need a parent");
        }
        Mono<RecordVersion> latest = ref.id() != null ? records.latest(parent.type.collection(), ref.id())
                : records.latestByKey(parent.type.collection(), ref.key());
        return latest.map(version -> new ParentVersion(version.id(), parent.parse(version)))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No " + parent.type.collection() + " record " + ref + ".")));
    }

    private Mono<java.util.Optional<Object>> parentContent(@Nullable UUID parentId) {
        if (parent == null || parentId == null) {
            return Mono.just(java.util.Optional.empty());
        }
        return records.latest(parent.type.collection(), parentId).map(version -> java.util.Optional.<Object>of(parent.parse(version)))
                .defaultIfEmpty(java.util.Optional.empty());
    }

    /** The first answer to the key, or 422 when the key came with another request. */
    private Mono<Written<T>> answer(Records.KeyClaim claim, String requestHash) {
        if (!claim.requestHash().equals(requestHash)) {
            return Mono.error(new RuleViolationException("This Idempotency-Key was used with another request.",
                    List.of(FieldError.atParameter(IDEMPOTENCY_KEY, "IDEMPOTENCY_KEY_REUSED",
                            "An Idempotency-Key answers one request for 24 hours; send a new key for another one."))));
        }
        return records.version(claim.collection(), claim.recordId(), claim.recordVersion())
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("idempotency key " + claim.key() + " points at no version")))
                .map(version -> new Written<>(stored(version), claim.responseStatus() == 201));
    }

    private Mono<RecordStatus> checked(T content, @Nullable String status, RecordContext context) {
        RecordStatus recordStatus = status(status);
        return type.faults(content, context).map(faults -> {
            List<FieldError> all = new ArrayList<>(faults);
            if (recordStatus == null) {
                all.add(FieldError.atPointer("/status", "UNKNOWN_STATUS", "A record's status is ACTIVE or WITHDRAWN."));
            }
            if (!all.isEmpty()) {
                throw new RuleViolationException("The record breaks " + all.size() + " rule(s); nothing was stored.", all);
            }
            return recordStatus;
        });
    }

    /** The request as compared for an Idempotency-Key: the collection, the parent, the status (ACTIVE when absent) and the content. */
    private String requestHash(@Nullable Ref parentRef, T content, @Nullable String status) {
        return CanonicalJson.sha256(type.collection() + "\n" + (parentRef == null ? "" : parentRef) + "\n"
                + (status == null ? RecordStatus.ACTIVE.name() : status) + "\n" + RecordJson.write(content));
    }

    private RecordWrite write(UUID id, @Nullable String key, @Nullable UUID parentId, T content, RecordStatus status, Caller caller,
                              OffsetDateTime at, RecordContext context) {
        String json = RecordJson.write(content);
        RecordVersion version = new RecordVersion(type.collection(), id, key, parentId, 0, json, CanonicalJson.sha256(json), status, at,
                caller.subject(), caller.institution(), List.of());
        boolean active = status == RecordStatus.ACTIVE;
        return new RecordWrite(version, type.owner(content), type.region(content), active ? type.claims(content) : List.of(),
                active ? type.warnings(content, context) : List.of(), type.day(content));
    }

    private T parse(RecordVersion version) {
        return RecordJson.read(version.content(), type.contentType());
    }

    private Object parseContent(String json) {
        return RecordJson.read(json, type.contentType());
    }

    private StoredRecord<T> stored(RecordVersion version) {
        return new StoredRecord<>(version.id(), version.key(), version.parentId(), version.version(), parse(version), version.contentHash(),
                version.status(), version.recordedAt(), version.recordedBy(), version.recordedFor(), version.warnings());
    }

    private static @Nullable RecordStatus status(@Nullable String status) {
        if (status == null) {
            return RecordStatus.ACTIVE;
        }
        for (RecordStatus candidate : RecordStatus.values()) {
            if (candidate.name().equals(status)) {
                return candidate;
            }
        }
        return null;
    }

    private static String checkedKey(@Nullable String key) {
        if (key == null || key.isBlank()) {
            throw new InvalidParameterException(IDEMPOTENCY_KEY, "MISSING_IDEMPOTENCY_KEY",
                    "A POST that creates a record needs an Idempotency-Key header.");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new InvalidParameterException(IDEMPOTENCY_KEY, "INVALID_IDEMPOTENCY_KEY",
                    "An Idempotency-Key has at most " + MAX_KEY_LENGTH + " characters.");
        }
        return key;
    }

    private NotFoundException notFound(String name) {
        return new NotFoundException("No " + type.collection() + " record " + name + ".");
    }

    /** Parses a record id from a path; a malformed one is a 400 naming the parameter. */
    public static UUID id(String parameter, String text) {
        try {
            if (text.length() == 36) {
                return UUID.fromString(text);
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal
        }
        throw new InvalidParameterException(parameter, "INVALID_ID", "A record id is a UUID.");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** A parent record's id and latest content; NONE for a collection without parents. */
    private record ParentVersion(@Nullable UUID id, @Nullable Object content) {
        static final ParentVersion NONE = new ParentVersion(null, null);
    }
}
