package io.cityfin.reporting.indicator.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import io.cityfin.common.test.WithOwnPostgres;
import io.cityfin.reporting.indicator.DataVersion;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * V1007's data version on real PostgreSQL, a writing transaction on a connection of its own: the version moves when
 * the write commits, not before (a reader in between sees the old one), by one however many rows the transaction
 * writes, and not at all when it rolls back.
 */
@SpringBootTest(classes = R2dbcDataVersionIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"cityfin.database=dataversion", "spring.flyway.locations=classpath:db/reporting", "spring.application.name=data-version-it",
        "management.endpoint.health.group.readiness.include=readinessState"})
@WithOwnPostgres
class R2dbcDataVersionIT {

    private static final AtomicInteger CODES = new AtomicInteger();

    @Autowired
    private DataVersion dataVersion;

    @Autowired
    private ConnectionFactory connections;

    @Test
    void movesByOneWhenAWriteCommitsAndNotBefore() {
        String before = dataVersion.current().block();
        Connection writer = Mono.from(connections.create()).block();
        try {
            Mono.from(writer.beginTransaction()).block();
            insertInstitution(writer).block();
            insertInstitution(writer).block();

            assertThat(dataVersion.current().block()).as("written, not committed").isEqualTo(before);

            Mono.from(writer.commitTransaction()).block();
        } finally {
            Mono.from(writer.close()).block();
        }

        String after = dataVersion.current().block();
        assertThat(epoch(after)).as("the same database").isEqualTo(epoch(before));
        assertThat(number(after)).as("two rows, one transaction: one step").isEqualTo(number(before) + 1);
    }

    @Test
    void staysWhenAWriteRollsBack() {
        String before = dataVersion.current().block();
        Connection writer = Mono.from(connections.create()).block();
        try {
            Mono.from(writer.beginTransaction()).block();
            insertInstitution(writer).block();
            Mono.from(writer.rollbackTransaction()).block();
        } finally {
            Mono.from(writer.close()).block();
        }

        assertThat(dataVersion.current().block()).isEqualTo(before);
    }

    private static Mono<Long> insertInstitution(Connection writer) {
        String code = "DV" + CODES.incrementAndGet();
        return Flux.from(writer.createStatement("""
                        INSERT INTO institution_version (code, version, name, type, region, active_from, changed_at, changed_by)
                        VALUES ($1, 1, 'test bank', 'STATE_OWNED_BANK', '361002', DATE '2015-01-01', now(), 'test')""")
                        .bind("$1", code).execute())
                .flatMap(result -> Mono.from(result.getRowsUpdated()))
                .reduce(0L, Long::sum);
    }

    private static String epoch(String version) {
        return version.substring(0, version.lastIndexOf(':'));
    }

    private static long number(String version) {
        return Long.parseLong(version.substring(version.lastIndexOf(':') + 1));
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(R2dbcDataVersion.class)
    static class App {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }
}
