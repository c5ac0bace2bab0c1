package io.cityfin.common.problem;

import java.util.List;

/**
 * An expected refusal that becomes an RFC 9457 answer with the given status, title and field errors.
 * Domain code throws the subclasses; the {@link ProblemWebExceptionHandler} renders them.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<FieldError> errors;

    public ProblemException(int status, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> errors() {
        return errors;
    }
}
