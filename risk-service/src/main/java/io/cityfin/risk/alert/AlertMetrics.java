package io.cityfin.risk.alert;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import reactor.core.publisher.Mono;

/**
 * The gauge {@code cityfin.alerts.open{rule, severity}} (Prometheus {@code cityfin_alerts_open}): alerts open now (OPEN
 * or ACKNOWLEDGED), every rule and colour present (0 included, so that an alert rule on it sees a series), refreshed
 * after every change and at start.
 */
@Component
public class AlertMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(AlertMetrics.class);

    private final Alerts alerts;
    private final MultiGauge open;
    private final List<String> rules;

    AlertMetrics(Alerts alerts, MeterRegistry meters, List<AlertRule> rules) {
        this.alerts = alerts;
        this.rules = rules.stream().map(AlertRule::code).sorted().toList();
        this.open = MultiGauge.builder("cityfin.alerts.open").description("Alerts open now (OPEN or ACKNOWLEDGED), by rule and severity")
                .register(meters);
    }

    /** The gauge's series from the start, so that Prometheus sees them before the first evaluation. */
    @EventListener(ApplicationReadyEvent.class)
    void publishAtStart() {
        refresh().subscribe(null, error -> LOG.warn("The open-alerts gauge could not be read at start", error));
    }

    /** Reads the open counts again and publishes them. */
    public Mono<Void> refresh() {
        return alerts.openCounts().collectList().doOnNext(counts -> {
            Map<String, Long> byKey = new HashMap<>();
            counts.forEach(count -> byKey.put(count.rule() + "/" + count.colour(), count.count()));
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            List<String> all = new ArrayList<>(rules);
            counts.stream().map(Alerts.OpenCount::rule).filter(rule -> !all.contains(rule)).distinct().forEach(all::add);
            for (String rule : all) {
                for (Colour colour : Colour.values()) {
                    rows.add(MultiGauge.Row.of(Tags.of("rule", rule, "severity", colour.name()), byKey.getOrDefault(rule + "/" + colour, 0L)));
                }
            }
            open.register(rows, true);
        }).then();
    }
}
