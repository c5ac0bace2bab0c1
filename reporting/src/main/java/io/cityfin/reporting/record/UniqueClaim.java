package io.cityfin.reporting.record;

import java.time.LocalDate;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A value one record of a collection holds alone: {@code name} (such as {@code securityCode} or {@code listing}) and
 * {@code value} (such as {@code 185123.SH} or {@code CHINEXT:300294}), over the days from {@code from} (inclusive) to
 * {@code until} (exclusive), each open-ended when null: two records' claims of the same name and value conflict when
 * their days overlap. A conflict refuses the write with {@code code} at {@code pointer}.
 */
public record UniqueClaim(String name, String value, @Nullable LocalDate from, @Nullable LocalDate until, String pointer,
                          String code, String message) {

    public UniqueClaim {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (from != null && until != null && until.isBefore(from)) {
            throw new IllegalArgumentException("a claim ends before it starts");
        }
    }

    /** A value held for all time, such as a security code. */
    public static UniqueClaim always(String name, String value, String pointer, String code, String message) {
        return new UniqueClaim(name, value, null, null, pointer, code, message);
    }

    /** Whether the two claims hold the same value on some day. */
    public boolean overlaps(UniqueClaim other) {
        return name.equals(other.name) && value.equals(other.value)
                && (from == null || other.until == null || from.isBefore(other.until))
                && (other.from == null || until == null || other.from.isBefore(until));
    }
}
