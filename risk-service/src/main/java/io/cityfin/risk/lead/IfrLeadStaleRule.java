package io.cityfin.risk.lead;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.cityfin.common.period.CityClock;
import io.cityfin.common.period.Period;
import io.cityfin.reporting.record.RecordAccepted;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.RecordView;
import io.cityfin.risk.alert.AlertRule;
import io.cityfin.risk.alert.Colour;
import io.cityfin.risk.alert.Finding;
import io.cityfin.risk.alert.RuleSettings;
import reactor.core.publisher.Mono;

/**
 * IFR_LEAD_STALE: a lead in RECEIVED or VERIFYING at min(D, today), for the days since it entered that run of steps
 * (its receipt, as a rule): 30, 60 and 90 days for YELLOW, ORANGE and RED. A legacy case starting at CASE_FILED never is.
 */
@Component
public class IfrLeadStaleRule implements AlertRule {

    public static final String CODE = "IFR_LEAD_STALE";

    private final RecordService<Lead> leads;
    private final Clock clock;

    public IfrLeadStaleRule(RecordService<Lead> leads, Clock clock) {
        this.leads = leads;
        this.clock = clock;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String nameZh() {
        return "涉非线索久拖未办";
    }

    @Override
    public String nameEn() {
        return "Lead left pending";
    }

    @Override
    public String subjectKind() {
        return "LEAD";
    }

    @Override
    public RuleSettings defaults() {
        return new RuleSettings(true, Map.of(Colour.YELLOW, BigDecimal.valueOf(30), Colour.ORANGE, BigDecimal.valueOf(60),
                Colour.RED, BigDecimal.valueOf(90)), Map.of());
    }

    @Override
    public Mono<List<Finding>> evaluate(Period period, RuleSettings settings) {
        LocalDate today = CityClock.today(clock);
        LocalDate at = period.lastDay().isBefore(today) ? period.lastDay() : today;
        return leads.activeViews().flatMapIterable(view -> finding(view, at, settings).stream().toList()).collectList();
    }

    @Override
    public boolean affectedBy(RecordAccepted record) {
        return LeadType.COLLECTION.equals(record.collection());
    }

    static Optional<Finding> finding(RecordView<Lead> view, LocalDate at, RuleSettings settings) {
        Lead lead = view.content();
        LocalDate since = lead.pendingSince(at);
        if (since == null) {
            return Optional.empty();
        }
        BigDecimal days = BigDecimal.valueOf(ChronoUnit.DAYS.between(since, at));
        return settings.findingAtLeast(view.id().toString(), LeadSubjects.name(lead, view.id()),
                java.util.Objects.requireNonNullElse(lead.region(), io.cityfin.common.region.Region.CITY.code()), days);
    }
}
