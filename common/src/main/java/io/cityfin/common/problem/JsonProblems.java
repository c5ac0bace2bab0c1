package io.cityfin.common.problem;

import java.util.List;

import io.cityfin.common.json.RefusedValueException;
import io.cityfin.common.json.StrictJson;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The problem for a body the strict reader ({@code io.cityfin.common.json.StrictJson}) refused, with a pointer to
 * where it stopped: 400 for what does not parse into the contract (malformed JSON, a wrong type, an unknown or
 * duplicate member, content after the document, nesting too deep), 422 for a value that parses but breaks a rule
 * (a number of 10^15 or more or with absurdly many decimals, a control character, a text or number too long).
 */
final class JsonProblems {

    private JsonProblems() {
    }

    static Problem of(JacksonException error) {
        String pointer = pointer(error);
        String at = pointer.isEmpty() ? "the document root" : pointer;
        String original = error.getOriginalMessage();
        if (error instanceof RefusedValueException refused) {
            return rule(pointer, refused.code(), original);
        }
        if (error instanceof StreamConstraintsException) {
            if (original.contains("getMaxNumberLength")) {
                return rule(pointer, "NUMBER_TOO_LONG", "A number has at most " + StrictJson.MAX_NUMBER_LENGTH + " characters.");
            }
            if (original.contains("getMaxStringLength")) {
                return rule(pointer, "TOO_LONG", "A text is longer than any member allows.");
            }
            if (original.contains("getMaxNameLength")) {
                return fault(pointer, "UNKNOWN_MEMBER", "A member name at " + at + " is longer than any member of this body.");
            }
            return fault(pointer, "TOO_DEEP", "The body is nested deeper than any body of the contract: " + original);
        }
        if (error instanceof UnrecognizedPropertyException) {
            return fault(pointer, "UNKNOWN_MEMBER", "Unknown member " + at + ": the contract has no such member here.");
        }
        if (error instanceof StreamReadException && original.startsWith("Duplicate Object property")) {
            return fault(pointer, "DUPLICATE_MEMBER", "Member " + at + " appears more than once.");
        }
        if (original.startsWith("Trailing token")) {
            return fault(pointer, "MALFORMED_JSON", "The body is not valid JSON: content after the end of the document.");
        }
        if (error instanceof StreamReadException) {
            return fault(pointer, "MALFORMED_JSON", "The body is not valid JSON: " + original);
        }
        return fault(pointer, "WRONG_TYPE", "Wrong type at " + at + ".");
    }

    private static Problem fault(String pointer, String code, String message) {
        return new Problem(400, "Invalid request body", message, List.of(FieldError.atPointer(pointer, code, message)));
    }

    private static Problem rule(String pointer, String code, String message) {
        return new Problem(422, "Rule violation", message, List.of(FieldError.atPointer(pointer, code, message)));
    }

    /**
     * Where the reader stopped: the path Jackson built while unwinding (it names the member of a refused value or
     * an unknown member), or for a fault of the token stream itself (a duplicate, malformed JSON) the parser's
     * position, which is more precise there.
     */
    private static String pointer(JacksonException error) {
        boolean stream = error instanceof StreamReadException || error.getPath().isEmpty();
        if (stream && error.processor() instanceof JsonParser parser) {
            return parser.streamReadContext().pathAsPointer().toString();
        }
        return ProblemMapper.pointer(error.getPath());
    }
}
