package io.cityfin.insurance.investment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.cityfin.reporting.record.RecordChecks;

/**
 * An insurer's investment in the city as sent: loose types (strings, a decimal), so that the rules, not the parser,
 * refuse with a pointer. Stored only after {@link InvestmentType#faults} found nothing.
 */
public record Investment(@Nullable String institutionCode, @Nullable String project, @Nullable String region,
                         @Nullable BigDecimal amount, @Nullable String date, @Nullable String channel) {

    /** The date, if it is a valid {@code YYYY-MM-DD}. */
    public Optional<LocalDate> day() {
        return RecordChecks.day(date);
    }

    /** The date, or null when it is missing or malformed. */
    public @Nullable LocalDate dayOrNull() {
        return day().orElse(null);
    }

    /** Dated in {@code year}. */
    public boolean inYear(int year) {
        return day().map(d -> d.getYear() == year).orElse(false);
    }
}
