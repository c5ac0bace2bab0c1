package io.cityfin.common.json;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DatabindException;

/**
 * A value that parses but that no CityFin body may carry (a number of 10^15 or more, absurdly many decimals, a
 * control character in a text). Thrown while the body is read, so Jackson adds the path to it; the problem
 * mapper answers it as a 422 with that path as a pointer and {@link #code()}.
 */
public class RefusedValueException extends DatabindException {

    private final String code;

    RefusedValueException(JsonParser parser, String code, String message) {
        super(parser, message);
        this.code = code;
    }

    /** The stable rule code: {@code VALUE_TOO_LARGE}, {@code TOO_MANY_DECIMALS} or {@code CONTROL_CHARACTER}. */
    public String code() {
        return code;
    }
}
