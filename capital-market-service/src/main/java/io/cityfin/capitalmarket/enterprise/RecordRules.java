package io.cityfin.capitalmarket.enterprise;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.problem.FieldError;
import io.cityfin.reporting.record.RecordChecks;

/** The faults of one content, collected as its rules find them; the shared member checks are the machinery's {@link RecordChecks}. */
final class RecordRules {

    private final Clock clock;
    private final List<FieldError> faults = new ArrayList<>();

    RecordRules(Clock clock) {
        this.clock = clock;
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
        return RecordChecks.present(value, pointer, faults);
    }

    /** A date that may lie ahead (a plan); null when absent or malformed (INVALID_DATE). */
    @Nullable LocalDate date(@Nullable String text, String pointer) {
        return RecordChecks.plannedDate(text, false, pointer, faults).orElse(null);
    }

    /** A date of something that happened: as {@link #date}, and refused when after today (DATE_IN_FUTURE). */
    @Nullable LocalDate actualDate(@Nullable String text, String pointer) {
        return RecordChecks.actualDate(text, false, pointer, clock, faults).orElse(null);
    }

    /** A county-level region of the city (MISSING_VALUE, UNKNOWN_REGION, CITY_REGION_ON_RECORD). */
    void countyRegion(@Nullable String region, String pointer) {
        RecordChecks.countyRegion(region, pointer, faults);
    }
}
