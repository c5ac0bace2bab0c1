package io.cityfin.risk.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.cityfin.common.period.Period;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The daily and retry schedules on virtual time, with a clock that follows it (no waiting). */
class AlertScheduleTest {

    /** 2022-10-09 23:30 in Asia/Shanghai (15:30 UTC). */
    private static final Instant START = Instant.parse("2022-10-09T15:30:00Z");

    @Test
    void runsOnceADayAtTheConfiguredCityTimeForTheDayItThenIs() {
        StepVerifier.withVirtualTime(() -> AlertSchedule.daily(clock(), LocalTime.of(2, 0), Schedulers.parallel()).take(3))
                .expectSubscription()
                .expectNoEvent(Duration.ofMinutes(149))          // 23:30 → 01:59
                .thenAwait(Duration.ofMinutes(1))                // 02:00 on the 10th
                .expectNext(LocalDate.of(2022, 10, 10))
                .expectNoEvent(Duration.ofHours(23).plusMinutes(59))
                .thenAwait(Duration.ofMinutes(1))
                .expectNext(LocalDate.of(2022, 10, 11))
                .thenAwait(Duration.ofDays(1))
                .expectNext(LocalDate.of(2022, 10, 12))
                .verifyComplete();
    }

    @Test
    void retriesEveryPeriodStartingOnePeriodAfterSubscription() {
        StepVerifier.withVirtualTime(() -> AlertSchedule.every(Duration.ofMinutes(1), Schedulers.parallel()).take(2))
                .expectSubscription()
                .expectNoEvent(Duration.ofSeconds(59))
                .thenAwait(Duration.ofSeconds(1))
                .expectNext(0L)
                .thenAwait(Duration.ofMinutes(1))
                .expectNext(1L)
                .verifyComplete();
    }

    @Test
    void theNextRunIsStrictlyAfterNow() {
        Clock atTwo = Clock.fixed(Instant.parse("2022-10-09T18:00:00Z"), ZoneOffset.UTC); // 02:00 on the 10th in the city
        assertThat(AlertSchedule.untilNext(atTwo, LocalTime.of(2, 0))).isEqualTo(Duration.ofDays(1));
        Clock atOne = Clock.fixed(Instant.parse("2022-10-09T17:00:00Z"), ZoneOffset.UTC);
        assertThat(AlertSchedule.untilNext(atOne, LocalTime.of(2, 0))).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void theDailyPeriodIsTheLastCompletedMonth() {
        assertThat(AlertSchedule.lastCompletedMonth(LocalDate.of(2022, 10, 10))).isEqualTo(Period.month(2022, 9));
        assertThat(AlertSchedule.lastCompletedMonth(LocalDate.of(2023, 1, 1))).isEqualTo(Period.month(2022, 12));
        assertThat(AlertSchedule.lastCompletedMonth(LocalDate.of(2022, 3, 31))).isEqualTo(Period.month(2022, 2));
    }

    /** A clock at {@link #START} plus the virtual scheduler's elapsed time. */
    private static Clock clock() {
        Scheduler scheduler = VirtualTimeScheduler.get();
        long origin = scheduler.now(TimeUnit.MILLISECONDS);
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                Clock self = this;
                return new Clock() {
                    @Override
                    public ZoneId getZone() {
                        return zone;
                    }

                    @Override
                    public Clock withZone(ZoneId other) {
                        return self.withZone(other);
                    }

                    @Override
                    public Instant instant() {
                        return self.instant();
                    }
                };
            }

            @Override
            public Instant instant() {
                return START.plusMillis(scheduler.now(TimeUnit.MILLISECONDS) - origin);
            }
        };
    }
}
