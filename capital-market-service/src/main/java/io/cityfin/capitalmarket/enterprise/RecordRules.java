package io.cityfin.capitalmarket.enterprise;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.problem.FieldError;
import io.cityfin.common.region.Region;

/** The faults of one record's content, collected as its rules find them, with the checks both record types share. */
final class RecordRules {

    static final String MISSING_VALUE = "MISSING_VALUE";
    static final String INVALID_DATE = "INVALID_DATE";
    static final String DATE_IN_FUTURE = "DATE_IN_FUTURE";

    private final LocalDate today;
    private final List<FieldError> faults = new ArrayList<>();

    RecordRules(LocalDate today) {
        this.today = today;
    }

    List<FieldError> faults() {
        return List.copyOf(faults);
    }

    boolean isEmpty() {
        return faults.isEmpty();
    }

    void add(String pointer, String code, String message) {
        faults.add(FieldError.atPointer(pointer, code, message));
    }

    /** False, with MISSING_VALUE, when {@code value} is absent (or a blank text). */
    boolean present(@Nullable Object value, String pointer) {
        if (value == null || value instanceof String text && text.isBlank()) {
            add(pointer, MISSING_VALUE, pointer.substring(pointer.lastIndexOf('/') + 1) + " is required.");
            return false;
        }
        return true;
    }

    /** A date that may lie ahead (a plan); null when absent or malformed (INVALID_DATE). */
    @Nullable LocalDate date(@Nullable String text, String pointer) {
        if (text == null) {
            return null;
        }
        LocalDate day = Dates.parse(text);
        if (day == null) {
            add(pointer, INVALID_DATE, "A date is YYYY-MM-DD.");
        }
        return day;
    }

    /** A date of something that happened: as {@link #date}, and refused when after today (Asia/Shanghai). */
    @Nullable LocalDate actualDate(@Nullable String text, String pointer) {
        LocalDate day = date(text, pointer);
        if (day != null && day.isAfter(today)) {
            add(pointer, DATE_IN_FUTURE, "An actual date is not after today (" + today + ", Asia/Shanghai).");
            return null;
        }
        return day;
    }

    /** A county-level region of the city (UNKNOWN_REGION; CITY_REGION_ON_RECORD for 361000). */
    void countyRegion(@Nullable String region, String pointer) {
        if (!present(region, pointer)) {
            return;
        }
        Optional<Region> known = Region.ofCode(region);
        if (known.isEmpty()) {
            add(pointer, Region.UNKNOWN_REGION, "'" + region + "' is not a county-level code of the city.");
        } else if (known.get().isCity()) {
            add(pointer, "CITY_REGION_ON_RECORD", "A record carries a county-level code, never 361000.");
        }
    }
}
