package io.cityfin.common.problem;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.validation.ObjectError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebInputException;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import tools.jackson.core.JacksonException;

/** Turns any exception into the {@link Problem} a caller sees; unexpected ones become a 500 without details. */
public final class ProblemMapper {

    private static final List<String> MISSING_CONSTRAINTS = List.of("NotNull", "NotEmpty", "NotBlank");

    private ProblemMapper() {
    }

    /** As {@link #toProblem(Throwable)}, with a plain detail for a path that has no handler at all. */
    public static Problem toProblem(Throwable error, String path) {
        Problem problem = toProblem(error);
        if (problem.status() == 404 && !(error instanceof ProblemException)) {
            return new Problem(404, problem.title(), "No resource at " + path + ".", problem.errors());
        }
        return problem;
    }

    public static Problem toProblem(Throwable error) {
        if (error instanceof ProblemException problem) {
            return new Problem(problem.status(), problem.title(), problem.detail(), problem.errors());
        }
        if (causeOf(error, DataBufferLimitException.class).isPresent()) {
            return new Problem(413, "Payload too large", "The request body is larger than this service accepts.",
                    List.of(FieldError.atPointer("", "BODY_TOO_LARGE", "The request body is too large.")));
        }
        if (error instanceof WebExchangeBindException bind) {
            return bindProblem(bind);
        }
        if (error instanceof ServerWebInputException input) {
            return inputProblem(input);
        }
        if (error instanceof ConstraintViolationException violations) {
            return parameterProblem(violations);
        }
        if (error instanceof ErrorResponse response) {
            int status = response.getStatusCode().value();
            return new Problem(status, reason(status), detail(response, status), List.of());
        }
        if (DatabaseUnavailable.isCause(error)) {
            return DatabaseUnavailable.problem();
        }
        return new Problem(500, "Internal error", "An unexpected error occurred; it has been logged.", List.of());
    }

    /** True for an error no rule or status explains: a bug or a failed dependency, logged with its stack trace. */
    public static boolean isUnexpected(Throwable error) {
        return !(error instanceof ProblemException) && !(error instanceof ErrorResponse)
                && !(error instanceof ConstraintViolationException)
                && causeOf(error, DataBufferLimitException.class).isEmpty() && !DatabaseUnavailable.isCause(error);
    }

    /**
     * A path or query parameter outside its contract's {@code minimum}, {@code maximum} or {@code pattern}: the generated
     * interfaces are {@code @Validated}, so the method-validation proxy refuses the call before the controller runs.
     */
    private static Problem parameterProblem(ConstraintViolationException violations) {
        List<FieldError> errors = violations.getConstraintViolations().stream()
                .map(violation -> {
                    String name = lastNode(violation.getPropertyPath());
                    return FieldError.atParameter(name, "INVALID_PARAMETER", "Parameter '" + name + "' " + violation.getMessage() + ".");
                })
                .sorted(java.util.Comparator.comparing(FieldError::parameter))
                .toList();
        return new Problem(400, "Invalid parameter", errors.get(0).message(), errors);
    }

    private static String lastNode(Path path) {
        String name = "";
        for (Path.Node node : path) {
            name = node.getName() == null ? name : node.getName();
        }
        return name;
    }

    private static Problem inputProblem(ServerWebInputException input) {
        Optional<JacksonException> json = causeOf(input, JacksonException.class);
        if (json.isPresent()) {
            return JsonProblems.of(json.get());
        }
        MethodParameter parameter = input.getMethodParameter();
        String name = input instanceof MissingRequestValueException missing ? missing.getName()
                : parameter == null ? null : parameter.getParameterName();
        if (name != null && !parameter.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class)) {
            boolean missing = input instanceof MissingRequestValueException;
            String code = missing ? "MISSING_PARAMETER" : "INVALID_PARAMETER";
            String message = missing ? "Parameter '" + name + "' is required."
                    : "Parameter '" + name + "' is not valid" + typeHint(input) + ".";
            return new Problem(400, "Invalid parameter", message, List.of(FieldError.atParameter(name, code, message)));
        }
        String message = input.getReason() == null ? "The request could not be read." : input.getReason();
        String code = message.contains("No request body") ? "MISSING_BODY" : "INVALID_REQUEST";
        return new Problem(400, "Invalid request", message, List.of(FieldError.atPointer("", code, message)));
    }

    /** A missing required member is a 400; a body whose only faults are rules (a size, a pattern, a range) a 422. */
    private static Problem bindProblem(WebExchangeBindException bind) {
        List<FieldError> errors = bindErrors(bind);
        if (errors.stream().anyMatch(e -> e.code().equals("MISSING_FIELD"))) {
            return new Problem(400, "Invalid request body", "The request body has invalid fields.", errors);
        }
        return new Problem(422, "Rule violation", "The request body breaks " + errors.size() + " rule(s).", errors);
    }

    private static List<FieldError> bindErrors(WebExchangeBindException bind) {
        List<FieldError> fieldErrors = bind.getFieldErrors().stream()
                .map(e -> FieldError.atPointer(pointer(e.getField()), constraintCode(e), e.getField() + " " + e.getDefaultMessage()))
                .toList();
        List<FieldError> globalErrors = bind.getGlobalErrors().stream()
                .map(e -> FieldError.atPointer("", constraintCode(e), String.valueOf(e.getDefaultMessage())))
                .toList();
        return java.util.stream.Stream.concat(fieldErrors.stream(), globalErrors.stream()).toList();
    }

    private static String constraintCode(ObjectError error) {
        String constraint = error.getCode();
        if (constraint != null && MISSING_CONSTRAINTS.contains(constraint)) {
            return "MISSING_FIELD";
        }
        return "Size".equals(constraint) && error.contains(ConstraintViolation.class) ? sizeCode(error.unwrap(ConstraintViolation.class))
                : "INVALID_VALUE";
    }

    /** A {@code maxLength} or {@code maxItems} broken is TOO_LONG, a minimum TOO_SHORT. */
    private static String sizeCode(ConstraintViolation<?> violation) {
        Object max = violation.getConstraintDescriptor().getAttributes().get("max");
        Object value = violation.getInvalidValue();
        int size = value instanceof CharSequence text ? text.length() : value instanceof Collection<?> items ? items.size() : 0;
        return max instanceof Integer limit && size > limit ? "TOO_LONG" : "TOO_SHORT";
    }

    /** {@code lines[3].value} becomes the RFC 6901 pointer {@code /lines/3/value}. */
    static String pointer(String propertyPath) {
        if (propertyPath.isEmpty()) {
            return "";
        }
        String slashed = propertyPath.replace("[", ".").replace("]", "");
        StringBuilder pointer = new StringBuilder();
        for (String token : slashed.split("\\.")) {
            if (!token.isEmpty()) {
                pointer.append('/').append(escape(token));
            }
        }
        return pointer.toString();
    }

    static String pointer(List<JacksonException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (JacksonException.Reference reference : path) {
            pointer.append('/');
            pointer.append(reference.getPropertyName() != null ? escape(reference.getPropertyName())
                    : String.valueOf(reference.getIndex()));
        }
        return pointer.toString();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String typeHint(ServerWebInputException input) {
        return causeOf(input, TypeMismatchException.class)
                .map(TypeMismatchException::getRequiredType)
                .map(type -> ": expected " + type.getSimpleName())
                .orElse("");
    }

    private static String detail(ErrorResponse response, int status) {
        String detail = response.getBody().getDetail();
        if (detail != null && !detail.isBlank()) {
            return detail;
        }
        return reason(status);
    }

    private static String reason(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }

    private static <T extends Throwable> Optional<T> causeOf(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}
