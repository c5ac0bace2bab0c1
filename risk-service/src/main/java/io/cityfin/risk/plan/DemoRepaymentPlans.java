package io.cityfin.risk.plan;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import io.cityfin.reporting.demo.DemoRecords;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.Written;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The demo repayment plans ({@code repaymentPlans} of {@code classpath:demo/risk-demo.json}, data-standard-2.md "Demo
 * data"), put through the use case by the machinery's demo loader after the institutions; a second load adds nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20) // after the organisations, before the demo's alert evaluation (last)
class DemoRepaymentPlans implements DemoRecords {

    private final RecordService<RepaymentPlan> plans;

    DemoRepaymentPlans(RecordService<RepaymentPlan> plans) {
        this.plans = plans;
    }

    @Override
    public Mono<Long> load(Resource demoFile) {
        List<Entry> entries = DemoRecords.read(demoFile, File.class).repaymentPlans();
        return Flux.fromIterable(entries == null ? List.of() : entries)
                .concatMap(entry -> plans.put(entry.institutionCode(),
                        new RepaymentPlan(entry.institutionCode(), entry.principalTotal(), List.copyOf(entry.instalments())), null, null))
                .filter(Written::created).count();
    }

    record File(List<Entry> repaymentPlans) {
    }

    record Entry(String institutionCode, BigDecimal principalTotal, List<RepaymentPlan.Instalment> instalments) {
    }
}
