package io.cityfin.reporting.record;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.http.IfMatch;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Port: record versions (append-only) and the idempotency keys of record creation. */
public interface Records {

    Mono<RecordVersion> latest(String collection, UUID id);

    /** The latest version of every record of the collection, withdrawn ones included. */
    Flux<RecordVersion> latestOfAll(String collection);

    /** Every version, oldest first. */
    Flux<RecordVersion> versions(String collection, UUID id);

    Mono<RecordVersion> version(String collection, UUID id, int version);

    /** The key's claim if it was made at or after {@code since}; empty otherwise. */
    Mono<KeyClaim> claim(String subject, String key, OffsetDateTime since);

    /**
     * Claims {@code claim}'s key and stores {@code first} as version 1 of a new record, atomically: when a claim on
     * the key made at or after {@code since} exists already (a concurrent request, say), nothing is stored and that
     * claim is returned; otherwise {@code claim} itself.
     */
    Mono<KeyClaim> create(KeyClaim claim, RecordVersion first, OffsetDateTime since);

    /**
     * Appends {@code candidate} as the next version of an existing record unless the latest version has the same
     * content hash and status; atomically (the record's head row is locked), so concurrent appends never lose a
     * version or reuse a number. {@code candidate.version()} is ignored. Empty when there is no such record. With
     * {@code ifMatch}, the latest version is checked against it under the same lock: when it does not match, the answer
     * is a {@link io.cityfin.common.problem.PreconditionFailedException} and nothing is stored.
     */
    Mono<Appended> append(RecordVersion candidate, @Nullable IfMatch ifMatch);

    /**
     * Deletes at most {@code limit} idempotency keys claimed before {@code before} and answers how many it deleted;
     * a key another transaction holds (a replica purging at the same time, a request taking an expired key over) is
     * skipped, not waited for.
     */
    Mono<Integer> purgeKeys(OffsetDateTime before, int limit);

    /** The version now latest, and whether this append created it. */
    record Appended(RecordVersion version, boolean created) {
    }

    /**
     * An Idempotency-Key used by one API key ({@code subject}): the hash of the request it first came with and the
     * answer it got (the record version and the status).
     */
    record KeyClaim(String subject, String key, String requestHash, String collection, UUID recordId, int recordVersion,
                    int responseStatus, OffsetDateTime createdAt) {
    }
}
