package io.cityfin.reporting.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.core.io.Resource;

import reactor.core.publisher.Mono;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

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
        JsonMapper mapper = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try (InputStream in = demoFile.getInputStream()) {
            return mapper.readValue(in, part);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
