package io.cityfin.capitalmarket.financing;

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
 * The member checks the capital-market records share (data-standard-2.md, "Record rules"): each adds at most one
 * fault at its pointer and answers whether the value may be used by the rules that follow.
 */
public final class Checks {

    public static final String MISSING_VALUE = "MISSING_VALUE";
    public static final String INVALID_DATE = "INVALID_DATE";
    public static final String DATE_IN_FUTURE = "DATE_IN_FUTURE";
    public static final String AMOUNT_NOT_POSITIVE = "AMOUNT_NOT_POSITIVE";
    public static final String TOO_MANY_DECIMALS = "TOO_MANY_DECIMALS";
    public static final String CITY_REGION_ON_RECORD = "CITY_REGION_ON_RECORD";

    private Checks() {
    }

    /** A {@code YYYY-MM-DD} date, empty when absent or malformed. */
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

    /** Present and not blank; else MISSING_VALUE. */
    public static boolean present(@Nullable Object value, String pointer, List<FieldError> faults) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            faults.add(missing(pointer));
            return false;
        }
        return true;
    }

    public static FieldError missing(String pointer) {
        return FieldError.atPointer(pointer, MISSING_VALUE, pointer.substring(pointer.lastIndexOf('/') + 1) + " is required.");
    }

    /** An actual date (something that happened): required when {@code required}, YYYY-MM-DD, not after today in Asia/Shanghai. */
    public static Optional<LocalDate> actualDate(@Nullable String date, boolean required, String pointer, Clock clock,
                                                 List<FieldError> faults) {
        if (date == null) {
            if (required) {
                faults.add(missing(pointer));
            }
            return Optional.empty();
        }
        Optional<LocalDate> day = day(date);
        if (day.isEmpty()) {
            faults.add(FieldError.atPointer(pointer, INVALID_DATE, "A date is YYYY-MM-DD."));
        } else if (day.get().isAfter(CityClock.today(clock))) {
            faults.add(FieldError.atPointer(pointer, DATE_IN_FUTURE, "An actual date is not after today (Asia/Shanghai)."));
            return Optional.empty();
        }
        return day;
    }

    /** Yuan: above 0, at most 2 decimals. */
    public static void amount(@Nullable BigDecimal amount, String pointer, List<FieldError> faults) {
        if (amount == null) {
            faults.add(missing(pointer));
        } else if (amount.signum() <= 0) {
            faults.add(FieldError.atPointer(pointer, AMOUNT_NOT_POSITIVE, "An amount is above 0."));
        } else if (Math.max(0, amount.stripTrailingZeros().scale()) > 2) {
            faults.add(FieldError.atPointer(pointer, TOO_MANY_DECIMALS, "An amount in yuan has at most 2 decimals."));
        }
    }

    /** A county-level region of the city (never 361000). */
    public static void countyRegion(@Nullable String region, String pointer, List<FieldError> faults) {
        if (!present(region, pointer, faults)) {
            return;
        }
        Optional<Region> known = Region.ofCode(region);
        if (known.isEmpty()) {
            faults.add(FieldError.atPointer(pointer, Region.UNKNOWN_REGION, "'" + region + "' is not a county-level code of the city."));
        } else if (known.get().isCity()) {
            faults.add(FieldError.atPointer(pointer, CITY_REGION_ON_RECORD, "A record carries a county-level code, never 361000."));
        }
    }

    /** A GB 32100-2015 unified social credit code. */
    public static void uscc(@Nullable String uscc, String pointer, List<FieldError> faults) {
        if (present(uscc, pointer, faults) && !Uscc.isValid(uscc)) {
            faults.add(FieldError.atPointer(pointer, Uscc.INVALID_USCC, Uscc.RULE));
        }
    }
}
