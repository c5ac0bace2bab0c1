package io.cityfin.common.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.util.AccessPattern;

/**
 * Jackson's own readers for numbers and texts, each followed by a check that refuses what no body may carry.
 * Numbers are judged by {@code precision()} and {@code scale()} only: {@code 1e999999999} is one digit and a scale,
 * and expanding it (toPlainString, setScale, toBigInteger) is what ran a service out of memory.
 */
final class BoundedValues extends SimpleModule {

    private static final BigInteger LIMIT = BigInteger.TEN.pow(StrictJson.MAX_INTEGER_DIGITS);

    BoundedValues() {
        super("cityfin-bounded-values");
        addDeserializer(BigDecimal.class, new Checked<>(NumberDeserializers.BigDecimalDeserializer.instance, BoundedValues::decimal));
        addDeserializer(BigInteger.class, new Checked<>(new NumberDeserializers.BigIntegerDeserializer(), BoundedValues::integer));
        addDeserializer(Long.class, new Checked<>(new NumberDeserializers.LongDeserializer(Long.class, null), BoundedValues::count));
        addDeserializer(Long.TYPE, new Checked<>(new NumberDeserializers.LongDeserializer(Long.TYPE, 0L), BoundedValues::count));
        addDeserializer(String.class, new Checked<>(StringDeserializer.instance, BoundedValues::text));
        addDeserializer(LocalDate.class, new IsoDate());
    }

    static BigDecimal decimal(JsonParser parser, BigDecimal value) {
        if (value.signum() != 0 && (long) value.precision() - value.scale() > StrictJson.MAX_INTEGER_DIGITS) {
            throw tooLarge(parser);
        }
        if (value.scale() > StrictJson.MAX_DECIMALS) {
            throw new RefusedValueException(parser, "TOO_MANY_DECIMALS",
                    "A number has at most " + StrictJson.MAX_DECIMALS + " decimals (its unit may allow fewer).");
        }
        return value.signum() == 0 && value.scale() < 0 ? BigDecimal.ZERO : value; // 0E+999999999 is just 0
    }

    static BigInteger integer(JsonParser parser, BigInteger value) {
        if (value.abs().compareTo(LIMIT) >= 0) {
            throw tooLarge(parser);
        }
        return value;
    }

    static Long count(JsonParser parser, Long value) {
        if (value >= LIMIT.longValue() || value <= -LIMIT.longValue()) {
            throw tooLarge(parser);
        }
        return value;
    }

    static String text(JsonParser parser, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20) {
                throw new RefusedValueException(parser, "CONTROL_CHARACTER", String.format(
                        "A text carries no control character (U+0000 to U+001F): U+%04X at position %d.", (int) c, i));
            }
        }
        return value;
    }

    private static RefusedValueException tooLarge(JsonParser parser) {
        return new RefusedValueException(parser, "VALUE_TOO_LARGE", "An amount or count is below 10^15 in absolute value.");
    }

    /**
     * A date as the contracts write it, {@code YYYY-MM-DD} in a JSON string and nothing else: Jackson's own reader also
     * takes a date-time (dropping its time), {@code [2022,6,28]}, and {@code []} as no date at all.
     */
    static final class IsoDate extends ValueDeserializer<LocalDate> {

        private static final Pattern FORM = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getString();
            try {
                if (FORM.matcher(text).matches()) {
                    return LocalDate.parse(text);
                }
            } catch (DateTimeParseException e) {
                // 2022-02-30: refused below like any other text that is no date
            }
            return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, "a date is YYYY-MM-DD");
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }
    }

    interface Check<T> {
        T apply(JsonParser parser, T value);
    }

    /** Jackson's reader for the type, then the check; nulls and empty values as Jackson's reader has them. */
    static final class Checked<T> extends ValueDeserializer<T> {

        private final ValueDeserializer<T> reader;
        private final Check<T> check;

        Checked(ValueDeserializer<T> reader, Check<T> check) {
            this.reader = reader;
            this.check = check;
        }

        @Override
        public @Nullable T deserialize(JsonParser parser, DeserializationContext context) {
            T value = reader.deserialize(parser, context);
            return value == null ? null : check.apply(parser, value);
        }

        @Override
        public @Nullable Object getNullValue(DeserializationContext context) {
            return reader.getNullValue(context);
        }

        @Override
        public AccessPattern getNullAccessPattern() {
            return reader.getNullAccessPattern();
        }

        @Override
        public @Nullable Object getEmptyValue(DeserializationContext context) {
            return reader.getEmptyValue(context);
        }

        @Override
        public @Nullable LogicalType logicalType() {
            return reader.logicalType();
        }

        @Override
        public @Nullable Class<?> handledType() {
            return reader.handledType();
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }
}
