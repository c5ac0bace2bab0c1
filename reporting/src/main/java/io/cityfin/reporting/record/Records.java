package io.cityfin.reporting.record;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.http.IfMatch;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Port: record versions (append-only) with their warnings, the unique values records claim, and the idempotency keys
 * of record creation. Every write checks the claims of its version in its own transaction: a value another record
 * claims for an overlapping time refuses the write ({@link io.cityfin.common.problem.RuleViolationException}) and
 * nothing is stored.
 */
public interface Records {

    Mono<RecordVersion> latest(String collection, UUID id);

    Mono<RecordVersion> latestByKey(String collection, String key);

    /** The latest version of every record of the collection, withdrawn ones included, by id. */
    Flux<RecordVersion> latestOfAll(String collection);

    /**
     * The latest version of every record of the collection not withdrawn whose parent (if it has one) is not withdrawn
     * either, with the parent's latest version.
     */
    Flux<ActiveVersion> active(String collection);

    /**
     * The latest version of every record of {@code collection} not withdrawn, each with the latest version of each of
     * its children in {@code childCollection} not withdrawn (one row per child, one row with null for a record without
     * any), ordered by the record's id so that a record's rows come together.
     */
    Flux<FamilyRow> families(String collection, String childCollection);

    /** The latest versions matching the query, and how many match; only {@code owner}'s records when it is not null. */
    Mono<Page> page(String collection, RecordQuery query, @Nullable String owner);

    /** The latest version of every record of the parent, by key and id. */
    Flux<RecordVersion> children(String collection, UUID parentId);

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
    Mono<KeyClaim> create(KeyClaim claim, RecordWrite first, OffsetDateTime since);

    /**
     * Appends {@code candidate} as the next version of an existing record unless the latest version has the same
     * content hash and status; atomically (the record's head row is locked), so concurrent appends never lose a
     * version or reuse a number. {@code candidate.version().version()} is ignored. Empty when there is no such record.
     * With {@code ifMatch}, the latest version is checked against it under the same lock: when it does not match, the
     * answer is a {@link io.cityfin.common.problem.PreconditionFailedException} and nothing is stored.
     */
    Mono<Appended> append(RecordWrite candidate, @Nullable IfMatch ifMatch);

    /**
     * Stores {@code candidate} under its natural key: version 1 of a new record (its id as given) when no record has
     * the key, else as {@link #append}. Two first writes of one key at once make one record. Any {@code ifMatch}, even
     * {@code *}, fails (412) where there is no record yet.
     */
    Mono<Appended> put(RecordWrite candidate, @Nullable IfMatch ifMatch);

    /**
     * Deletes at most {@code limit} idempotency keys claimed before {@code before} and answers how many it deleted;
     * a key another transaction holds (a replica purging at the same time, a request taking an expired key over) is
     * skipped, not waited for.
     */
    Mono<Integer> purgeKeys(OffsetDateTime before, int limit);

    /** The version now latest, and whether this append created it. */
    record Appended(RecordVersion version, boolean created) {
    }

    /** A latest version not withdrawn and its parent's latest version (null without a parent); neither with warnings. */
    record ActiveVersion(RecordVersion version, @Nullable RecordVersion parent) {
    }

    /** A record's latest version and one child's latest version (null: the record has no active child); neither with warnings. */
    record FamilyRow(RecordVersion version, @Nullable RecordVersion child) {
    }

    /** One page of latest versions and the number of all that match. */
    record Page(List<RecordVersion> items, long total) {
    }

    /**
     * An Idempotency-Key used by one API key ({@code subject}): the hash of the request it first came with and the
     * answer it got (the record version and the status).
     */
    record KeyClaim(String subject, String key, String requestHash, String collection, UUID recordId, int recordVersion,
                    int responseStatus, OffsetDateTime createdAt) {
    }
}
