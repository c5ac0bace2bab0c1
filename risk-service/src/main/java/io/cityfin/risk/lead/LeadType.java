package io.cityfin.risk.lead;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.problem.FieldError;
import io.cityfin.common.uscc.Uscc;
import io.cityfin.reporting.record.RecordChecks;
import io.cityfin.reporting.record.RecordContext;
import io.cityfin.reporting.record.RecordWarning;
import io.cityfin.reporting.record.StaffRecordType;
import reactor.core.publisher.Mono;

/**
 * Leads and cases as records written by staff (ADMIN, ANALYST): every refusal of the standard, the status table with
 * legacy cases, no personal data (what looks like a mainland ID number or a mobile number in {@code sourceRef} or the
 * subject's name is refused), the warning for a filed case without its scale, the lead's region and the day of its
 * latest step.
 */
public record LeadType(Clock clock) implements StaffRecordType<Lead> {

    public static final String COLLECTION = "leads";
    public static final Set<String> SOURCES = Set.of("PLATFORM_MONITORING", "HOTLINE_12345", "SNAPSHOT_REPORT", "BANK_ABNORMAL_FUNDS",
            "SCREENING", "OTHER");
    public static final Set<String> CATEGORIES = Set.of(Lead.ILLEGAL_FUNDRAISING, Lead.ILLEGAL_LENDING, "ILLEGAL_SECURITIES_FUTURES", "OTHER");
    public static final int MAX_STEPS = 50;

    public static final String UNKNOWN_SOURCE = "UNKNOWN_SOURCE";
    public static final String UNKNOWN_CATEGORY = "UNKNOWN_CATEGORY";
    public static final String UNKNOWN_LEAD_STATUS = "UNKNOWN_LEAD_STATUS";
    public static final String STEP_NOT_ALLOWED = "STEP_NOT_ALLOWED";
    public static final String HISTORY_START_NOT_ALLOWED = "HISTORY_START_NOT_ALLOWED";
    public static final String DATES_DECREASING = "DATES_DECREASING";
    public static final String INVALID_COUNT = "INVALID_COUNT";
    public static final String AMOUNT_NEGATIVE = "AMOUNT_NEGATIVE";
    public static final String LOSS_ABOVE_AMOUNT = "LOSS_ABOVE_AMOUNT";
    public static final String PERSONAL_DATA = "PERSONAL_DATA";
    public static final String TOO_MANY_STEPS = "TOO_MANY_STEPS";
    public static final String CASE_FILED_WITHOUT_SCALE = "CASE_FILED_WITHOUT_SCALE";

    /**
     * A mainland resident ID number (area, a birth date from 1900, sequence, check digit or X) or a mainland mobile
     * number, not inside a longer number.
     */
    private static final Pattern PERSONAL = Pattern.compile(
            "(?<![0-9])([1-9][0-9]{5}(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]|1[3-9][0-9]{9})(?![0-9])");

    @Override
    public String collection() {
        return COLLECTION;
    }

    @Override
    public Class<Lead> contentType() {
        return Lead.class;
    }

    @Override
    public Mono<List<FieldError>> faults(Lead content, RecordContext context) {
        List<FieldError> faults = new ArrayList<>();
        if (RecordChecks.present(content.source(), "/source", faults) && !SOURCES.contains(content.source())) {
            faults.add(FieldError.atPointer("/source", UNKNOWN_SOURCE,
                    "A source is PLATFORM_MONITORING, HOTLINE_12345, SNAPSHOT_REPORT, BANK_ABNORMAL_FUNDS, SCREENING or OTHER."));
        }
        noPersonalData(content.sourceRef(), "/sourceRef", faults);
        if (RecordChecks.present(content.category(), "/category", faults) && !CATEGORIES.contains(content.category())) {
            faults.add(FieldError.atPointer("/category", UNKNOWN_CATEGORY,
                    "A category is ILLEGAL_FUNDRAISING, ILLEGAL_LENDING, ILLEGAL_SECURITIES_FUTURES or OTHER."));
        }
        RecordChecks.countyRegion(content.region(), "/region", faults);
        if (content.subject() != null) {
            noPersonalData(content.subject().name(), "/subject/name", faults);
            if (content.subject().uscc() != null) {
                RecordChecks.uscc(content.subject().uscc(), "/subject/uscc", faults);
            }
        }
        count(content.personsInvolved(), "/personsInvolved", faults);
        boolean amountKnown = content.amountInvolved() != null && RecordChecks.amount(content.amountInvolved(), "/amountInvolved", faults);
        if (content.lossRecovered() != null) {
            if (content.lossRecovered().signum() < 0) {
                faults.add(FieldError.atPointer("/lossRecovered", AMOUNT_NEGATIVE, "A loss recovered is 0 or more."));
            } else if (Math.max(0, content.lossRecovered().stripTrailingZeros().scale()) > 2) {
                faults.add(FieldError.atPointer("/lossRecovered", RecordChecks.TOO_MANY_DECIMALS, "An amount in yuan has at most 2 decimals."));
            } else if (amountKnown && content.lossRecovered().compareTo(content.amountInvolved()) > 0) {
                faults.add(FieldError.atPointer("/lossRecovered", LOSS_ABOVE_AMOUNT, "The loss recovered is not above amountInvolved."));
            }
        }
        historyFaults(content, faults);
        return Mono.just(faults);
    }

    private void historyFaults(Lead content, List<FieldError> faults) {
        if (!RecordChecks.present(content.history(), "/history", faults)) {
            return;
        }
        List<Lead.@Nullable Step> history = content.history();
        if (history.isEmpty()) {
            faults.add(RecordChecks.missing("/history"));
            return;
        }
        if (history.size() > MAX_STEPS) {
            faults.add(FieldError.atPointer("/history", TOO_MANY_STEPS, "A history has at most " + MAX_STEPS + " steps."));
            return;
        }
        String previous = null;
        LocalDate previousDay = null;
        for (int i = 0; i < history.size(); i++) {
            String at = "/history/" + i;
            Lead.Step step = history.get(i);
            if (step == null) {
                faults.add(RecordChecks.missing(at));
                previous = null;
                continue;
            }
            String status = step.status();
            boolean known = RecordChecks.present(status, at + "/status", faults) && LeadStatus.known(status);
            if (status != null && !status.isBlank() && !known) {
                faults.add(FieldError.atPointer(at + "/status", UNKNOWN_LEAD_STATUS, "A status is one of " + String.join(", ", LeadStatus.ALL) + "."));
            }
            if (known && i == 0) {
                boolean start = LeadStatus.RECEIVED.equals(status) || (content.isLegacy() && LeadStatus.CASE_FILED.equals(status));
                if (!start) {
                    faults.add(FieldError.atPointer(at + "/status", HISTORY_START_NOT_ALLOWED, content.isLegacy()
                            ? "A legacy case's history starts at RECEIVED or CASE_FILED." : "A history starts at RECEIVED (a legacy case may start at CASE_FILED)."));
                }
            } else if (known && previous != null && !LeadStatus.allowed(previous, status)) {
                faults.add(FieldError.atPointer(at + "/status", STEP_NOT_ALLOWED, "A lead does not go from " + previous + " to " + status + "."));
            }
            previous = known ? status : null;
            Optional<LocalDate> day = RecordChecks.actualDate(step.on(), true, at + "/on", clock, faults);
            if (day.isPresent()) {
                if (previousDay != null && day.get().isBefore(previousDay)) {
                    faults.add(FieldError.atPointer(at + "/on", DATES_DECREASING, "A step is not dated before the step it follows."));
                }
                previousDay = day.get();
            }
        }
    }

    @Override
    public List<RecordWarning> warnings(Lead content, RecordContext context) {
        if (content.steps().stream().noneMatch(step -> LeadStatus.CASE_FILED.equals(step.status()))) {
            return List.of();
        }
        List<RecordWarning> warnings = new ArrayList<>();
        if (content.personsInvolved() == null) {
            warnings.add(new RecordWarning("/personsInvolved", CASE_FILED_WITHOUT_SCALE, "A filed case without personsInvolved counts no persons."));
        }
        if (content.amountInvolved() == null) {
            warnings.add(new RecordWarning("/amountInvolved", CASE_FILED_WITHOUT_SCALE, "A filed case without amountInvolved counts no amount."));
        }
        return warnings;
    }

    @Override
    public @Nullable String region(Lead content) {
        return content.region();
    }

    /** The day of the latest step. */
    @Override
    public @Nullable LocalDate day(Lead content) {
        return content.latestDay();
    }

    private static void count(@Nullable BigDecimal count, String pointer, List<FieldError> faults) {
        if (count != null && (count.signum() < 0 || count.stripTrailingZeros().scale() > 0)) {
            faults.add(FieldError.atPointer(pointer, INVALID_COUNT, "A count is a whole number, 0 or more."));
        }
    }

    private static void noPersonalData(@Nullable String text, String pointer, List<FieldError> faults) {
        if (text != null && PERSONAL.matcher(text).find()) {
            faults.add(FieldError.atPointer(pointer, PERSONAL_DATA,
                    "No personal data is stored: this looks like an ID or mobile number. Keep a ticket number or a firm's name only."));
        }
    }
}
