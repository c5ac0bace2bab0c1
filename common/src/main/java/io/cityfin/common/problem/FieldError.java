package io.cityfin.common.problem;

import org.jspecify.annotations.Nullable;

/**
 * One fault in a request: {@code pointer} is an RFC 6901 pointer into the body, {@code parameter} names a path or
 * query parameter; exactly one of them is set. {@code code} is a stable UPPER_SNAKE_CASE rule code.
 */
public record FieldError(@Nullable String pointer, @Nullable String parameter, String code, String message) {

    public FieldError {
        if ((pointer == null) == (parameter == null)) {
            throw new IllegalArgumentException("a field error names either a pointer or a parameter");
        }
    }

    public static FieldError atPointer(String pointer, String code, String message) {
        return new FieldError(pointer, null, code, message);
    }

    public static FieldError atParameter(String parameter, String code, String message) {
        return new FieldError(null, parameter, code, message);
    }
}
