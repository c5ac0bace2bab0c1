package io.cityfin.reporting.indicator.persistence;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.cityfin.reporting.indicator.DataVersion;
import reactor.core.publisher.Mono;

/**
 * Reads the one row of {@code data_version} (V1007: its deferred triggers move it when a write commits): one
 * primary-key read, no lock.
 */
@Component
class R2dbcDataVersion implements DataVersion {

    private final DatabaseClient database;

    R2dbcDataVersion(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<String> current() {
        return database.sql("SELECT epoch::text || ':' || version AS version FROM data_version")
                .map(row -> row.get("version", String.class))
                .one();
    }
}
