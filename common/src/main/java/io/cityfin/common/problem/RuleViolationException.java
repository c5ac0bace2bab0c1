package io.cityfin.common.problem;

import java.util.List;

/** 422: a request that parses but breaks one or more rules; one field error per fault. */
public class RuleViolationException extends ProblemException {

    public RuleViolationException(String detail, List<FieldError> errors) {
        super(422, "Rule violation", detail, errors);
    }
}
