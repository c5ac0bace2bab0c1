package io.cityfin.risk.alert.web;

import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.cityfin.common.http.IfMatch;
import io.cityfin.common.http.QueryParameters;
import io.cityfin.common.period.InvalidPeriodException;
import io.cityfin.common.period.Period;
import io.cityfin.common.period.PeriodType;
import io.cityfin.common.problem.InvalidParameterException;
import io.cityfin.common.region.Region;
import io.cityfin.reporting.record.RecordResponses;
import io.cityfin.risk.alert.AlertService;
import io.cityfin.risk.alert.AlertStatus;
import io.cityfin.risk.alert.Alerts;
import io.cityfin.risk.alert.Colour;
import io.cityfin.risk.api.AlertApi;
import io.cityfin.risk.api.AlertRuleApi;
import io.cityfin.risk.api.model.AlertDto;
import io.cityfin.risk.api.model.AlertEvaluationOutcomeDto;
import io.cityfin.risk.api.model.AlertRuleDto;
import io.cityfin.risk.api.model.AlertRuleSettingsDto;
import io.cityfin.risk.api.model.AlertRuleSettingsVersionDto;
import io.cityfin.risk.api.model.AlertStatusChangeDto;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
class AlertController implements AlertApi, AlertRuleApi {

    private final AlertService alerts;
    private final Clock clock;

    AlertController(AlertService alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    @Override
    public Mono<ResponseEntity<Flux<AlertRuleDto>>> listAlertRules(ServerWebExchange exchange) {
        return alerts.ruleStates().map(states -> ResponseEntity.ok(Flux.fromIterable(states).map(AlertWebMapper::rule)));
    }

    @Override
    public Mono<ResponseEntity<AlertRuleDto>> getAlertRule(String code, ServerWebExchange exchange) {
        return alerts.ruleState(code).map(state -> ResponseEntity.ok().eTag(IfMatch.etag(state.version())).body(AlertWebMapper.rule(state)));
    }

    @Override
    public Mono<ResponseEntity<AlertRuleSettingsVersionDto>> putAlertRule(String code, Mono<AlertRuleSettingsDto> body, @Nullable String ifMatch,
                                                                        ServerWebExchange exchange) {
        IfMatch precondition = IfMatch.parse(ifMatch);
        return body.flatMap(dto -> alerts.putSettings(code, AlertWebMapper.content(dto), precondition))
                .map(written -> RecordResponses.written(written, AlertWebMapper::settingsVersion));
    }

    @Override
    public Mono<ResponseEntity<Flux<AlertDto>>> listAlerts(@Nullable String period, @Nullable String region, @Nullable String severity,
                                                          @Nullable String status, @Nullable String rule, Integer offset, Integer limit,
                                                          ServerWebExchange exchange) {
        return Mono.fromCallable(() -> new Alerts.Filter(period == null ? null : period(period), region(region), severity(severity),
                        status(status), rule(rule)))
                .flatMap(filter -> alerts.alerts(filter, offset == null ? 0 : offset, limit == null ? 100 : limit))
                .map(page -> ResponseEntity.ok().header(RecordResponses.TOTAL_COUNT, Long.toString(page.total()))
                        .body(Flux.fromIterable(page.items()).map(alert -> AlertWebMapper.alert(alert, false))));
    }

    @Override
    public Mono<ResponseEntity<AlertDto>> getAlert(String id, ServerWebExchange exchange) {
        return Mono.fromCallable(() -> id(id)).flatMap(alerts::alert).map(alert -> ResponseEntity.ok(AlertWebMapper.alert(alert, true)));
    }

    @Override
    public Mono<ResponseEntity<AlertDto>> setAlertStatus(String id, Mono<AlertStatusChangeDto> body, ServerWebExchange exchange) {
        return Mono.fromCallable(() -> id(id)).flatMap(alertId -> body.flatMap(change -> alerts.setStatus(alertId, change.getStatus(), change.getNote())))
                .map(alert -> ResponseEntity.ok(AlertWebMapper.alert(alert, true)));
    }

    @Override
    public Mono<ResponseEntity<Flux<AlertEvaluationOutcomeDto>>> evaluateAlerts(String period, ServerWebExchange exchange) {
        return Mono.fromCallable(() -> month(period)).flatMap(alerts::evaluateOnDemand)
                .map(outcomes -> ResponseEntity.ok(Flux.fromIterable(outcomes).map(AlertWebMapper::outcome)));
    }

    private Period month(String text) {
        Period period = QueryParameters.period("period", text, clock);
        if (period.type() != PeriodType.MONTH) {
            throw new InvalidParameterException("period", "PERIOD_NOT_MONTHLY", "Rules run for a month, such as 2022-09.");
        }
        return period;
    }

    private static Period period(String text) {
        try {
            return Period.parse(text);
        } catch (InvalidPeriodException e) {
            throw new InvalidParameterException("period", e.code(), e.getMessage());
        }
    }

    private static @Nullable String region(@Nullable String code) {
        if (code == null) {
            return null;
        }
        return Region.ofCode(code).map(Region::code).orElseThrow(() -> new InvalidParameterException("region", Region.UNKNOWN_REGION,
                "'" + code + "' is not a region of the city."));
    }

    private static @Nullable Colour severity(@Nullable String severity) {
        if (severity == null) {
            return null;
        }
        for (Colour colour : Colour.values()) {
            if (colour.name().equals(severity)) {
                return colour;
            }
        }
        throw new InvalidParameterException("severity", "UNKNOWN_SEVERITY", "A severity is YELLOW, ORANGE or RED.");
    }

    private static @Nullable AlertStatus status(@Nullable String status) {
        if (status == null) {
            return null;
        }
        for (AlertStatus candidate : AlertStatus.values()) {
            if (candidate.name().equals(status)) {
                return candidate;
            }
        }
        throw new InvalidParameterException("status", "UNKNOWN_ALERT_STATUS", "A status is OPEN, ACKNOWLEDGED, CLOSED or RESOLVED.");
    }

    private @Nullable String rule(@Nullable String code) {
        if (code != null && alerts.rule(code).isEmpty()) {
            throw new InvalidParameterException("rule", "UNKNOWN_RULE", "No alert rule " + code + ".");
        }
        return code;
    }

    private static long id(String text) {
        if (!text.matches("[1-9][0-9]{0,17}")) {
            throw new InvalidParameterException("id", "INVALID_ID", "An alert id is a positive integer.");
        }
        return Long.parseLong(text);
    }
}
