package io.cityfin.common.http;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Whole-number path and query parameters as the contracts write them: decimal digits with an optional minus sign.
 * Spring's number editor also reads {@code 0x10} and {@code #10} as 16 (and is the fallback whenever a converter
 * refuses), so {@code POST /warnings/0x10/review} reviewed warning 16; these editors come first on every binder,
 * and anything else is a type mismatch, which the problem handling answers with a 400 naming the parameter.
 */
@ControllerAdvice
public class StrictNumbers {

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,19}");

    @InitBinder
    void wholeNumbersInDecimalDigits(WebDataBinder binder) {
        binder.registerCustomEditor(Long.class, new Decimal(Long::valueOf));
        binder.registerCustomEditor(Long.TYPE, new Decimal(Long::valueOf));
        binder.registerCustomEditor(Integer.class, new Decimal(Integer::valueOf));
        binder.registerCustomEditor(Integer.TYPE, new Decimal(Integer::valueOf));
    }

    private static final class Decimal extends PropertyEditorSupport {

        private final Function<String, Number> parse;

        Decimal(Function<String, Number> parse) {
            this.parse = parse;
        }

        @Override
        public void setAsText(String text) {
            if (!DECIMAL.matcher(text).matches()) {
                throw new IllegalArgumentException("'" + text + "' is not a whole number in decimal digits");
            }
            setValue(parse.apply(text)); // NumberFormatException (an IllegalArgumentException) past the type's range
        }
    }
}
