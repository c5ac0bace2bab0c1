package io.cityfin.risk.plan;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import io.cityfin.reporting.demo.DemoRecords;
import io.cityfin.reporting.indicator.RecordIndicators;
import io.cityfin.reporting.indicator.RecordRows;
import io.cityfin.reporting.institution.Institution;
import io.cityfin.reporting.institution.Institutions;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.RecordView;
import io.cityfin.reporting.record.Records;
import reactor.core.publisher.Mono;

/** Repayment plans on the record machinery and their indicators, each plan in its institution's region as the registry holds it. */
@Configuration(proxyBeanMethods = false)
class PlanConfiguration {

    @Bean
    RecordService<RepaymentPlan> repaymentPlans(Records records, Clock clock) {
        return new RecordService<>(records, new RepaymentPlanType(clock), clock);
    }

    @Bean
    RecordIndicators repaymentPlanIndicators(RecordService<RepaymentPlan> plans, Institutions institutions) {
        RecordRows<Placed> placed = RecordRows.traced(() -> byCode(institutions)
                .flatMapMany(byCode -> plans.activeViews().map(view -> placed(view, byCode))));
        return indicators(placed);
    }

    static RecordIndicators indicators(RecordRows<Placed> placed) {
        return RecordIndicators.of(
                        placed.measure(PlanIndicators.REPAID_CUM, (row, day) -> row.plan().repaidBy(day)).region(Placed::region)
                                .contributor(row -> row.plan().institutionCode()),
                        placed.measure(PlanIndicators.PRINCIPAL, (row, day) -> row.plan().principalTotal()).region(Placed::region).inputOnly()
                                .contributor(row -> row.plan().institutionCode()))
                .with(PlanIndicators.REPAID_PCT);
    }

    /** Every institution of the registry by code (its latest version). */
    static Mono<Map<String, Institution>> byCode(Institutions institutions) {
        return institutions.allLatest().collectMap(Institution::code);
    }

    /** A plan in its institution's region, read with the institution's registry version that places it (none when it is not there). */
    private static RecordRows.Traced<Placed> placed(RecordView<RepaymentPlan> view, Map<String, Institution> byCode) {
        Institution institution = view.key() == null ? null : byCode.get(view.key());
        return new RecordRows.Traced<>(view.ref(), institution == null ? List.of() : List.of(RecordRows.registryVersion(institution)),
                new Placed(view.content(), institution == null ? null : institution.region().code()));
    }

    /** A plan with its institution's region (null when the institution is no longer in the registry). */
    record Placed(RepaymentPlan plan, @Nullable String region) {
    }

    /** The demo repayment plans ({@code repaymentPlans}), each put under its institution's code; before the alert evaluation. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 20)
    DemoRecords demoRepaymentPlans(RecordService<RepaymentPlan> plans) {
        return DemoRecords.put(plans, "repaymentPlans", RepaymentPlan.class, RepaymentPlan::institutionCode, plan -> plan);
    }
}
