package io.cityfin.reporting.record;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.period.CityClock;
import io.cityfin.common.problem.FieldError;
import io.cityfin.common.region.Region;
import io.cityfin.common.uscc.Uscc;

/**
 * The member checks every record type shares (data-standard-2.md, "Record rules"): each adds at most one fault at its
 * pointer to {@code faults} and answers whether (or what) the value may be used by the rules that follow, so that a
 * type reports every fault of a content at once.
 */
public final class RecordChecks {

    public static final String MISSING_VALUE = "MISSING_VALUE";
    public static final String INVALID_DATE = "INVALID_DATE";
    public static final String DATE_IN_FUTURE = "DATE_IN_FUTURE";
    public static final String AMOUNT_NOT_POSITIVE = "AMOUNT_NOT_POSITIVE";
    public static final String TOO_MANY_DECIMALS = "TOO_MANY_DECIMALS";
    public static final String CITY_REGION_ON_RECORD = "CITY_REGION_ON_RECORD";

    private RecordChecks() {
    }

    /** A {@code YYYY-MM-DD} date; empty when absent or malformed. */
    public static Optional<LocalDate> day(@Nullable String date) {
        if (date == null || date.length() != 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(date));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A {@code YYYY-MM-DD} date, or null when absent or malformed. */
    public static @Nullable LocalDate dayOrNull(@Nullable String date) {
        return day(date).orElse(null);
    }

    /** Present and, for a text, not blank; else MISSING_VALUE. */
    public static boolean present(@Nullable Object value, String pointer, List<FieldError> faults) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            faults.add(missing(pointer));
            return false;
        }
        return true;
    }

    /** MISSING_VALUE at the pointer, naming its last member. */
    public static FieldError missing(String pointer) {
        return FieldError.atPointer(pointer, MISSING_VALUE, pointer.substring(pointer.lastIndexOf('/') + 1) + " is required.");
    }

    /** A date that may lie ahead (a plan): YYYY-MM-DD when present (INVALID_DATE), required when {@code required}. */
    public static Optional<LocalDate> plannedDate(@Nullable String date, boolean required, String pointer, List<FieldError> faults) {
        if (date == null) {
            if (required) {
                faults.add(missing(pointer));
            }
            return Optional.empty();
        }
        Optional<LocalDate> day = day(date);
        if (day.isEmpty()) {
            faults.add(FieldError.atPointer(pointer, INVALID_DATE, "A date is YYYY-MM-DD."));
        }
        return day;
    }

    /** The date of something that happened: as {@link #plannedDate}, and not after today in Asia/Shanghai (DATE_IN_FUTURE). */
    public static Optional<LocalDate> actualDate(@Nullable String date, boolean required, String pointer, Clock clock,
                                                 List<FieldError> faults) {
        Optional<LocalDate> day = plannedDate(date, required, pointer, faults);
        if (day.isPresent() && day.get().isAfter(CityClock.today(clock))) {
            faults.add(FieldError.atPointer(pointer, DATE_IN_FUTURE, "An actual date is not after today (Asia/Shanghai)."));
            return Optional.empty();
        }
        return day;
    }

    /** Yuan: required, above 0 (AMOUNT_NOT_POSITIVE), at most 2 decimals (TOO_MANY_DECIMALS). */
    public static boolean amount(@Nullable BigDecimal amount, String pointer, List<FieldError> faults) {
        if (amount == null) {
            faults.add(missing(pointer));
        } else if (amount.signum() <= 0) {
            faults.add(FieldError.atPointer(pointer, AMOUNT_NOT_POSITIVE, "An amount is above 0."));
        } else if (Math.max(0, amount.stripTrailingZeros().scale()) > 2) {
            faults.add(FieldError.atPointer(pointer, TOO_MANY_DECIMALS, "An amount in yuan has at most 2 decimals."));
        } else {
            return true;
        }
        return false;
    }

    /** A county-level region of the city: required, known (UNKNOWN_REGION), never 361000 (CITY_REGION_ON_RECORD). */
    public static boolean countyRegion(@Nullable String region, String pointer, List<FieldError> faults) {
        return region(region, false, pointer, faults);
    }

    /**
     * A region of the city: required, known (UNKNOWN_REGION), and county-level unless {@code cityAllowed}
     * (CITY_REGION_ON_RECORD): only a CITY-tier platform and what it issues, and a city-wide record, carry 361000.
     */
    public static boolean region(@Nullable String region, boolean cityAllowed, String pointer, List<FieldError> faults) {
        if (!present(region, pointer, faults)) {
            return false;
        }
        Optional<Region> known = Region.ofCode(region);
        if (known.isEmpty()) {
            faults.add(FieldError.atPointer(pointer, Region.UNKNOWN_REGION, cityAllowed ? "'" + region + "' is not a region of the city."
                    : "'" + region + "' is not a county-level code of the city."));
        } else if (known.get().isCity() && !cityAllowed) {
            faults.add(FieldError.atPointer(pointer, CITY_REGION_ON_RECORD, "A record carries a county-level code, never 361000."));
        } else {
            return true;
        }
        return false;
    }

    /** A GB 32100-2015 unified social credit code: required and well-formed with its check character (INVALID_USCC). */
    public static boolean uscc(@Nullable String uscc, String pointer, List<FieldError> faults) {
        if (!present(uscc, pointer, faults)) {
            return false;
        }
        if (!Uscc.isValid(uscc)) {
            faults.add(FieldError.atPointer(pointer, Uscc.INVALID_USCC, Uscc.RULE));
            return false;
        }
        return true;
    }
}
