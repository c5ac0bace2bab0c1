package io.cityfin.reporting.submission;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.cityfin.common.period.CityClock;
import io.cityfin.common.period.Period;
import io.cityfin.reporting.catalogue.Catalogue;
import io.cityfin.reporting.indicator.ExpectedReports;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Completeness as live gauges, so a dashboard shows at month end who has reported:
 * {@code cityfin.reports.expected{period="current|previous"}} (institutions active on the month's last day, of a
 * type that reports anything) and
 * {@code cityfin.reports.received{period=...}} (those whose latest version for the month is a report), counted by
 * the same {@link ExpectedReports} as the indicators' completeness. "current" is this month in Asia/Shanghai,
 * "previous" the one before: the month most reports are for in its first days. Refreshed every
 * {@code cityfin.reporting.completeness-refresh} (a minute unless set); only a service that takes reports publishes
 * them.
 */
@Component
public class CompletenessGauges {

    private static final Logger log = LoggerFactory.getLogger(CompletenessGauges.class);

    private final ExpectedReports expectedReports;
    private final Clock clock;
    private final Catalogue catalogue;
    private final boolean takesReports;
    private final Duration refreshEvery;
    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();
    private Disposable schedule = () -> { };

    public CompletenessGauges(ExpectedReports expectedReports, Clock clock, Catalogue catalogue,
                              ObjectProvider<MeterRegistry> registry,
                              @Value("${cityfin.reporting.completeness-refresh:1m}") Duration refreshEvery) {
        this.expectedReports = expectedReports;
        this.clock = clock;
        this.catalogue = catalogue;
        this.takesReports = !catalogue.items().isEmpty();
        this.refreshEvery = refreshEvery;
        if (takesReports) {
            MeterRegistry meters = registry.getIfAvailable(() -> Metrics.globalRegistry);
            for (String which : new String[] {"current", "previous"}) {
                gauge(meters, "cityfin.reports.expected", "Institutions expected to report for the month", which);
                gauge(meters, "cityfin.reports.received", "Institutions that reported for the month", which);
            }
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (takesReports) {
            // a refresh slower than the interval (a slow or unreachable database) skips ticks instead of ending the schedule
            schedule = Flux.interval(Duration.ZERO, refreshEvery).onBackpressureDrop().concatMap(tick -> refresh().onErrorResume(error -> {
                log.warn("Completeness gauges not refreshed: {}", error.toString());
                return Mono.empty();
            })).subscribe();
        }
    }

    /** Recomputes both months now. */
    public Mono<Void> refresh() {
        if (!takesReports) {
            return Mono.empty();
        }
        Period current = Period.month(CityClock.today(clock).getYear(), CityClock.today(clock).getMonthValue());
        // a clock set to January 1990 has no previous month: that gauge keeps its last value
        return Mono.when(refresh("current", current), Mono.justOrEmpty(current.previous()).flatMap(previous -> refresh("previous", previous)));
    }

    private Mono<Void> refresh(String which, Period month) {
        return expectedReports.tally(month, catalogue.reportingTypes()).doOnNext(tally -> {
            values.get("cityfin.reports.expected/" + which).set(tally.expected());
            values.get("cityfin.reports.received/" + which).set(tally.reported());
        }).then();
    }

    @PreDestroy
    void stop() {
        schedule.dispose();
    }

    private void gauge(MeterRegistry meters, String name, String description, String which) {
        AtomicLong value = values.computeIfAbsent(name + "/" + which, key -> new AtomicLong());
        Gauge.builder(name, value, AtomicLong::get).description(description).tag("period", which).register(meters);
    }
}
