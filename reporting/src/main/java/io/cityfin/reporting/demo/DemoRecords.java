package io.cityfin.reporting.demo;

import org.springframework.core.io.Resource;

import reactor.core.publisher.Mono;

/**
 * A service's records in its demo file (insurance's investments), loaded by the {@link DemoDataLoader} after the
 * institutions, reports and targets, as the same demo ADMIN and before the app is ready. Loading twice adds no version.
 */
public interface DemoRecords {

    /** Loads this service's records from the demo file; answers how many versions it created. */
    Mono<Long> load(Resource demoFile);
}
