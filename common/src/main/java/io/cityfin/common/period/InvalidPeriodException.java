package io.cityfin.common.period;

/** A period string that does not parse, or a period that may not be used; {@link #code()} is a stable rule code. */
public class InvalidPeriodException extends RuntimeException {

    public static final String MALFORMED = "INVALID_PERIOD";
    public static final String IN_FUTURE = "PERIOD_IN_FUTURE";

    private final String code;

    public InvalidPeriodException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
