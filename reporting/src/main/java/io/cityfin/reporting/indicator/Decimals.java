package io.cityfin.reporting.indicator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import org.jspecify.annotations.Nullable;

/** Null-aware arithmetic at full precision: a missing or zero base gives {@code null}, never 0. */
final class Decimals {

    static final MathContext PRECISION = MathContext.DECIMAL128;
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Decimals() {
    }

    static @Nullable BigDecimal minus(@Nullable BigDecimal a, @Nullable BigDecimal b) {
        return a == null || b == null ? null : a.subtract(b);
    }

    /** a / b, or {@code null} when either is missing or b is zero. */
    static @Nullable BigDecimal divide(@Nullable BigDecimal a, @Nullable BigDecimal b) {
        return a == null || isMissingBase(b) ? null : a.divide(b, PRECISION);
    }

    /** a / b × 100, or {@code null} when either is missing or b is zero. */
    static @Nullable BigDecimal percent(@Nullable BigDecimal a, @Nullable BigDecimal b) {
        return a == null || isMissingBase(b) ? null : a.multiply(HUNDRED).divide(b, PRECISION);
    }

    /** (value − base) / base × 100, or {@code null} when either is missing or the base is zero. */
    static @Nullable BigDecimal growthPct(@Nullable BigDecimal value, @Nullable BigDecimal base) {
        return percent(minus(value, base), base);
    }

    static @Nullable BigDecimal round(@Nullable BigDecimal value, int scale) {
        return value == null ? null : value.setScale(scale, RoundingMode.HALF_UP);
    }

    private static boolean isMissingBase(@Nullable BigDecimal base) {
        return base == null || base.signum() == 0;
    }
}
