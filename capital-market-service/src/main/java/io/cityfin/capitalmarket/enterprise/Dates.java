package io.cityfin.capitalmarket.enterprise;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/** The wire's dates: {@code YYYY-MM-DD} texts, read leniently by the evaluations (a malformed one is no date). */
final class Dates {

    private Dates() {
    }

    /** The day, or null when the text is absent or not a valid {@code YYYY-MM-DD}. */
    static @Nullable LocalDate parse(@Nullable String text) {
        if (text == null || text.length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** On or before {@code day}. */
    static boolean byDay(@Nullable LocalDate date, LocalDate day) {
        return date != null && !date.isAfter(day);
    }
}
