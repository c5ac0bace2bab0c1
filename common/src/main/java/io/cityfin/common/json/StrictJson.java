package io.cityfin.common.json;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * How every app reads a request body: no unknown or duplicate member, nothing after the document, bounded
 * numbers, strings, names and nesting, amounts and counts below 10^15, no control character in a text. Only for
 * what clients send: the WebClient side keeps Boot's mapper, since the gateway reads sums that may be large.
 */
public final class StrictJson {

    /** Amounts and counts stay below 10^15: 15 digits before the decimal point (a quadrillion yuan is no figure). */
    public static final int MAX_INTEGER_DIGITS = 15;
    /** Decimals as written, trailing zeros included; each unit's own limit (2 for CNY, 4 for rates) is a rule later. */
    public static final int MAX_DECIMALS = 20;
    /** Characters of one number as written; with the two caps above no legitimate figure comes near it. */
    public static final int MAX_NUMBER_LENGTH = 100;
    /** Characters of one text; every text member of the contracts has a {@code maxLength} far below it. */
    public static final int MAX_STRING_LENGTH = 10_000;
    /** Characters of one member name; no contract has a name near it, so a longer one is an unknown member. */
    public static final int MAX_NAME_LENGTH = 200;
    /** Open objects and arrays; the deepest body of the contracts has three. */
    public static final int MAX_NESTING_DEPTH = 32;

    private StrictJson() {
    }

    /** The stream factory with the limits above; Jackson checks them while it tokenizes. */
    public static JsonFactory factory() {
        return JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNameLength(MAX_NAME_LENGTH)
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .build())
                .build();
    }

    /**
     * Makes a builder on {@link #factory()} strict, after the app's own settings: the features and the
     * value checks ({@link RefusedValueException}) win over anything a customizer set.
     */
    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // "" or [] is no date, number, enum or object: Jackson would read it as null, and an optional member would
                // pass unset
                .withCoercionConfigDefaults(coercion -> coercion.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyArray, CoercionAction.Fail)
                        .setAcceptBlankAsEmpty(false))
                // a number or a boolean where a text goes is a wrong type, as the contract says, not a text made of it
                .withCoercionConfig(LogicalType.Textual, coercion -> coercion.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .addModule(new BoundedValues());
    }
}
