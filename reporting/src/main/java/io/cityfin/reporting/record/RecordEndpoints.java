package io.cityfin.reporting.record;

import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;

import io.cityfin.common.http.IfMatch;
import io.cityfin.common.problem.InvalidParameterException;
import io.cityfin.common.region.Region;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One collection's operations as a record controller serves them, the same for every collection: the request body
 * (a generated DTO {@code B}) turned into content and status, the use case called, and the answer given as
 * {@link RecordResponses} says. A controller keeps only its DTO mapping and its list filters.
 */
public final class RecordEndpoints<T, D> implements RecordReads<D> {

    private final RecordService<T> records;
    private final Function<StoredRecord<T>, D> dto;

    private RecordEndpoints(RecordService<T> records, Function<StoredRecord<T>, D> dto) {
        this.records = records;
        this.dto = dto;
    }

    public static <T, D> RecordEndpoints<T, D> of(RecordService<T> records, Function<StoredRecord<T>, D> dto) {
        return new RecordEndpoints<>(records, dto);
    }

    /** These operations with the request body's content and status, as a generated {@code XApiRecords} calls them. */
    public <B> RecordApi<B, D> taking(Function<B, T> content, Function<B, @Nullable String> status) {
        return RecordApi.of(this, content, status);
    }

    /** {@code POST /{collection}} (or under a parent): 201 with the new record, or the first answer to the key again. */
    public <B> Mono<ResponseEntity<D>> create(@Nullable Ref parent, Mono<B> body, @Nullable String idempotencyKey,
                                              Function<B, T> content, Function<B, @Nullable String> status) {
        return body.flatMap(request -> records.create(parent, idempotencyKey, content.apply(request), status.apply(request)))
                .map(written -> RecordResponses.written(written, dto));
    }

    /** {@code PUT /{collection}/{id}}: the next version (201), or the latest unchanged (200); 412 on a stale If-Match. */
    public <B> Mono<ResponseEntity<D>> replace(String id, Mono<B> body, @Nullable String ifMatch, Function<B, T> content,
                                               Function<B, @Nullable String> status) {
        var recordId = RecordService.id("id", id);
        IfMatch precondition = IfMatch.parse(ifMatch);
        return body.flatMap(request -> records.replace(recordId, content.apply(request), status.apply(request), precondition))
                .map(written -> RecordResponses.written(written, dto));
    }

    /** {@code PUT /{collection}/{key}} for records with a natural key (the key checked by the caller). */
    public <B> Mono<ResponseEntity<D>> put(String key, @Nullable Ref parent, Mono<B> body, @Nullable String ifMatch, Function<B, T> content,
                                           Function<B, @Nullable String> status) {
        IfMatch precondition = IfMatch.parse(ifMatch);
        return body.flatMap(request -> records.put(key, parent, content.apply(request), status.apply(request), precondition))
                .map(written -> RecordResponses.written(written, dto));
    }

    /** {@code GET /{collection}/{id}}. */
    @Override
    public Mono<ResponseEntity<D>> latest(String id) {
        return records.latest(RecordService.id("id", id)).map(record -> RecordResponses.latest(record, dto));
    }

    /**
     * The reads of a collection with a natural key, as a generated {@code XApiRecords} calls them: the path's key first
     * checked by {@code key} (which throws the 400 naming the parameter, or answers the key to look up).
     */
    public RecordReads<D> byKey(UnaryOperator<String> key) {
        return new RecordReads<>() {

            @Override
            public Mono<ResponseEntity<D>> latest(String path) {
                return latestByKey(key.apply(path));
            }

            @Override
            public Mono<ResponseEntity<Flux<D>>> versions(String path) {
                return versionsByKey(key.apply(path));
            }
        };
    }

    /** {@code GET /{collection}/{key}} for records with a natural key. */
    public Mono<ResponseEntity<D>> latestByKey(String key) {
        return records.latest(key).map(record -> RecordResponses.latest(record, dto));
    }

    /** {@code GET /{collection}/{id}/versions}. */
    @Override
    public Mono<ResponseEntity<Flux<D>>> versions(String id) {
        return RecordResponses.versions(records.versions(RecordService.id("id", id)), dto);
    }

    /** {@code GET /{collection}/{key}/versions} for records with a natural key. */
    public Mono<ResponseEntity<Flux<D>>> versionsByKey(String key) {
        return RecordResponses.versions(records.versions(key), dto);
    }

    /** {@code GET /{parents}/{id}/{collection}}: the parent's records, 404 when there is no such parent. */
    public Mono<ResponseEntity<Flux<D>>> children(String parentId) {
        return RecordResponses.versions(records.children(RecordService.id("id", parentId)), dto);
    }

    /** {@code GET /{collection}?…}: one page, filtered and cut by the database, with {@code X-Total-Count}. */
    public Mono<ResponseEntity<Flux<D>>> page(RecordQuery query) {
        return records.page(query).map(page -> RecordResponses.page(page, dto));
    }

    /**
     * A list's {@code region} filter: a county-level code; null for none or for 361000 (the whole city); anything
     * else a 400 naming the parameter.
     */
    public static @Nullable String regionFilter(String parameter, @Nullable String code) {
        if (code == null) {
            return null;
        }
        Region region = Region.ofCode(code).orElseThrow(() -> new InvalidParameterException(parameter, Region.UNKNOWN_REGION,
                "'" + code + "' is not a region of the city."));
        return region.isCity() ? null : region.code();
    }

    /** A list's {@code status} filter: ACTIVE, WITHDRAWN or none; anything else a 400 naming the parameter. */
    public static @Nullable RecordStatus statusFilter(String parameter, @Nullable String status) {
        if (status == null) {
            return null;
        }
        for (RecordStatus candidate : RecordStatus.values()) {
            if (candidate.name().equals(status)) {
                return candidate;
            }
        }
        throw new InvalidParameterException(parameter, "UNKNOWN_STATUS", "A status is ACTIVE or WITHDRAWN.");
    }
}
