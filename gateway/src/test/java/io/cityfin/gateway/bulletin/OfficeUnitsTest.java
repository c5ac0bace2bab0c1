package io.cityfin.gateway.bulletin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class OfficeUnitsTest {

    @Test
    void writesYuanAsHundredMillionsWithTwoDecimalsRoundedHalfUp() {
        assertThat(OfficeUnits.of(new BigDecimal("316587000000.00"), "CNY")).hasToString("3165.87亿元");
        assertThat(OfficeUnits.of(new BigDecimal("499999.99"), "CNY")).hasToString("0.00亿元");
        assertThat(OfficeUnits.of(new BigDecimal("500000"), "CNY")).hasToString("0.01亿元");
        assertThat(OfficeUnits.of(new BigDecimal("2200000000"), "CNY")).hasToString("22.00亿元");
    }

    @Test
    void writesPersonsAndHouseholdsInTenThousandsFromTenThousandUpAndWholeBelow() {
        assertThat(OfficeUnits.of(new BigDecimal("9999"), "PERSON")).hasToString("9999人");
        assertThat(OfficeUnits.of(new BigDecimal("9999.4"), "PERSON")).hasToString("9999人");
        assertThat(OfficeUnits.of(new BigDecimal("9999.5"), "PERSON")).hasToString("1.00万人");
        assertThat(OfficeUnits.of(new BigDecimal("10000"), "PERSON")).hasToString("1.00万人");
        assertThat(OfficeUnits.of(new BigDecimal("115400"), "PERSON")).hasToString("11.54万人");
        assertThat(OfficeUnits.of(new BigDecimal("286700"), "HOUSEHOLD")).hasToString("28.67万户");
        assertThat(OfficeUnits.of(new BigDecimal("623"), "HOUSEHOLD")).hasToString("623户");
    }

    @Test
    void writesCountsWholeAndPercentagesWithTwoDecimals() {
        assertThat(OfficeUnits.of(new BigDecimal("574"), "COUNT")).hasToString("574");
        assertThat(OfficeUnits.of(new BigDecimal("12.965"), "PERCENT")).hasToString("12.97%");
        assertThat(OfficeUnits.of(new BigDecimal("47.2670"), "PERCENT")).hasToString("47.27%");
        assertThat(OfficeUnits.of(new BigDecimal("5.5"), "TIMES")).hasToString("5.50倍");
        assertThat(OfficeUnits.points(new BigDecimal("-0.03"))).hasToString("0.03个百分点");
    }

    @Test
    void leavesTheSignToTheSentence() {
        assertThat(OfficeUnits.of(new BigDecimal("-2313800000"), "CNY")).hasToString("23.14亿元");
        assertThat(OfficeUnits.percent(new BigDecimal("-47.27"))).hasToString("47.27%");
    }
}
