package io.cityfin.reporting.record;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.http.IfMatch;
import io.cityfin.common.identity.Access;
import io.cityfin.common.identity.Caller;
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
 *   <li>{@link #replace}: version n+1; the same content and status as the latest version stores nothing (200).</li>
 *   <li>Withdrawing and restoring are versions with status {@code WITHDRAWN} and {@code ACTIVE}.</li>
 *   <li>Refusals (422, every fault with its pointer) store nothing; who may write and read comes from the
 *       {@link RecordType}.</li>
 * </ul>
 */
public class RecordService<T> {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final Duration KEY_LIFETIME = Duration.ofHours(24);
    private static final int MAX_KEY_LENGTH = 255;

    private final Records records;
    private final RecordType<T> type;
    private final Clock clock;

    public RecordService(Records records, RecordType<T> type, Clock clock) {
        this.records = records;
        this.type = type;
        this.clock = clock;
    }

    public RecordType<T> type() {
        return type;
    }

    /** A new record; {@code status} as sent (null means ACTIVE). */
    public Mono<Written<T>> create(@Nullable String idempotencyKey, T content, @Nullable String status) {
        String key = checkedKey(idempotencyKey);
        return Access.require(type.writer(content)).flatMap(caller -> {
            String requestHash = requestHash(content, status);
            OffsetDateTime now = now();
            OffsetDateTime since = now.minus(KEY_LIFETIME);
            return records.claim(caller.subject(), key, since)
                    .flatMap(earlier -> answer(earlier, requestHash))
                    .switchIfEmpty(Mono.defer(() -> checked(content, status).flatMap(recordStatus -> {
                        RecordVersion first = candidate(UUID.randomUUID(), content, recordStatus, caller, now);
                        Records.KeyClaim claim = new Records.KeyClaim(caller.subject(), key, requestHash, type.collection(),
                                first.id(), 1, 201, now);
                        return records.create(claim, first, since).flatMap(settled -> answer(settled, requestHash));
                    })));
        });
    }

    /** The record's next version; the same content and status as the latest is a no-op. */
    public Mono<Written<T>> replace(UUID id, T content, @Nullable String status) {
        return replace(id, content, status, null);
    }

    /** As {@link #replace(UUID, Object, String)}; with {@code ifMatch}, only onto the version it names (else 412). */
    public Mono<Written<T>> replace(UUID id, T content, @Nullable String status, @Nullable IfMatch ifMatch) {
        return Access.caller().flatMap(caller -> records.latest(type.collection(), id)
                .switchIfEmpty(Mono.error(() -> notFound(id)))
                .flatMap(latest -> {
                    type.writer(type.parse(latest.content())).check(caller);
                    type.writer(content).check(caller);
                    return checked(content, status);
                })
                .flatMap(recordStatus -> records.append(candidate(id, content, recordStatus, caller, now()), ifMatch))
                .switchIfEmpty(Mono.error(() -> notFound(id)))
                .map(appended -> new Written<>(stored(appended.version()), appended.created())));
    }

    public Mono<StoredRecord<T>> latest(UUID id) {
        return readable(id).map(this::stored);
    }

    /** Every version, oldest first. */
    public Flux<StoredRecord<T>> versions(UUID id) {
        return readable(id).thenMany(records.versions(type.collection(), id)).map(this::stored);
    }

    /** The latest version of every record the caller may read whose content passes {@code filter}, withdrawn ones included. */
    public Flux<StoredRecord<T>> list(Predicate<T> filter) {
        return Access.caller().flatMapMany(caller -> records.latestOfAll(type.collection())
                .map(this::stored)
                .filter(record -> filter.test(record.content()) && type.reader(record.content()).allows().test(caller)));
    }

    /** The latest version of every record not withdrawn, for indicators: no access check of its own. */
    public Flux<StoredRecord<T>> active() {
        return records.latestOfAll(type.collection()).map(this::stored).filter(StoredRecord::isActive);
    }

    /** The latest version of every record, withdrawn ones included, without access checks (demo loading). */
    public Flux<StoredRecord<T>> all() {
        return records.latestOfAll(type.collection()).map(this::stored);
    }

    /** The content hash {@code content} would be stored with. */
    public String contentHash(T content) {
        return CanonicalJson.sha256(type.canonicalJson(content));
    }

    private Mono<RecordVersion> readable(UUID id) {
        return Access.caller().flatMap(caller -> records.latest(type.collection(), id)
                .switchIfEmpty(Mono.error(() -> notFound(id)))
                .map(latest -> {
                    type.reader(type.parse(latest.content())).check(caller);
                    return latest;
                }));
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

    private Mono<RecordStatus> checked(T content, @Nullable String status) {
        RecordStatus recordStatus = status(status);
        return type.faults(content).map(faults -> {
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

    /** The request as compared for an Idempotency-Key: the collection, the status (ACTIVE when absent) and the canonical content. */
    private String requestHash(T content, @Nullable String status) {
        return CanonicalJson.sha256(type.collection() + "\n" + (status == null ? RecordStatus.ACTIVE.name() : status) + "\n"
                + type.canonicalJson(content));
    }

    private RecordVersion candidate(UUID id, T content, RecordStatus status, Caller caller, OffsetDateTime at) {
        String json = type.canonicalJson(content);
        return new RecordVersion(type.collection(), id, 0, json, CanonicalJson.sha256(json), status, at, caller.subject(),
                caller.institution());
    }

    private StoredRecord<T> stored(RecordVersion version) {
        return new StoredRecord<>(version.id(), version.version(), type.parse(version.content()), version.contentHash(),
                version.status(), version.recordedAt(), version.recordedBy(), version.recordedFor());
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

    private NotFoundException notFound(UUID id) {
        return new NotFoundException("No " + type.collection() + " record " + id + ".");
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
}
