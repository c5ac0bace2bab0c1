package io.cityfin.gateway.indicator.persistence;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.cityfin.gateway.indicator.Generations;
import reactor.core.publisher.Mono;

@Component
class R2dbcGenerations implements Generations {

    private final DatabaseClient db;
    private final Clock clock;

    R2dbcGenerations(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Mono<Map<String, Long>> current() {
        return db.sql("SELECT service, generation FROM source_generation")
                .map((row, meta) -> Map.entry(row.get("service", String.class), row.get("generation", Long.class)))
                .all()
                .collect(HashMap::new, (map, entry) -> map.put(entry.getKey(), entry.getValue()));
    }

    @Override
    public Mono<Void> bump(Collection<String> services) {
        // one statement (one transaction) for every service the write affects, in a fixed order: two bumps of
        // overlapping sets never wait for each other in opposite orders
        return db.sql("""
                        INSERT INTO source_generation (service, generation, changed_at)
                        SELECT service, 1, :at FROM unnest(CAST(:services AS VARCHAR[])) AS s(service) ORDER BY service
                        ON CONFLICT (service) DO UPDATE SET generation = source_generation.generation + 1, changed_at = EXCLUDED.changed_at""")
                .bind("services", services.stream().sorted().distinct().toArray(String[]::new))
                .bind("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .then();
    }
}
