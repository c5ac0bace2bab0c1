package io.cityfin.reporting.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.test.StepVerifier;

class IdempotencyKeyPurgeTest {

    private final RecordServiceTest.MutableClock clock = new RecordServiceTest.MutableClock(Instant.parse("2022-10-10T02:00:00Z"));
    private final RecordServiceTest.InMemoryRecords records = new RecordServiceTest.InMemoryRecords();
    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void deletesTheKeysOlderThan24HoursInBatchesAndKeepsTheOthers() {
        claim("old-1", Duration.ofHours(25));
        claim("old-2", Duration.ofHours(24).plusSeconds(1));
        claim("old-3", Duration.ofDays(30));
        claim("fresh", Duration.ofHours(23));

        StepVerifier.create(purge(Duration.ofHours(1), 2).purge()).expectNext(3).verifyComplete();

        assertThat(records.claims).containsOnlyKeys("key-1\nfresh");
        assertThat(meters.get("cityfin.idempotency.keys.purged").counter().count()).isEqualTo(3);
    }

    @Test
    void purgesWhenStartedAndAgainAfterEveryInterval() {
        IdempotencyKeyPurge purge = purge(Duration.ofHours(1), 1000);
        claim("old", Duration.ofHours(25));
        claim("fresh", Duration.ofHours(23).plusMinutes(30));

        StepVerifier.withVirtualTime(purge::schedule)
                .expectNext(1)
                .then(() -> clock.advance(Duration.ofHours(1)))
                .expectNoEvent(Duration.ofMinutes(59))
                .thenAwait(Duration.ofMinutes(1))
                .expectNext(1)
                .thenAwait(Duration.ofHours(1))
                .expectNext(0)
                .thenCancel()
                .verify();
        assertThat(records.claims).isEmpty();
    }

    private IdempotencyKeyPurge purge(Duration interval, int batch) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("meters", meters);
        return new IdempotencyKeyPurge(records, clock, beans.getBeanProvider(MeterRegistry.class), interval, batch);
    }

    private void claim(String key, Duration age) {
        OffsetDateTime at = OffsetDateTime.ofInstant(clock.instant().minus(age), ZoneOffset.UTC);
        records.claims.put("key-1\n" + key, new Records.KeyClaim("key-1", key, "hash", "notes", UUID.randomUUID(), 1, 201, at));
    }
}
