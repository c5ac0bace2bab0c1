package io.cityfin.gateway.bulletin;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Figures as the office writes them: CNY in 亿元 with 2 decimals; persons and households in 万人/万户 with 2 decimals from
 * 10,000 up, whole below; counts whole; percentages (and percentage points) with 2 decimals; multiples with 2 decimals.
 * Rounding is half up, on the absolute value (a sign is the sentence's word: 增加/减少).
 */
public final class OfficeUnits {

    private static final BigDecimal HUNDRED_MILLION = new BigDecimal("100000000");
    private static final BigDecimal TEN_THOUSAND = new BigDecimal("10000");

    private OfficeUnits() {
    }

    /** A number and its unit word, as shown. */
    public record Shown(String number, String unit) {

        @Override
        public String toString() {
            return number + unit;
        }
    }

    /** {@code value} of an indicator of {@code unit} (the contract's: CNY, PERCENT, COUNT, HOUSEHOLD, PERSON, TIMES). */
    public static Shown of(BigDecimal value, String unit) {
        BigDecimal size = value.abs();
        return switch (unit) {
            case "CNY" -> new Shown(two(size.divide(HUNDRED_MILLION)), "亿元");
            case "PERCENT" -> new Shown(two(size), "%");
            case "PERSON" -> tenThousands(size, "人");
            case "HOUSEHOLD" -> tenThousands(size, "户");
            case "TIMES" -> new Shown(two(size), "倍");
            default -> new Shown(whole(size), "");
        };
    }

    /** A growth rate or a share: 2 decimals and %. */
    public static Shown percent(BigDecimal value) {
        return new Shown(two(value.abs()), "%");
    }

    /** A change of a percentage: 2 decimals and 个百分点. */
    public static Shown points(BigDecimal value) {
        return new Shown(two(value.abs()), "个百分点");
    }

    private static Shown tenThousands(BigDecimal size, String unit) {
        if (size.setScale(0, RoundingMode.HALF_UP).compareTo(TEN_THOUSAND) >= 0) { // 9999.5 is 1.00万, not 10000
            return new Shown(two(size.divide(TEN_THOUSAND)), "万" + unit);
        }
        return new Shown(whole(size), unit);
    }

    private static String two(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String whole(BigDecimal value) {
        return value.setScale(0, RoundingMode.HALF_UP).toPlainString();
    }
}
