package io.cityfin.gateway.indicator;

import java.time.Instant;

import reactor.core.publisher.Mono;

/** Port: the sources' last good answers, in the gateway's database (shared by every replica). */
public interface KeptAnswers {

    /** The kept answer of {@code key}, if any. */
    Mono<KeptAnswer> find(AnswerKey key);

    /** Keeps {@code answer} in place of any earlier one of its key. */
    Mono<Void> save(KeptAnswer answer);

    /** The kept answer of {@code key} with tag {@code etag} was confirmed at {@code at}, current at {@code generation}. */
    Mono<Void> confirm(AnswerKey key, String etag, long generation, Instant at);
}
