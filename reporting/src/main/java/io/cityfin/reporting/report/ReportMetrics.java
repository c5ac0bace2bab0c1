package io.cityfin.reporting.report;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.cityfin.common.period.Period;
import io.cityfin.common.problem.FieldError;
import io.cityfin.common.problem.RuleViolationException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/**
 * What ops and the office ask at month end — are the reports coming in, and what is refused — as counters every
 * reporting service emits under the same names (the app is the {@code application} tag). Tags stay few: the
 * period type, never the period or the institution.
 * <ul>
 * <li>{@code cityfin.reports.submitted{outcome=created|unchanged|refused, warnings, period_type}}</li>
 * <li>{@code cityfin.reports.refusals{rule}}: one per refusal reason in a refused report</li>
 * <li>{@code cityfin.reports.lines.written}: lines stored in new versions</li>
 * </ul>
 */
@Component
public class ReportMetrics {

    private final MeterRegistry registry;

    public ReportMetrics(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry.getIfAvailable(() -> Metrics.globalRegistry);
    }

    void accepted(Period period, Reports.Appended appended) {
        boolean warnings = !appended.version().warnings().isEmpty();
        submitted(period, appended.created() ? "created" : "unchanged", appended.created() && warnings);
        if (appended.created()) {
            Counter.builder("cityfin.reports.lines.written").description("Report lines stored in new versions")
                    .register(registry).increment(appended.version().lines().size());
        }
    }

    void refused(Period period, RuleViolationException refusal) {
        submitted(period, "refused", false);
        for (FieldError error : refusal.errors()) {
            Counter.builder("cityfin.reports.refusals").description("Refusal reasons of refused reports")
                    .tag("rule", error.code()).register(registry).increment();
        }
    }

    private void submitted(Period period, String outcome, boolean warnings) {
        Counter.builder("cityfin.reports.submitted").description("Report submissions by outcome")
                .tag("outcome", outcome)
                .tag("warnings", Boolean.toString(warnings))
                .tag("period_type", period.type().name().toLowerCase())
                .register(registry).increment();
    }
}
