package io.cityfin.risk.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.cityfin.reporting.record.RecordAccepted;
import io.cityfin.reporting.record.RecordView;
import io.cityfin.reporting.test.TestRecords;
import io.cityfin.risk.alert.Colour;
import io.cityfin.risk.alert.Finding;
import io.cityfin.risk.alert.RuleSettings;

class RepaymentInstalmentLateRuleTest {

    static final RuleSettings DEFAULTS = new RepaymentInstalmentLateRule(null, null, null).defaults();
    static final String CODE = "91361002MAMJ00001G";

    static RepaymentPlan plan(RepaymentPlan.Instalment... instalments) {
        return new RepaymentPlan(CODE, new BigDecimal("1000.00"), List.of(instalments));
    }

    static RepaymentPlan.Instalment unpaid(int no, String plannedOn) {
        return new RepaymentPlan.Instalment(no, plannedOn, null, null);
    }

    static RepaymentPlan.Instalment paid(int no, String plannedOn, String paidOn) {
        return new RepaymentPlan.Instalment(no, plannedOn, paidOn, new BigDecimal("100.00"));
    }

    static Optional<Finding> found(RepaymentPlan plan, String at) {
        return RepaymentInstalmentLateRule.finding(TestRecords.view("repayment-plans", CODE, plan, null), Map.of(), LocalDate.parse(at), DEFAULTS);
    }

    @Test
    void colourByDaysPastTheUnpaidInstalmentAtOneThirtyAndNinety() {
        RepaymentPlan plan = plan(paid(1, "2022-03-28", "2022-03-28"), unpaid(2, "2022-06-28"));

        assertThat(found(plan, "2022-06-28")).isEmpty();
        assertThat(found(plan, "2022-06-29")).hasValueSatisfying(f -> {
            assertThat(f.colour()).isEqualTo(Colour.YELLOW);
            assertThat(f.value()).isEqualByComparingTo("1");
            assertThat(f.threshold()).isEqualByComparingTo("1");
            assertThat(f.subject()).isEqualTo(CODE);
        });
        assertThat(found(plan, "2022-07-27")).map(Finding::colour).contains(Colour.YELLOW);
        assertThat(found(plan, "2022-07-28")).map(Finding::colour).contains(Colour.ORANGE);
        assertThat(found(plan, "2022-09-26")).hasValueSatisfying(f -> {
            assertThat(f.colour()).isEqualTo(Colour.RED);
            assertThat(f.value()).isEqualByComparingTo("90");
        });
    }

    @Test
    void anInstalmentPaidAfterTheDayIsUnpaidThenAndThePlanIsJudgedByItsLatestOne() {
        RepaymentPlan plan = plan(paid(1, "2022-03-28", "2022-05-10"), unpaid(2, "2022-04-28"));

        assertThat(RepaymentInstalmentLateRule.daysLate(plan, LocalDate.parse("2022-04-30"))).isEqualTo(33);
        assertThat(found(plan, "2022-05-10")).hasValueSatisfying(f -> assertThat(f.value()).isEqualByComparingTo("12"));
        assertThat(found(plan(paid(1, "2022-03-28", "2022-03-28")), "2022-12-31")).isEmpty();
    }

    @Test
    void reRunsForPlansOnTheDayOfTheLatestInstalmentPaidOrPlannedUpToToday() {
        Clock clock = Clock.fixed(Instant.parse("2022-07-01T00:00:00Z"), ZoneOffset.UTC);
        RepaymentPlan plan = plan(paid(1, "2022-03-28", "2022-03-30"), unpaid(2, "2022-06-28"), unpaid(3, "2022-09-28"));

        assertThat(new RepaymentPlanType(clock).day(plan)).isEqualTo(LocalDate.of(2022, 6, 28));
        assertThat(new RepaymentInstalmentLateRule(null, null, clock).affectedBy(new RecordAccepted("repayment-plans", UUID.randomUUID(), 1, null)))
                .isTrue();
        assertThat(new RepaymentInstalmentLateRule(null, null, clock).affectedBy(new RecordAccepted("leads", UUID.randomUUID(), 1, null))).isFalse();
    }
}
