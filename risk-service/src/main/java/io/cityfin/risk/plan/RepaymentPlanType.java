package io.cityfin.risk.plan;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.period.CityClock;
import io.cityfin.common.problem.FieldError;
import io.cityfin.reporting.record.RecordChecks;
import io.cityfin.reporting.record.RecordContext;
import io.cityfin.reporting.record.StaffOrOwnerRecordType;
import reactor.core.publisher.Mono;

/**
 * Repayment plans as records keyed by institution code: every refusal of the standard, the institution as owner (its
 * SUBMITTER key writes and reads its own plan), no stored region (the institution's, resolved at read), and the day of
 * the latest instalment paid or planned up to today.
 */
public record RepaymentPlanType(Clock clock) implements StaffOrOwnerRecordType<RepaymentPlan> {

    public static final String COLLECTION = "repayment-plans";
    public static final int MAX_INSTALMENTS = 600;

    public static final String INSTALMENT_NUMBERS_NOT_SEQUENTIAL = "INSTALMENT_NUMBERS_NOT_SEQUENTIAL";
    public static final String PLANNED_DATES_DECREASING = "PLANNED_DATES_DECREASING";
    public static final String PAID_DATES_DECREASING = "PAID_DATES_DECREASING";
    public static final String PAYMENT_WITHOUT_DATE = "PAYMENT_WITHOUT_DATE";
    public static final String PAYMENT_WITHOUT_AMOUNT = "PAYMENT_WITHOUT_AMOUNT";
    public static final String PAID_ABOVE_PRINCIPAL = "PAID_ABOVE_PRINCIPAL";
    public static final String TOO_MANY_INSTALMENTS = "TOO_MANY_INSTALMENTS";

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public Class<RepaymentPlan> contentType() {
        return RepaymentPlan.class;
    }

    @Override
    public Mono<List<FieldError>> faults(RepaymentPlan content, RecordContext context) {
        List<FieldError> faults = new ArrayList<>();
        boolean principal = RecordChecks.amount(content.principalTotal(), "/principalTotal", faults);
        if (!RecordChecks.present(content.instalments(), "/instalments", faults)) {
            return Mono.just(faults);
        }
        List<RepaymentPlan.@Nullable Instalment> instalments = content.instalments();
        if (instalments.size() > MAX_INSTALMENTS) {
            faults.add(FieldError.atPointer("/instalments", TOO_MANY_INSTALMENTS, "A plan has at most " + MAX_INSTALMENTS + " instalments."));
            return Mono.just(faults);
        }
        BigDecimal paid = BigDecimal.ZERO;
        boolean sumKnown = true;
        LocalDate lastPlanned = null;
        LocalDate lastPaid = null;
        for (int i = 0; i < instalments.size(); i++) {
            String at = "/instalments/" + i;
            RepaymentPlan.Instalment instalment = instalments.get(i);
            if (instalment == null) {
                faults.add(RecordChecks.missing(at));
                sumKnown = false;
                continue;
            }
            if (RecordChecks.present(instalment.no(), at + "/no", faults) && instalment.no() != i + 1) {
                faults.add(FieldError.atPointer(at + "/no", INSTALMENT_NUMBERS_NOT_SEQUENTIAL, "Instalments are numbered 1 to n in order; this one is "
                        + (i + 1) + "."));
            }
            Optional<LocalDate> planned = RecordChecks.plannedDate(instalment.plannedOn(), true, at + "/plannedOn", faults);
            if (planned.isPresent()) {
                if (lastPlanned != null && planned.get().isBefore(lastPlanned)) {
                    faults.add(FieldError.atPointer(at + "/plannedOn", PLANNED_DATES_DECREASING, "plannedOn does not decrease with no."));
                }
                lastPlanned = planned.get();
            }
            Optional<LocalDate> paidOn = RecordChecks.actualDate(instalment.paidOn(), false, at + "/paidOn", clock, faults);
            if (paidOn.isPresent()) {
                if (lastPaid != null && paidOn.get().isBefore(lastPaid)) {
                    faults.add(FieldError.atPointer(at + "/paidOn", PAID_DATES_DECREASING, "paidOn does not decrease with no."));
                }
                lastPaid = paidOn.get();
            }
            if (instalment.amountPaid() != null && instalment.paidOn() == null) {
                faults.add(FieldError.atPointer(at + "/paidOn", PAYMENT_WITHOUT_DATE, "An amount paid needs its paidOn."));
            } else if (instalment.amountPaid() == null && instalment.paidOn() != null) {
                faults.add(FieldError.atPointer(at + "/amountPaid", PAYMENT_WITHOUT_AMOUNT, "A paidOn needs its amountPaid."));
            }
            if (instalment.amountPaid() != null) {
                if (RecordChecks.amount(instalment.amountPaid(), at + "/amountPaid", faults)) {
                    paid = paid.add(instalment.amountPaid());
                } else {
                    sumKnown = false;
                }
            }
        }
        if (principal && sumKnown && paid.compareTo(content.principalTotal()) > 0) {
            faults.add(FieldError.atPointer("/instalments", PAID_ABOVE_PRINCIPAL, "The amounts paid add up to " + paid.toPlainString()
                    + ", above principalTotal."));
        }
        return Mono.just(faults);
    }

    @Override
    public @Nullable String owner(RepaymentPlan content) {
        return content.institutionCode();
    }

    /** The latest day an instalment was paid or planned, up to today. */
    @Override
    public @Nullable LocalDate day(RepaymentPlan content) {
        LocalDate today = CityClock.today(clock);
        return content.instalmentList().stream()
                .flatMap(instalment -> Stream.of(instalment.plannedDay(), instalment.paidDay()))
                .filter(day -> day != null && !day.isAfter(today)).map(day -> (LocalDate) day)
                .max(LocalDate::compareTo).orElse(null);
    }
}
