package io.cityfin.capitalmarket.fund;

import static io.cityfin.capitalmarket.fund.FundFixtures.aFiledFund;
import static io.cityfin.capitalmarket.fund.FundFixtures.anInvestment;
import static io.cityfin.capitalmarket.fund.FundFixtures.liquidatedOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.cityfin.common.problem.FieldError;
import io.cityfin.reporting.record.RecordContext;

class FundInvestmentTypeTest {

    /** 2022-10-10 00:30 in Asia/Shanghai. */
    private final Clock clock = Clock.fixed(Instant.parse("2022-10-09T16:30:00Z"), ZoneOffset.UTC);
    private final FundInvestmentType type = new FundInvestmentType(clock);

    @Test
    void acceptsAnInvestmentInTheCityOrOutsideItWithinTheFundsLife() {
        assertThat(faults(anInvestment("361090", "12000000.00", "2022-05-20"), aFiledFund())).isEmpty();
        assertThat(faults(anInvestment("OUTSIDE", "1", "2021-04-01"), aFiledFund())).isEmpty();
        assertThat(faults(anInvestment("361002", "1", "2022-06-30"), liquidatedOn(aFiledFund(), "2022-06-30"))).isEmpty();
    }

    @Test
    void refusesMissingMembersWithTheirPointers() {
        assertThat(faults(new FundInvestment(null, null, null, null), aFiledFund())).extracting(FieldError::pointer, FieldError::code)
                .containsExactly(
                        tuple("/investee", "MISSING_VALUE"),
                        tuple("/investeeRegion", "MISSING_VALUE"),
                        tuple("/amount", "MISSING_VALUE"),
                        tuple("/investedOn", "MISSING_VALUE"));
        assertThat(faults(new FundInvestment(new FundInvestment.Investee("91361000MA35GF2F4X", null), "361002", BigDecimal.ONE, "2022-01-01"),
                aFiledFund())).extracting(FieldError::pointer, FieldError::code)
                .containsExactly(tuple("/investee/uscc", "INVALID_USCC"), tuple("/investee/name", "MISSING_VALUE"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"361000, CITY_REGION_ON_RECORD", "360100, UNKNOWN_REGION", "outside, UNKNOWN_REGION"})
    void refusesARegionThatIsNeitherACountyNorOutside(String region, String code) {
        assertThat(faults(anInvestment(region, "1", "2022-01-01"), aFiledFund())).extracting(FieldError::pointer, FieldError::code)
                .containsExactly(tuple("/investeeRegion", code));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"0, /amount, AMOUNT_NOT_POSITIVE", "0.001, /amount, TOO_MANY_DECIMALS"})
    void refusesAnAmountNotAboveZeroOrWithMoreThanTwoDecimals(String amount, String pointer, String code) {
        assertThat(faults(anInvestment("361002", amount, "2022-01-01"), aFiledFund())).extracting(FieldError::pointer, FieldError::code)
                .containsExactly(tuple(pointer, code));
    }

    @Test
    void refusesAnInvestmentBeforeTheFundsEstablishmentAfterItsLiquidationOrAfterToday() {
        assertThat(faults(anInvestment("361002", "1", "2021-03-31"), aFiledFund())).extracting(FieldError::pointer, FieldError::code)
                .containsExactly(tuple("/investedOn", "INVESTED_BEFORE_ESTABLISHED"));
        assertThat(faults(anInvestment("361002", "1", "2022-07-01"), liquidatedOn(aFiledFund(), "2022-06-30")))
                .extracting(FieldError::pointer, FieldError::code).containsExactly(tuple("/investedOn", "INVESTED_AFTER_LIQUIDATION"));
        assertThat(faults(anInvestment("361002", "1", "2022-10-11"), aFiledFund())).extracting(FieldError::pointer, FieldError::code)
                .containsExactly(tuple("/investedOn", "DATE_IN_FUTURE"));
        assertThat(faults(anInvestment("361002", "1", "20220101"), aFiledFund())).extracting(FieldError::pointer, FieldError::code)
                .containsExactly(tuple("/investedOn", "INVALID_DATE"));
    }

    @Test
    void isFiledUnderTheInvesteesRegionAndCountsAsLocalOnlyInACounty() {
        assertThat(type.region(anInvestment("361090", "1", "2022-01-01"))).isEqualTo("361090");
        assertThat(type.region(anInvestment("OUTSIDE", "1", "2022-01-01"))).isNull();
        assertThat(anInvestment("361090", "1", "2022-01-01").local()).isTrue();
        assertThat(anInvestment("OUTSIDE", "1", "2022-01-01").local()).isFalse();
    }

    private List<FieldError> faults(FundInvestment investment, Fund fund) {
        return type.faults(investment, new RecordContext(null, fund, null)).block();
    }
}
