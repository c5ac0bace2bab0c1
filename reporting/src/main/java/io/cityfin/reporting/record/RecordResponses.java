package io.cityfin.reporting.record;

import java.util.function.Function;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.cityfin.common.http.IfMatch;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The answers every record controller gives, the same for every collection: a write is 201 (a new version) or 200
 * (unchanged) with the version's ETag; a read 200 with its ETag; a history is collected before the answer starts (so
 * that a 403 or 404 is a problem, not a broken 200); a page carries {@code X-Total-Count}.
 */
public final class RecordResponses {

    public static final String TOTAL_COUNT = "X-Total-Count";

    private RecordResponses() {
    }

    public static <T, D> ResponseEntity<D> written(Written<T> written, Function<StoredRecord<T>, D> dto) {
        return ResponseEntity.status(written.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .eTag(IfMatch.etag(written.record().version())).body(dto.apply(written.record()));
    }

    public static <T, D> ResponseEntity<D> latest(StoredRecord<T> record, Function<StoredRecord<T>, D> dto) {
        return ResponseEntity.ok().eTag(IfMatch.etag(record.version())).body(dto.apply(record));
    }

    public static <T, D> Mono<ResponseEntity<Flux<D>>> versions(Flux<StoredRecord<T>> versions, Function<StoredRecord<T>, D> dto) {
        return versions.map(dto).collectList().map(list -> ResponseEntity.ok(Flux.fromIterable(list)));
    }

    public static <T, D> ResponseEntity<Flux<D>> page(RecordPage<T> page, Function<StoredRecord<T>, D> dto) {
        return ResponseEntity.ok().header(TOTAL_COUNT, Long.toString(page.total())).body(Flux.fromIterable(page.items()).map(dto));
    }
}
