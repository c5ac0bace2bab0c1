package io.cityfin.reporting.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

import org.springframework.core.io.Resource;

import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.Written;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * A service's records in its demo file (insurance's investments), loaded by the {@link DemoDataLoader} after the
 * institutions, reports and targets, as the same demo ADMIN and before the app is ready. Loading twice adds no version.
 */
public interface DemoRecords {

    /** Loads this service's records from the demo file; answers how many versions it created. */
    Mono<Long> load(Resource demoFile);

    /**
     * The part of a demo file a loader reads, as {@code part} (a record naming the members it wants; the others are
     * ignored; decimals as BigDecimal).
     */
    static <F> F read(Resource demoFile, Class<F> part) {
        try (InputStream in = demoFile.getInputStream()) {
            return DemoJson.MAPPER.readValue(in, part);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The member {@code member} of a demo file, a list of {@code type} (none when the file has no such member).
     */
    static <E> List<E> list(Resource demoFile, String member, Class<E> type) {
        JsonNode node = read(demoFile, JsonNode.class).get(member);
        if (node == null || node.isNull()) {
            return List.of();
        }
        return DemoJson.MAPPER.convertValue(node, DemoJson.MAPPER.getTypeFactory().constructCollectionType(List.class, type));
    }

    /**
     * The loader of a collection whose demo records are the contents listed in {@code member}, created as
     * {@link RecordService#createMissing} does (a content already stored is not created again). As a {@code @Bean}
     * (with {@code @Order} where the order matters) it replaces a loader class of its own.
     */
    static <T> DemoRecords created(RecordService<T> records, String member, Class<T> content) {
        return demoFile -> records.createMissing(null, list(demoFile, member, content));
    }

    /**
     * The loader of a collection with a natural key: each entry of {@code member} (read as {@code entry}) put under its
     * key, in the file's order; a version only where the content differs from the stored one.
     */
    static <E, T> DemoRecords put(RecordService<T> records, String member, Class<E> entry, Function<E, String> key,
                                  Function<E, T> content) {
        return demoFile -> Flux.fromIterable(list(demoFile, member, entry))
                .concatMap(e -> records.put(key.apply(e), content.apply(e), null, null))
                .filter(Written::created).count();
    }
}
