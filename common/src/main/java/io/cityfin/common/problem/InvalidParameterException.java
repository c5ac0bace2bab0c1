package io.cityfin.common.problem;

import java.util.List;

/** 400: a malformed or disallowed path or query parameter. */
public class InvalidParameterException extends ProblemException {

    public InvalidParameterException(String parameter, String code, String message) {
        super(400, "Invalid parameter", message, List.of(FieldError.atParameter(parameter, code, message)));
    }
}
