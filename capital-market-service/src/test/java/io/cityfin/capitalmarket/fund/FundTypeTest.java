package io.cityfin.capitalmarket.fund;

import static io.cityfin.capitalmarket.fund.FundFixtures.aFiledFund;
import static io.cityfin.capitalmarket.fund.FundFixtures.filed;
import static io.cityfin.capitalmarket.fund.FundFixtures.liquidatedOn;
import static io.cityfin.capitalmarket.fund.FundFixtures.managedBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.cityfin.common.identity.Caller;
import io.cityfin.common.identity.Role;
import io.cityfin.common.problem.FieldError;
import io.cityfin.reporting.record.RecordContext;
import io.cityfin.reporting.record.UniqueClaim;

class FundTypeTest {

    /** 2022-10-10 00:30 in Asia/Shanghai. */
    private final Clock clock = Clock.fixed(Instant.parse("2022-10-09T16:30:00Z"), ZoneOffset.UTC);
    private final FundType type = new FundType(clock);

    @Test
    void acceptsAFiledFundAndAnUnfiledOne() {
        assertThat(faults(aFiledFund())).isEmpty();
        assertThat(faults(filed(aFiledFund(), null, null))).isEmpty();
        assertThat(faults(liquidatedOn(aFiledFund(), "2022-10-10"))).isEmpty();
    }

    @Test
    void refusesMissingMembersWithTheirPointers() {
        assertThat(faults(new Fund(null, null, null, null, null, null, null))).extracting(FieldError::pointer, FieldError::code).containsExactly(
                tuple("/name", "MISSING_VALUE"),
                tuple("/region", "MISSING_VALUE"),
                tuple("/establishedOn", "MISSING_VALUE"),
                tuple("/manager", "MISSING_VALUE"));
        assertThat(faults(managedBy(aFiledFund(), new Fund.Manager(" ", null)))).extracting(FieldError::pointer, FieldError::code)
                .containsExactly(tuple("/manager/name", "MISSING_VALUE"), tuple("/manager/amacNo", "MISSING_VALUE"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(nullValues = "null", value = {
            "SQX123, null, /amacFiledOn, AMAC_FILING_INCOMPLETE",
            "null, 2021-06-10, /amacCode, AMAC_FILING_INCOMPLETE",
            "PQX123, 2021-06-10, /amacCode, INVALID_AMAC_CODE",
            "SQX12, 2021-06-10, /amacCode, INVALID_AMAC_CODE",
            "Sqx123, 2021-06-10, /amacCode, INVALID_AMAC_CODE",
            "SQX123, 2021-6-10, /amacFiledOn, INVALID_DATE",
            "SQX123, 2022-10-11, /amacFiledOn, DATE_IN_FUTURE"})
    void refusesAHalfGivenOrMalformedFiling(String amacCode, String amacFiledOn, String pointer, String code) {
        assertThat(faults(filed(aFiledFund(), amacCode, amacFiledOn))).extracting(FieldError::pointer, FieldError::code)
                .containsExactly(tuple(pointer, code));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"1071234", "P107123", "P10712345", "p1071234", "PA071234"})
    void refusesAManagerNumberThatIsNotPAndSevenDigits(String amacNo) {
        assertThat(faults(managedBy(aFiledFund(), new Fund.Manager("测试", amacNo)))).extracting(FieldError::pointer, FieldError::code)
                .containsExactly(tuple("/manager/amacNo", "INVALID_AMAC_NO"));
    }

    @Test
    void refusesALiquidationBeforeTheEstablishmentOrAfterToday() {
        assertThat(faults(liquidatedOn(aFiledFund(), "2021-03-31"))).extracting(FieldError::pointer, FieldError::code)
                .containsExactly(tuple("/liquidatedOn", "LIQUIDATED_BEFORE_ESTABLISHED"));
        assertThat(faults(liquidatedOn(aFiledFund(), "2022-10-11"))).extracting(FieldError::pointer, FieldError::code)
                .containsExactly(tuple("/liquidatedOn", "DATE_IN_FUTURE"));
    }

    @Test
    void refusesAnEstablishmentAfterTodayAndARegionThatIsNotACounty() {
        Fund fund = new Fund("测试基金", "361000", "2022-10-11", null, new Fund.Manager("测试", "P1071234"), null, null);

        assertThat(faults(fund)).extracting(FieldError::pointer, FieldError::code)
                .containsExactly(tuple("/region", "CITY_REGION_ON_RECORD"), tuple("/establishedOn", "DATE_IN_FUTURE"));
    }

    @Test
    void claimsItsAmacCodeForAllTimeAndNothingWhileNotFiled() {
        assertThat(type.claims(aFiledFund())).singleElement()
                .extracting(UniqueClaim::name, UniqueClaim::value, UniqueClaim::pointer, UniqueClaim::code, UniqueClaim::from, UniqueClaim::until)
                .containsExactly("amacCode", "SQX123", "/amacCode", "AMAC_CODE_TAKEN", null, null);
        assertThat(type.claims(filed(aFiledFund(), null, null))).isEmpty();
    }

    @Test
    void isFiledByItsDateAndLiquidatedFromItsDate() {
        Fund fund = liquidatedOn(aFiledFund(), "2022-06-30");

        assertThat(fund.filedBy(LocalDate.of(2021, 6, 9))).isFalse();
        assertThat(fund.filedBy(LocalDate.of(2021, 6, 10))).isTrue();
        assertThat(fund.liquidatedBy(LocalDate.of(2022, 6, 29))).isFalse();
        assertThat(fund.liquidatedBy(LocalDate.of(2022, 6, 30))).isTrue();
        assertThat(filed(fund, null, null).filedBy(LocalDate.of(2030, 1, 1))).isFalse();
    }

    @Test
    void letsOnlyStaffWriteAndRead() {
        Caller analyst = new Caller("b", Set.of(Role.ANALYST), null);
        Caller submitter = new Caller("c", Set.of(Role.SUBMITTER), "91361002MA3QT0001R");

        assertThat(type.writer(aFiledFund()).allows().test(analyst)).isTrue();
        assertThat(type.reader(aFiledFund()).allows().test(analyst)).isTrue();
        assertThat(type.writer(aFiledFund()).allows().test(submitter)).isFalse();
        assertThat(type.reader(aFiledFund()).allows().test(submitter)).isFalse();
        assertThat(type.region(aFiledFund())).isEqualTo("361002");
    }

    private List<FieldError> faults(Fund fund) {
        return type.faults(fund, RecordContext.NONE).block();
    }
}
