package io.cityfin.reporting.indicator;

import reactor.core.publisher.Mono;

/**
 * Port: the version of the service's data, moved in the transaction of every write that can change an indicator
 * answer (reports, targets, the registry, records, and what a service adds: risk's alerts). Read before an answer is
 * computed, it names the answer in its ETag: an answer may then be newer than its tag, never older.
 */
public interface DataVersion {

    /** The committed version, with the database's epoch (a new database starts again at 0), e.g. {@code 5f0c…:42}. */
    Mono<String> current();
}
