package io.cityfin.risk.alert;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cityfin.common.http.IfMatch;
import io.cityfin.common.identity.Access;
import io.cityfin.common.identity.AccessRule;
import io.cityfin.common.identity.Role;
import io.cityfin.common.period.Period;
import io.cityfin.common.problem.FieldError;
import io.cityfin.common.problem.NotFoundException;
import io.cityfin.common.problem.RuleViolationException;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.Written;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The alert use cases: rule settings (versioned, on the record machinery), evaluating a rule for a period (its findings
 * reconciled with the alerts it raised before, under a lock per rule and period; a rule whose input does not answer is
 * UNAVAILABLE and changes nothing), the alert list, one alert with its history, and an analyst's status change.
 */
public class AlertService {

    private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);
    private static final AccessRule STAFF = AccessRule.anyOf(Role.ADMIN, Role.ANALYST);
    private static final AccessRule ANALYST = AccessRule.anyOf(Role.ANALYST);

    private final Map<String, AlertRule> rules;
    private final RecordService<AlertRuleContent> settings;
    private final Alerts alerts;
    private final Evaluations evaluations;
    private final AlertMetrics metrics;
    private final Clock clock;

    public AlertService(List<AlertRule> rules, RecordService<AlertRuleContent> settings, Alerts alerts, Evaluations evaluations,
                        AlertMetrics metrics, Clock clock) {
        Map<String, AlertRule> byCode = new LinkedHashMap<>();
        rules.stream().sorted(Comparator.comparing(AlertRule::code)).forEach(rule -> {
            if (byCode.put(rule.code(), rule) != null) {
                throw new IllegalStateException("two alert rules with code " + rule.code());
            }
        });
        this.rules = byCode;
        this.settings = settings;
        this.alerts = alerts;
        this.evaluations = evaluations;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Every rule, by code. */
    public List<AlertRule> rules() {
        return List.copyOf(rules.values());
    }

    public Optional<AlertRule> rule(String code) {
        return Optional.ofNullable(rules.get(code));
    }

    // --- settings

    /** The rule's current settings and their version; its defaults as version 0 until the first PUT. */
    public Mono<Versioned> settings(AlertRule rule) {
        return settings.lookup(rule.code()).map(stored -> new Versioned(stored.content().settings(), stored.version()))
                .defaultIfEmpty(new Versioned(rule.defaults(), 0));
    }

    /** Every rule with its settings and last evaluations (ADMIN, ANALYST). */
    public Mono<List<RuleState>> ruleStates() {
        return Access.require(STAFF).then(evaluations.all().collectList()).flatMap(all -> Flux.fromIterable(rules.values())
                .concatMap(rule -> state(rule, all)).collectList());
    }

    /** One rule with its settings and last evaluations (ADMIN, ANALYST); 404 for an unknown code. */
    public Mono<RuleState> ruleState(String code) {
        return Access.require(STAFF).then(Mono.fromCallable(() -> known(code))).flatMap(rule -> evaluations.all().collectList()
                .flatMap(all -> state(rule, all)));
    }

    /** {@code PUT /alert-rules/{code}} (ADMIN): the next settings version, a no-op when unchanged; 404 for an unknown rule. */
    public Mono<Written<AlertRuleContent>> putSettings(String code, AlertRuleContent content, @Nullable IfMatch ifMatch) {
        return Mono.fromCallable(() -> known(code)).flatMap(rule -> settings.put(rule.code(), content, null, ifMatch));
    }

    /** The rule whose settings record has id {@code id} (a new settings version's {@code RecordAccepted}); empty for none. */
    public Mono<AlertRule> ruleOfSettings(java.util.UUID id) {
        return settings.all().filter(stored -> stored.id().equals(id)).next()
                .flatMap(stored -> Mono.justOrEmpty(stored.key() == null ? null : rules.get(stored.key())));
    }

    /** The periods the rule has been evaluated for. */
    public Flux<Period> evaluatedPeriods(AlertRule rule) {
        return evaluations.all().filter(evaluation -> evaluation.rule().equals(rule.code())).map(Evaluation::period);
    }

    private Mono<RuleState> state(AlertRule rule, List<Evaluation> all) {
        return settings(rule).map(current -> new RuleState(rule, current.settings(), current.version(),
                all.stream().filter(evaluation -> evaluation.rule().equals(rule.code())).toList()));
    }

    private AlertRule known(String code) {
        AlertRule rule = rules.get(code);
        if (rule == null) {
            throw new NotFoundException("No alert rule " + code + ".");
        }
        return rule;
    }

    // --- evaluation

    /** {@code POST /alerts/evaluate?period=} (ADMIN, ANALYST): every rule for the period, one after the other. */
    public Mono<List<EvaluationOutcome>> evaluateOnDemand(Period period) {
        return Access.require(STAFF).thenMany(evaluateAll(period)).collectList();
    }

    /** Every rule for the period, one after the other; no access check (the schedules and events run it). */
    public Flux<EvaluationOutcome> evaluateAll(Period period) {
        return Flux.fromIterable(rules.values()).concatMap(rule -> evaluate(rule, period));
    }

    /** The rule for the period (no access check): its findings reconciled with its alerts, or UNAVAILABLE. */
    public Mono<EvaluationOutcome> evaluate(AlertRule rule, Period period) {
        return settings(rule).flatMap(current -> {
            if (!current.settings().enabled()) {
                return Mono.just(EvaluationOutcome.other(rule.code(), period, current.version(), EvaluationOutcome.DISABLED, null));
            }
            return Mono.defer(() -> rule.evaluate(period, current.settings())).defaultIfEmpty(List.of())
                    .onErrorResume(error -> {
                        LOG.warn("Alert rule {} for {} is UNAVAILABLE: {}", rule.code(), period, error.toString());
                        return evaluations.record(new Evaluation(rule.code(), period, current.version(), now(), Evaluation.Outcome.UNAVAILABLE,
                                detail(error))).then(Mono.error(new Unavailable(detail(error))));
                    })
                    .flatMap(findings -> alerts.reconcile(rule.code(), period,
                                    existing -> Reconciliation.plan(rule.code(), current.version(), period, existing, findings, now()))
                            .flatMap(writes -> evaluations.record(new Evaluation(rule.code(), period, current.version(), now(),
                                            Evaluation.Outcome.OK, null))
                                    .then(writes.isEmpty() ? Mono.empty() : metrics.refresh())
                                    .thenReturn(EvaluationOutcome.ok(rule.code(), period, current.version(), writes))))
                    .onErrorResume(Unavailable.class, unavailable -> Mono.just(EvaluationOutcome.other(rule.code(), period, current.version(),
                            EvaluationOutcome.UNAVAILABLE, unavailable.getMessage())));
        });
    }

    private static String detail(Throwable error) {
        String message = error.getMessage();
        String text = message == null ? error.getClass().getSimpleName() : message;
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    /** A rule's input did not answer: carried past the reconciliation, which must not run. */
    private static final class Unavailable extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Unavailable(String detail) {
            super(detail, null, false, false);
        }
    }

    // --- alerts

    /** {@code GET /alerts} (ADMIN, ANALYST). */
    public Mono<Alerts.Page> alerts(Alerts.Filter filter, int offset, int limit) {
        return Access.require(STAFF).then(alerts.page(filter, offset, limit));
    }

    /** {@code GET /alerts/{id}} with its history (ADMIN, ANALYST); 404 when there is none. */
    public Mono<Alert> alert(long id) {
        return Access.require(STAFF).then(alerts.byId(id)).switchIfEmpty(Mono.error(() -> new NotFoundException("No alert " + id + ".")));
    }

    /**
     * {@code PUT /alerts/{id}/status} (ANALYST): ACKNOWLEDGED (an OPEN alert) or CLOSED (an OPEN, ACKNOWLEDGED or
     * RESOLVED one), with the analyst's note in its history; the same status again changes nothing; a CLOSED alert
     * stays closed.
     */
    public Mono<Alert> setStatus(long id, @Nullable String status, @Nullable String note) {
        return Access.require(ANALYST).flatMap(caller -> {
            AlertStatus target = target(status);
            return alerts.change(id, alert -> {
                if (alert.status() == target) {
                    return Optional.empty();
                }
                if (alert.status() == AlertStatus.CLOSED) {
                    throw refused("ALERT_CLOSED", "A CLOSED alert stays closed.");
                }
                if (target == AlertStatus.ACKNOWLEDGED && alert.status() != AlertStatus.OPEN) {
                    throw refused("STATUS_NOT_ALLOWED", "Only an OPEN alert can be ACKNOWLEDGED; this one is " + alert.status() + ".");
                }
                Alert changed = alert.withStatus(target, now());
                return Optional.of(new AlertWrite(changed, new AlertChange(changed.changedAt(), caller.subject(), alert.colour(), target,
                        alert.value(), note), AlertWrite.Kind.STATUS_SET));
            }).switchIfEmpty(Mono.error(() -> new NotFoundException("No alert " + id + ".")))
                    .flatMap(changed -> metrics.refresh().thenReturn(changed));
        });
    }

    private static AlertStatus target(@Nullable String status) {
        if (status == null) {
            throw refused("MISSING_VALUE", "status is required: ACKNOWLEDGED or CLOSED.");
        }
        if (status.equals(AlertStatus.ACKNOWLEDGED.name())) {
            return AlertStatus.ACKNOWLEDGED;
        }
        if (status.equals(AlertStatus.CLOSED.name())) {
            return AlertStatus.CLOSED;
        }
        throw refused("UNKNOWN_ALERT_STATUS", "An analyst sets ACKNOWLEDGED or CLOSED.");
    }

    private static RuleViolationException refused(String code, String message) {
        return new RuleViolationException("The status change breaks 1 rule(s); nothing was stored.",
                List.of(FieldError.atPointer("/status", code, message)));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /** Settings with their version (0: the rule's defaults). */
    public record Versioned(RuleSettings settings, int version) {
    }
}
