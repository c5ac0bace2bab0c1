package io.cityfin.gateway.ratelimit.persistence;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cityfin.gateway.ratelimit.RateLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Calls to the store that failed (Redis down, slow or refusing) and so let their request through:
 * {@code cityfin_gateway_rate_limit_store_errors_total}, and a warning at most once a {@link #LOG_INTERVAL} with how
 * many failed since the last one, so that an outage under load does not flood the log; one line when it answers again.
 */
final class StoreErrors {

    static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(StoreErrors.class);

    private final Counter counter;
    private final LongSupplier nanoTime;
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicLong unlogged = new AtomicLong();
    private final AtomicLong nextLogAt;

    StoreErrors(MeterRegistry registry, LongSupplier nanoTime) {
        this.counter = RateLimiter.storeErrors(registry);
        this.nanoTime = nanoTime;
        this.nextLogAt = new AtomicLong(nanoTime.getAsLong());
    }

    void record(Throwable error) {
        counter.increment();
        failing.set(true);
        long count = unlogged.incrementAndGet();
        long now = nanoTime.getAsLong();
        long due = nextLogAt.get();
        if (now - due >= 0 && nextLogAt.compareAndSet(due, now + LOG_INTERVAL.toNanos())) {
            unlogged.addAndGet(-count);
            log.warn("Rate-limit store (Redis) failed {} time(s) since the last report; those requests passed unlimited. Last: {}",
                    count, describe(error));
        }
    }

    void recordSuccess() {
        if (failing.get() && failing.compareAndSet(true, false)) {
            log.info("Rate-limit store (Redis) answers again");
        }
    }

    private static String describe(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == error ? error.toString() : error + " (cause: " + cause + ")";
    }
}
