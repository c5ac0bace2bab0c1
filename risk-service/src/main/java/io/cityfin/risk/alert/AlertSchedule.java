package io.cityfin.risk.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

import io.cityfin.common.period.CityClock;
import io.cityfin.common.period.Period;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/** The alert schedules as time streams, so that a test runs them on virtual time with a clock that follows it. */
final class AlertSchedule {

    private AlertSchedule() {
    }

    /** Each day at {@code at} (Asia/Shanghai), the day it is then: once per day, the first one after subscription. */
    static Flux<LocalDate> daily(Clock clock, LocalTime at, Scheduler scheduler) {
        return Flux.defer(() -> Mono.delay(untilNext(clock, at), scheduler).map(tick -> CityClock.today(clock))).repeat();
    }

    /** The time from now to the next {@code at} (Asia/Shanghai), strictly after now. */
    static Duration untilNext(Clock clock, LocalTime at) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(CityClock.ZONE));
        ZonedDateTime next = now.toLocalDate().atTime(at).atZone(CityClock.ZONE);
        if (!next.isAfter(now)) {
            next = now.toLocalDate().plusDays(1).atTime(at).atZone(CityClock.ZONE);
        }
        return Duration.between(now, next);
    }

    /** The last month completed on {@code day}: the daily run's period. */
    static Period lastCompletedMonth(LocalDate day) {
        LocalDate previous = day.minusMonths(1);
        return Period.month(previous.getYear(), previous.getMonthValue());
    }

    /** Every {@code every}, starting {@code every} after subscription. */
    static Flux<Long> every(Duration every, Scheduler scheduler) {
        return Flux.interval(every, every, scheduler).onBackpressureDrop();
    }
}
