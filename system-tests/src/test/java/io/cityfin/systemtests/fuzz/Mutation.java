package io.cityfin.systemtests.fuzz;

import java.util.List;

/**
 * What the fuzzer does to a valid request (issue #10, "A contract-driven fuzzer"). {@code mustRefuse}: only a 4xx is
 * a right answer; the others ask only for a well-formed answer (no 5xx, the contract kept), since the same change can
 * be legitimate somewhere (a date in 1900 is a fine {@code activeFrom}).
 */
public enum Mutation {

    // a member of the JSON body
    WRONG_TYPE(Target.BODY, true),
    MISSING_REQUIRED(Target.BODY, true),
    UNKNOWN_MEMBER(Target.BODY, true),
    DUPLICATE_MEMBER(Target.BODY, true),
    HUGE_NUMBER(Target.BODY, true, "1e999999999", "\"1E+999999999\"", "-1e999999999", "1e20", "100000000000000000000",
            "1E+400", "1e-999999999"),
    NAN_LIKE(Target.BODY, true, "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"1e999999999\""),
    NEGATIVE_ZERO(Target.BODY, false, "-0", "-0.0", "0E-10"),
    MANY_DECIMALS(Target.BODY, true, "1.123456789012345678901234567890", "12.34567"),
    CONTROL_CHARACTER(Target.BODY, true),
    OVERLONG_STRING(Target.BODY, true),
    DEEP_NESTING(Target.BODY, true),
    NULL_VALUE(Target.BODY, false),
    UNKNOWN_INSTITUTION(Target.BODY, false),
    DATE_EDGE(Target.BODY, false, "\"1900-01-01\"", "\"1989-12-31\"", "\"2099-12-31\""),
    DATE_MALFORMED(Target.BODY, true, "\"2022-02-30\"", "\"2022-2-3\"", "\"\"", "\"20220628\"", "\"2022-06-28T00:00:00Z\""),

    // the body as a whole
    EMPTY_BODY(Target.WHOLE_BODY, true),
    MALFORMED_JSON(Target.WHOLE_BODY, true),
    NOT_AN_OBJECT(Target.WHOLE_BODY, true, "[]", "\"report\"", "42", "null", "true"),
    WRONG_CONTENT_TYPE(Target.WHOLE_BODY, true, "text/plain", "application/xml", "application/x-www-form-urlencoded"),

    // a path, query or header parameter
    PERIOD_BEFORE_1990(Target.PARAMETER, true, "1900-06", "1901-12", "1902-01", "1989-12", "1000-01", "0001-01"),
    PERIOD_IN_FUTURE(Target.PARAMETER, true, "2099-01", "9999-12", "2100-01-D1"),
    PERIOD_MALFORMED(Target.PARAMETER, true, "2022-13", "2022-09-D4", "2022-Q5", "2022-9", "22-09", "abcd", "2022-00",
            "+2022-09", "2022-09-D0", "99999-01", "2022-09 "),
    PARAMETER_CONTROL_CHARACTER(Target.PARAMETER, true),
    PARAMETER_OVERLONG(Target.PARAMETER, true),
    PARAMETER_WRONG_TYPE(Target.PARAMETER, true, "abc", "1.5", "0x10", "1,2", "١٢"),
    PARAMETER_HUGE_NUMBER(Target.PARAMETER, true, "1e999999999", "99999999999999999999", "-99999999999", "2147483648"),
    PARAMETER_UNKNOWN_INSTITUTION(Target.PARAMETER, true, "ZZZZ0000UNKNOWN0000", "0000", "abc-def"),
    INVALID_UUID(Target.PARAMETER, true, "not-a-uuid", "123", "00000000-0000-0000-0000-00000000000G",
            "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz"),
    MISSING_PARAMETER(Target.PARAMETER, true),
    IF_MATCH_GARBAGE(Target.HEADER, true, "garbage", "\"999999\"", "W/\"x\"", "\"\""),
    MISSING_IDEMPOTENCY_KEY(Target.HEADER, true),
    OVERLONG_IDEMPOTENCY_KEY(Target.HEADER, true);

    /** Where a mutation applies. */
    public enum Target {
        BODY, WHOLE_BODY, PARAMETER, HEADER
    }

    private final Target target;

    private final boolean mustRefuse;

    private final List<String> samples;

    Mutation(Target target, boolean mustRefuse, String... samples) {
        this.target = target;
        this.mustRefuse = mustRefuse;
        this.samples = List.of(samples);
    }

    public Target target() {
        return target;
    }

    public boolean mustRefuse() {
        return mustRefuse;
    }

    /** The raw values it writes (JSON text for a body member, plain text for a parameter), where it has a fixed list. */
    public List<String> samples() {
        return samples;
    }
}
