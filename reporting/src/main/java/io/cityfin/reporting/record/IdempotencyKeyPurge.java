package io.cityfin.reporting.record;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes the idempotency keys older than their lifetime ({@link RecordService#KEY_LIFETIME}, 24 hours), which no
 * request can use any more, so that the table holds about a day of keys. Runs when the app is ready and then every
 * {@code cityfin.records.key-purge-interval} (an hour unless set), in batches of
 * {@code cityfin.records.key-purge-batch} (1000) rows, each its own short statement; several replicas may purge at
 * once. Counts what it deleted as {@code cityfin.idempotency.keys.purged}.
 */
@Component
public class IdempotencyKeyPurge {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyPurge.class);

    private final Records records;
    private final Clock clock;
    private final Duration interval;
    private final int batch;
    private final Counter purged;
    private Disposable schedule = () -> { };

    public IdempotencyKeyPurge(Records records, Clock clock, ObjectProvider<MeterRegistry> registry,
                               @Value("${cityfin.records.key-purge-interval:1h}") Duration interval,
                               @Value("${cityfin.records.key-purge-batch:1000}") int batch) {
        if (interval.isNegative() || interval.isZero() || batch < 1) {
            throw new IllegalArgumentException("cityfin.records.key-purge-interval and -batch must be positive");
        }
        this.records = records;
        this.clock = clock;
        this.interval = interval;
        this.batch = batch;
        this.purged = Counter.builder("cityfin.idempotency.keys.purged").description("Idempotency keys deleted after their lifetime")
                .register(registry.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        schedule = schedule().subscribe();
    }

    /** A purge now and after every interval; a failed or slow one (the database away) skips ticks, never ends the schedule. */
    Flux<Integer> schedule() {
        return Flux.interval(Duration.ZERO, interval).onBackpressureDrop()
                .concatMap(tick -> purge().onErrorResume(error -> {
                    log.warn("Idempotency keys not purged: {}", error.toString());
                    return Mono.empty();
                }));
    }

    /** Deletes every key claimed more than the lifetime ago, batch after batch; answers how many. */
    public Mono<Integer> purge() {
        OffsetDateTime before = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minus(RecordService.KEY_LIFETIME);
        return records.purgeKeys(before, batch)
                .expand(deleted -> deleted < batch ? Mono.empty() : records.purgeKeys(before, batch))
                .reduce(0, Integer::sum)
                .doOnNext(total -> {
                    purged.increment(total);
                    if (total > 0) {
                        log.info("Purged {} idempotency keys claimed before {}", total, before);
                    }
                });
    }

    @PreDestroy
    void stop() {
        schedule.dispose();
    }
}
