package io.cityfin.gateway.indicator;

import java.util.List;

import io.cityfin.common.problem.FieldError;
import io.cityfin.common.problem.ProblemException;

/**
 * A service refused the request it was asked for a caller (a 4xx). That says nothing about the service's health:
 * it never counts against the source's circuit breaker and never marks it {@code UNAVAILABLE}; the consolidated
 * answer relays the refusal to the caller instead (gateway README, "Consolidated indicators").
 */
public class SourceRefusedException extends ProblemException {

    private final String service;

    public SourceRefusedException(String service, int status, String title, String detail, List<FieldError> errors) {
        super(status, title, service + " refused the request: " + detail, errors);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
