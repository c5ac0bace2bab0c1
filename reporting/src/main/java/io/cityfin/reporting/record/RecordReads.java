package io.cityfin.reporting.record;

import org.springframework.http.ResponseEntity;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A collection's reads by id with answer {@code D}, as a generated {@code XApiRecords} calls them for a collection whose
 * writes its controller serves itself (the contract marks one of its reads {@code reads: true}); a
 * {@link RecordEndpoints} is one.
 */
public interface RecordReads<D> {

    /** {@code GET /{collection}/{id}}. */
    Mono<ResponseEntity<D>> latest(String id);

    /** {@code GET /{collection}/{id}/versions}. */
    Mono<ResponseEntity<Flux<D>>> versions(String id);
}
