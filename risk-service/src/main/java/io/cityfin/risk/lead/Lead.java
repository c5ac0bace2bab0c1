package io.cityfin.risk.lead;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.cityfin.reporting.record.RecordChecks;

/**
 * A lead or case as sent, in canonical member order, with the wire's loose types: where it came from (a ticket number
 * only, never a person's data), its category, county-level region, whether it is a legacy case (陈案), the subject
 * (a firm: name and USCC), its scale, the loss recovered and its status history, oldest first.
 */
public record Lead(@Nullable String source, @Nullable String sourceRef, @Nullable String category, @Nullable String region,
                   @Nullable Boolean legacy, @Nullable Subject subject, @Nullable BigDecimal personsInvolved,
                   @Nullable BigDecimal amountInvolved, @Nullable Boolean approximate, @Nullable BigDecimal lossRecovered,
                   @Nullable List<@Nullable Step> history) {

    public static final String ILLEGAL_FUNDRAISING = "ILLEGAL_FUNDRAISING";
    public static final String ILLEGAL_LENDING = "ILLEGAL_LENDING";

    /** The firm the lead is about. */
    public record Subject(@Nullable String name, @Nullable String uscc) {
    }

    /** One status the lead entered, and the day. */
    public record Step(@Nullable String status, @Nullable String on) {

        public @Nullable LocalDate day() {
            return RecordChecks.dayOrNull(on);
        }
    }

    public boolean isLegacy() {
        return Boolean.TRUE.equals(legacy);
    }

    public boolean is(String wanted) {
        return wanted.equals(category);
    }

    /** The steps as a list without gaps (none when absent). */
    public List<Step> steps() {
        return history == null ? List.of() : history.stream().filter(Objects::nonNull).map(step -> (Step) step).toList();
    }

    /** The status at the end of {@code day}: the latest step on or before it; null before the first step. */
    public @Nullable String statusAt(LocalDate day) {
        String status = null;
        for (Step step : steps()) {
            LocalDate on = step.day();
            if (on != null && !on.isAfter(day)) {
                status = step.status();
            }
        }
        return status;
    }

    /** The day the lead was received (its first step, RECEIVED); null for a legacy case starting at CASE_FILED. */
    public @Nullable LocalDate receivedOn() {
        List<Step> steps = steps();
        return steps.isEmpty() || !LeadStatus.RECEIVED.equals(steps.get(0).status()) ? null : steps.get(0).day();
    }

    /** The day the lead first entered {@code status}; null if it never did. */
    public @Nullable LocalDate reachedOn(String status) {
        return steps().stream().filter(step -> status.equals(step.status())).findFirst().map(Step::day).orElse(null);
    }

    /** The day a VERIFYING lead went straight to DISPOSED (handled without a case); null if it did not. */
    public @Nullable LocalDate disposedWithoutCaseOn() {
        List<Step> steps = steps();
        for (int i = 1; i < steps.size(); i++) {
            if (LeadStatus.DISPOSED.equals(steps.get(i).status()) && LeadStatus.VERIFYING.equals(steps.get(i - 1).status())) {
                return steps.get(i).day();
            }
        }
        return null;
    }

    /**
     * The day the lead entered the run of RECEIVED and VERIFYING steps it is in at {@code day} (its receipt, as a rule);
     * null when at {@code day} it is in neither.
     */
    public @Nullable LocalDate pendingSince(LocalDate day) {
        LocalDate since = null;
        for (Step step : steps()) {
            LocalDate on = step.day();
            if (on == null || on.isAfter(day)) {
                break;
            }
            if (step.status() != null && LeadStatus.PENDING.contains(step.status())) {
                since = since == null ? on : since;
            } else {
                since = null;
            }
        }
        return since;
    }

    /** The latest step's day. */
    public @Nullable LocalDate latestDay() {
        return steps().stream().map(Step::day).filter(Objects::nonNull).map(day -> (LocalDate) day).max(LocalDate::compareTo).orElse(null);
    }
}
