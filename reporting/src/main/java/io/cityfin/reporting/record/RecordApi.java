package io.cityfin.reporting.record;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A collection's standard operations with its request body {@code B} (a generated content DTO) and answer {@code D}, as
 * the generated {@code XApiRecords} interfaces call them for the operations a contract marks
 * {@code x-cityfin-record: {records: <accessor>, op: create|replace|latest|versions}} (the arguments in the operation's
 * order). One operation of each collection names its content schema ({@code content: <Schema>}), which declares the
 * accessor ({@code reads: true} instead, for a {@link RecordReads}). Made by {@link RecordEndpoints#taking}.
 */
public interface RecordApi<B, D> extends RecordReads<D> {

    /** {@code POST /{collection}}: 201 with the new record, or the first answer to the key again. */
    Mono<ResponseEntity<D>> create(Mono<B> body, @Nullable String idempotencyKey);

    /** {@code PUT /{collection}/{id}}: the next version (201), or the latest unchanged (200); 412 on a stale If-Match. */
    Mono<ResponseEntity<D>> replace(String id, Mono<B> body, @Nullable String ifMatch);

    /** {@code endpoints} with the body's content and status. */
    static <T, B, D> RecordApi<B, D> of(RecordEndpoints<T, D> endpoints, Function<B, T> content, Function<B, @Nullable String> status) {
        return new RecordApi<>() {

            @Override
            public Mono<ResponseEntity<D>> create(Mono<B> body, @Nullable String idempotencyKey) {
                return endpoints.create(null, body, idempotencyKey, content, status);
            }

            @Override
            public Mono<ResponseEntity<D>> replace(String id, Mono<B> body, @Nullable String ifMatch) {
                return endpoints.replace(id, body, ifMatch, content, status);
            }

            @Override
            public Mono<ResponseEntity<D>> latest(String id) {
                return endpoints.latest(id);
            }

            @Override
            public Mono<ResponseEntity<Flux<D>>> versions(String id) {
                return endpoints.versions(id);
            }
        };
    }
}
