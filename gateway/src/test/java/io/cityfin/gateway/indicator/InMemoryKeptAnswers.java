package io.cityfin.gateway.indicator;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

/** The kept answers in memory, as the database every gateway replica shares. */
final class InMemoryKeptAnswers implements KeptAnswers {

    final Map<AnswerKey, KeptAnswer> answers = new ConcurrentHashMap<>();

    @Override
    public Mono<KeptAnswer> find(AnswerKey key) {
        return Mono.justOrEmpty(answers.get(key));
    }

    @Override
    public Mono<Void> save(KeptAnswer answer) {
        return Mono.fromRunnable(() -> answers.put(answer.key(), answer));
    }

    @Override
    public Mono<Void> confirm(AnswerKey key, String etag, long generation, Instant at) {
        return Mono.fromRunnable(() -> answers.computeIfPresent(key,
                (k, answer) -> etag.equals(answer.etag()) ? answer.confirmed(generation, at) : answer));
    }
}
