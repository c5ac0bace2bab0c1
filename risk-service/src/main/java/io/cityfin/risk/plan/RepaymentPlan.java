package io.cityfin.risk.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cityfin.reporting.record.RecordChecks;

/**
 * One institution's repayment plan as sent, in canonical member order, with the wire's loose types: the institution's
 * code (the path's key, kept on the record so that its own key may read and write it), the principal to repay and the
 * instalments, numbered from 1.
 */
public record RepaymentPlan(@Nullable String institutionCode, @Nullable BigDecimal principalTotal,
                            @Nullable List<@Nullable Instalment> instalments) {

    /** One instalment (seeds 125–127): its number, planned day and, once paid, the day and amount paid. */
    public record Instalment(@Nullable Integer no, @Nullable String plannedOn, @Nullable String paidOn, @Nullable BigDecimal amountPaid) {

        public @Nullable LocalDate plannedDay() {
            return RecordChecks.dayOrNull(plannedOn);
        }

        public @Nullable LocalDate paidDay() {
            return RecordChecks.dayOrNull(paidOn);
        }

        /** Paid on or before {@code day}. */
        public boolean paidBy(LocalDate day) {
            LocalDate paid = paidDay();
            return paid != null && amountPaid != null && !paid.isAfter(day);
        }
    }

    /** The instalments as a list without gaps (none when absent). */
    public List<Instalment> instalmentList() {
        return instalments == null ? List.of() : instalments.stream().filter(java.util.Objects::nonNull).map(i -> (Instalment) i).toList();
    }

    /** Σ amountPaid of the instalments paid on or before {@code day}. */
    public BigDecimal repaidBy(LocalDate day) {
        return instalmentList().stream().filter(instalment -> instalment.paidBy(day)).map(Instalment::amountPaid)
                .map(amount -> (BigDecimal) amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
