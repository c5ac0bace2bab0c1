package io.cityfin.gateway.ratelimit.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Every store error is counted; the log gets one warning a minute at most, and one line when the store is back. */
class StoreErrorsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final StoreErrors errors = new StoreErrors(registry, now::get);
    private final Logger logger = (Logger) LoggerFactory.getLogger(StoreErrors.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(log);
    }

    @Test
    void countsEveryErrorAndWarnsOnceAMinuteWithHowManyFailed() {
        for (int i = 0; i < 1_000; i++) {
            errors.record(new IllegalStateException("Redis away"));
        }
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        errors.record(new IllegalStateException("Redis away"));
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        errors.record(new IllegalStateException("still away"));

        assertThat(registry.get("cityfin.gateway.rate.limit.store.errors").counter().count()).isEqualTo(1_002);
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).hasSize(2)
                // the first error at once; a minute later the 1,001 that came since (999 + 1 + this one)
                .satisfiesExactly(
                        first -> assertThat(first).contains("failed 1 time(s)").contains("Redis away"),
                        second -> assertThat(second).contains("failed 1001 time(s)").contains("still away"));
    }

    @Test
    void saysOnceThatTheStoreAnswersAgain() {
        errors.recordSuccess();
        errors.record(new IllegalStateException("Redis away"));
        errors.recordSuccess();
        errors.recordSuccess();

        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .filteredOn(message -> message.contains("answers again")).hasSize(1);
    }
}
