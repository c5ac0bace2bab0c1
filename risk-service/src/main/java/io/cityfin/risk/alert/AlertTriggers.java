package io.cityfin.risk.alert;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

import io.cityfin.common.period.Period;
import io.cityfin.reporting.record.RecordAccepted;
import io.cityfin.reporting.report.ReportAccepted;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * When rules run (data-standard-2.md, "Alert rules and alerts"): after every accepted report or record, for the rules
 * it affects and its period (gathered for {@code coalesce}, each (rule, period) once, off the writer's thread); every
 * day at {@code daily-at} for the last completed month, on one replica only ({@link Evaluations#claimDay}); every
 * {@code retry-every} for each (rule, period) whose last evaluation is UNAVAILABLE, until it runs; and after a new
 * settings version, for every period the rule has been evaluated for.
 */
public class AlertTriggers implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(AlertTriggers.class);

    private final AlertService service;
    private final Evaluations evaluations;
    private final AlertProperties properties;
    private final Clock clock;
    private final Set<Job> pending = ConcurrentHashMap.newKeySet();
    private final Sinks.Many<Boolean> ticks = Sinks.many().unicast().onBackpressureBuffer();
    private final Disposable.Composite running = Disposables.composite();
    private volatile boolean started;

    public AlertTriggers(AlertService service, Evaluations evaluations, AlertProperties properties, Clock clock) {
        this.service = service;
        this.evaluations = evaluations;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    void on(ReportAccepted report) {
        for (AlertRule rule : service.rules()) {
            if (affected(rule, () -> rule.affectedBy(report))) {
                request(rule, report.period());
            }
        }
    }

    @EventListener
    void on(RecordAccepted record) {
        if (AlertRuleType.COLLECTION.equals(record.collection())) {
            settingsChanged(record);
            return;
        }
        LocalDate day = record.day();
        if (day == null) {
            return;
        }
        Period month = Period.month(day.getYear(), day.getMonthValue());
        for (AlertRule rule : service.rules()) {
            if (affected(rule, () -> rule.affectedBy(record))) {
                request(rule, month);
            }
        }
    }

    /** A new settings version: the rule runs again, under it, for every period it has been evaluated for. */
    private void settingsChanged(RecordAccepted record) {
        service.ruleOfSettings(record.id())
                .flatMapMany(rule -> service.evaluatedPeriods(rule).map(period -> new Job(rule.code(), period)))
                .subscribe(job -> service.rule(job.rule()).ifPresent(rule -> request(rule, job.period())),
                        error -> LOG.error("Could not re-run the alert rule of settings record {}", record.id(), error));
    }

    private static boolean affected(AlertRule rule, java.util.function.BooleanSupplier test) {
        try {
            return test.getAsBoolean();
        } catch (RuntimeException e) {
            // another feature's rule must never fail the writer whose event this is
            LOG.error("Alert rule {} failed to say whether an event affects it", rule.code(), e);
            return false;
        }
    }

    /** Runs {@code rule} for {@code period} soon, off the caller's thread, once however often it is asked meanwhile. */
    public void request(AlertRule rule, Period period) {
        pending.add(new Job(rule.code(), period));
        // A failed emission (another thread emitting at the same moment) loses nothing: that tick drains this job too.
        ticks.tryEmitNext(Boolean.TRUE);
    }

    /** Runs every rule for {@code period} soon, as {@link #request}. */
    public void requestAll(Period period) {
        service.rules().forEach(rule -> request(rule, period));
    }

    @Override
    public void start() {
        running.add(ticks.asFlux().onBackpressureLatest()
                .concatMap(tick -> Mono.delay(properties.coalesce(), Schedulers.parallel()).then(drain()), 1)
                .subscribe());
        if (properties.schedules()) {
            running.add(AlertSchedule.daily(clock, properties.dailyAt(), Schedulers.parallel())
                    .concatMap(this::daily, 1)
                    .subscribe());
            running.add(AlertSchedule.every(properties.retryEvery(), Schedulers.parallel())
                    .concatMap(tick -> retryUnavailable(), 1)
                    .subscribe());
        }
        started = true;
    }

    @Override
    public void stop() {
        running.dispose();
        started = false;
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /** Every pending (rule, period), each once. */
    Mono<Void> drain() {
        List<Job> jobs = new ArrayList<>();
        for (Job job : pending) {
            if (pending.remove(job)) {
                jobs.add(job);
            }
        }
        return Flux.fromIterable(jobs).concatMap(this::run).then();
    }

    /** The daily run of {@code day}: every rule for the last completed month, if this replica claims the day. */
    Mono<Void> daily(LocalDate day) {
        Period period = AlertSchedule.lastCompletedMonth(day);
        return evaluations.claimDay(day, OffsetDateTime.now(clock))
                .flatMap(claimed -> claimed ? service.evaluateAll(period).then() : Mono.<Void>empty())
                .onErrorResume(error -> {
                    LOG.error("The daily alert run of {} failed", day, error);
                    return Mono.empty();
                });
    }

    /** Every (rule, period) whose last evaluation is UNAVAILABLE, again. */
    Mono<Void> retryUnavailable() {
        return evaluations.unavailable().collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(evaluation -> run(new Job(evaluation.rule(), evaluation.period())))
                .then()
                .onErrorResume(error -> {
                    LOG.error("Retrying the UNAVAILABLE alert rules failed", error);
                    return Mono.empty();
                });
    }

    private Mono<Void> run(Job job) {
        @Nullable AlertRule rule = service.rule(job.rule()).orElse(null);
        if (rule == null) {
            return Mono.empty();
        }
        return service.evaluate(rule, job.period()).then().onErrorResume(error -> {
            LOG.error("Alert rule {} for {} failed", job.rule(), job.period(), error);
            return Mono.empty();
        });
    }

    record Job(String rule, Period period) {
    }
}
