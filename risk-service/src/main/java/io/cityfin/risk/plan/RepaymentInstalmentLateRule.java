package io.cityfin.risk.plan;

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
import io.cityfin.common.region.Region;
import io.cityfin.reporting.institution.Institution;
import io.cityfin.reporting.institution.Institutions;
import io.cityfin.reporting.record.RecordAccepted;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.RecordView;
import io.cityfin.risk.alert.AlertRule;
import io.cityfin.risk.alert.Colour;
import io.cityfin.risk.alert.Finding;
import io.cityfin.risk.alert.RuleSettings;
import reactor.core.publisher.Mono;

/**
 * REPAYMENT_INSTALMENT_LATE: per plan, the days an unpaid instalment is past its plannedOn at min(D, today) (the most
 * late one); 1, 30 and 90 days for YELLOW, ORANGE and RED. An instalment paid after that day is unpaid then.
 */
@Component
public class RepaymentInstalmentLateRule implements AlertRule {

    public static final String CODE = "REPAYMENT_INSTALMENT_LATE";

    private final RecordService<RepaymentPlan> plans;
    private final Institutions institutions;
    private final Clock clock;

    public RepaymentInstalmentLateRule(RecordService<RepaymentPlan> plans, Institutions institutions, Clock clock) {
        this.plans = plans;
        this.institutions = institutions;
        this.clock = clock;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String nameZh() {
        return "兑付计划逾期";
    }

    @Override
    public String nameEn() {
        return "Repayment instalment late";
    }

    @Override
    public String subjectKind() {
        return "REPAYMENT_PLAN";
    }

    @Override
    public RuleSettings defaults() {
        return new RuleSettings(true, Map.of(Colour.YELLOW, BigDecimal.ONE, Colour.ORANGE, BigDecimal.valueOf(30),
                Colour.RED, BigDecimal.valueOf(90)), Map.of());
    }

    @Override
    public Mono<List<Finding>> evaluate(Period period, RuleSettings settings) {
        LocalDate at = earlier(period.lastDay(), CityClock.today(clock));
        return PlanConfiguration.byCode(institutions).flatMap(byCode -> plans.activeViews()
                .flatMapIterable(view -> finding(view, byCode, at, settings).stream().toList())
                .collectList());
    }

    @Override
    public boolean affectedBy(RecordAccepted record) {
        return RepaymentPlanType.COLLECTION.equals(record.collection());
    }

    /** The plan's finding at {@code at}, if its latest unpaid instalment is late enough for a colour. */
    static Optional<Finding> finding(RecordView<RepaymentPlan> view, Map<String, Institution> byCode, LocalDate at, RuleSettings settings) {
        long late = daysLate(view.content(), at);
        String code = view.key() == null ? view.id().toString() : view.key();
        Institution institution = byCode.get(code);
        BigDecimal days = BigDecimal.valueOf(late);
        return settings.findingAtLeast(code, institution == null ? code : institution.name(),
                institution == null ? Region.CITY.code() : institution.region().code(), days);
    }

    /** The most days any instalment unpaid at {@code at} is past its plannedOn (0 when none is). */
    static long daysLate(RepaymentPlan plan, LocalDate at) {
        long most = 0;
        for (RepaymentPlan.Instalment instalment : plan.instalmentList()) {
            LocalDate planned = instalment.plannedDay();
            if (planned != null && planned.isBefore(at) && !instalment.paidBy(at)) {
                most = Math.max(most, ChronoUnit.DAYS.between(planned, at));
            }
        }
        return most;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
