package io.cityfin.reporting.record;

import java.util.Objects;

/** A warning a record version was accepted with: a JSON pointer into the content, a stable code and a message. */
public record RecordWarning(String pointer, String code, String message) {

    public RecordWarning {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
