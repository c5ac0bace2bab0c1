package io.cityfin.capitalmarket.financing;

import static io.cityfin.capitalmarket.financing.IssueFixtures.SECURITIES_FIRM;
import static io.cityfin.capitalmarket.financing.IssueFixtures.aCorporateBond;
import static io.cityfin.capitalmarket.financing.IssueFixtures.issuedOn;
import static io.cityfin.capitalmarket.financing.IssueFixtures.ledBy;
import static io.cityfin.capitalmarket.financing.IssueFixtures.withAmount;
import static io.cityfin.capitalmarket.financing.IssueFixtures.withInstrument;
import static io.cityfin.capitalmarket.financing.IssueFixtures.withIssuer;
import static io.cityfin.capitalmarket.financing.IssueFixtures.withRegion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
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

class IssueTypeTest {

    /** 2022-10-10 00:30 in Asia/Shanghai, still 2022-10-09 in UTC. */
    private final Clock clock = Clock.fixed(Instant.parse("2022-10-09T16:30:00Z"), ZoneOffset.UTC);
    private final IssueType type = new IssueType(new InMemoryInstitutions()
            .with(SECURITIES_FIRM, "SECURITIES_SALES_DEPT", "361002", "2022-05-20", null)
            .with("CLOSED01", "SECURITIES_BRANCH", "361002", "2010-01-01", "2021-12-31"), clock);

    @Test
    void acceptsAValidIssueWithAndWithoutALeadUnderwriter() {
        assertThat(faults(aCorporateBond())).isEmpty();
        assertThat(faults(ledBy(aCorporateBond(), SECURITIES_FIRM))).isEmpty();
    }

    @Test
    void acceptsAnIssueOnTodayInAsiaShanghaiThoughUtcIsStillYesterday() {
        assertThat(faults(issuedOn(aCorporateBond(), "2022-10-10"))).isEmpty();
    }

    @Test
    void refusesEveryFaultAtOnceWithItsPointer() {
        Issue everythingWrong = new Issue(new Issue.Issuer("91361000MA35GF2F4X", " ", "BANK"), "361000", "LOANS", "MTN", null,
                new BigDecimal("-1"), "2022-10-11", "NOSUCH");

        assertThat(faults(everythingWrong)).extracting(FieldError::pointer, FieldError::code).containsExactly(
                tuple("/issuer/uscc", "INVALID_USCC"),
                tuple("/issuer/name", "MISSING_VALUE"),
                tuple("/issuer/kind", "UNKNOWN_ISSUER_KIND"),
                tuple("/region", "CITY_REGION_ON_RECORD"),
                tuple("/channel", "UNKNOWN_CHANNEL"),
                tuple("/securityCode", "MISSING_VALUE"),
                tuple("/amount", "AMOUNT_NOT_POSITIVE"),
                tuple("/issuedOn", "DATE_IN_FUTURE"),
                tuple("/leadUnderwriter", "UNKNOWN_INSTITUTION"));
    }

    @Test
    void refusesAMissingIssuerAndMissingMembersWithMissingValue() {
        Issue empty = new Issue(null, null, null, null, null, null, null, null);

        assertThat(faults(empty)).extracting(FieldError::pointer, FieldError::code).containsExactly(
                tuple("/issuer", "MISSING_VALUE"),
                tuple("/region", "MISSING_VALUE"),
                tuple("/channel", "MISSING_VALUE"),
                tuple("/instrument", "MISSING_VALUE"),
                tuple("/securityCode", "MISSING_VALUE"),
                tuple("/amount", "MISSING_VALUE"),
                tuple("/issuedOn", "MISSING_VALUE"));
        assertThat(faults(withIssuer(aCorporateBond(), new Issue.Issuer(null, null, null))))
                .extracting(FieldError::pointer).containsExactly("/issuer/uscc", "/issuer/name", "/issuer/kind");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "91361000MA35GF2F4, INVALID_USCC",
            "91361000MA35GF2F4Z, INVALID_USCC",
            "91361000MA35GF2FOY, INVALID_USCC",
            "91361000ma35gf2f4y, INVALID_USCC"})
    void refusesAUsccWithoutItsCheckCharacterOrOutsideTheAlphabet(String uscc, String code) {
        assertThat(faults(withIssuer(aCorporateBond(), new Issue.Issuer(uscc, "测试", "ENTERPRISE"))))
                .extracting(FieldError::pointer, FieldError::code).containsExactly(tuple("/issuer/uscc", code));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"360100, UNKNOWN_REGION", "361000, CITY_REGION_ON_RECORD", "OUTSIDE, UNKNOWN_REGION"})
    void refusesARegionThatIsNotACountyOfTheCity(String region, String code) {
        assertThat(faults(withRegion(aCorporateBond(), region))).extracting(FieldError::pointer, FieldError::code)
                .containsExactly(tuple("/region", code));
    }

    @Test
    void acceptsTheCityRegionOnAPlatformsIssueOnly() {
        Issue cityIssue = withRegion(aCorporateBond(), "361000");

        assertThat(faults(withIssuer(cityIssue, new Issue.Issuer("91361000MA35GF2F4Y", "市国控集团", "PLATFORM")))).isEmpty();
        for (String kind : List.of("ENTERPRISE", "FINANCIAL_INSTITUTION", "OTHER")) {
            assertThat(faults(withIssuer(cityIssue, new Issue.Issuer("91361000MA35GF2F4Y", "测试", kind))))
                    .extracting(FieldError::pointer, FieldError::code).containsExactly(tuple("/region", "CITY_REGION_ON_RECORD"));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "EXCHANGE_MARKET, MTN, /instrument, INSTRUMENT_NOT_IN_CHANNEL",
            "INTERBANK_BOND, CORPORATE_BOND, /instrument, INSTRUMENT_NOT_IN_CHANNEL",
            "ENTERPRISE_BOND, IPO, /instrument, INSTRUMENT_NOT_IN_CHANNEL",
            "OTHER, ENTERPRISE_BOND, /instrument, INSTRUMENT_NOT_IN_CHANNEL",
            "EXCHANGE_MARKET, LOAN, /instrument, UNKNOWN_INSTRUMENT",
            "BANK_LOANS, IPO, /channel, UNKNOWN_CHANNEL"})
    void refusesAChannelAndInstrumentNotOnOneRow(String channel, String instrument, String pointer, String code) {
        assertThat(faults(withInstrument(aCorporateBond(), channel, instrument))).extracting(FieldError::pointer, FieldError::code)
                .containsExactly(tuple(pointer, code));
    }

    @Test
    void acceptsEveryInstrumentOfItsChannel() {
        IssueType.INSTRUMENTS.forEach((channel, instruments) -> instruments.forEach(instrument ->
                assertThat(faults(withInstrument(aCorporateBond(), channel, instrument))).as(channel + " " + instrument).isEmpty()));
        assertThat(IssueType.INSTRUMENTS.values().stream().mapToInt(Set::size).sum()).isEqualTo(13);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"0, AMOUNT_NOT_POSITIVE", "-0.01, AMOUNT_NOT_POSITIVE", "1.005, TOO_MANY_DECIMALS"})
    void refusesAnAmountNotAboveZeroOrWithMoreThanTwoDecimals(String amount, String code) {
        assertThat(faults(withAmount(aCorporateBond(), amount))).extracting(FieldError::pointer, FieldError::code)
                .containsExactly(tuple("/amount", code));
    }

    @Test
    void acceptsTrailingZerosBeyondTwoDecimals() {
        assertThat(faults(withAmount(aCorporateBond(), "1.2300"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2022/06/15, INVALID_DATE", "2022-6-15, INVALID_DATE", "2022-02-30, INVALID_DATE", "2022-10-11, DATE_IN_FUTURE"})
    void refusesAMalformedIssueDateOrOneAfterToday(String day, String code) {
        assertThat(faults(issuedOn(aCorporateBond(), day))).extracting(FieldError::pointer, FieldError::code)
                .containsExactly(tuple("/issuedOn", code));
    }

    @Test
    void refusesALeadUnderwriterOutsideTheRegistryOrNotActiveOnTheIssueDate() {
        assertThat(faults(ledBy(aCorporateBond(), "NOSUCH"))).extracting(FieldError::pointer, FieldError::code)
                .containsExactly(tuple("/leadUnderwriter", "UNKNOWN_INSTITUTION"));
        assertThat(faults(ledBy(issuedOn(aCorporateBond(), "2022-05-19"), SECURITIES_FIRM))).extracting(FieldError::code)
                .containsExactly("INSTITUTION_INACTIVE");
        assertThat(faults(ledBy(issuedOn(aCorporateBond(), "2022-01-01"), "CLOSED01"))).extracting(FieldError::code)
                .containsExactly("INSTITUTION_INACTIVE");
        assertThat(faults(ledBy(issuedOn(aCorporateBond(), "2021-12-31"), "CLOSED01"))).isEmpty();
        assertThat(faults(ledBy(aCorporateBond(), " "))).extracting(FieldError::code).containsExactly("UNKNOWN_INSTITUTION");
    }

    @Test
    void claimsItsSecurityCodeForAllTime() {
        assertThat(type.claims(aCorporateBond())).singleElement().satisfies(claim -> {
            assertThat(claim).extracting(UniqueClaim::name, UniqueClaim::value, UniqueClaim::pointer, UniqueClaim::code)
                    .containsExactly("securityCode", "185123.SH", "/securityCode", "SECURITY_CODE_TAKEN");
            assertThat(claim.from()).isNull();
            assertThat(claim.until()).isNull();
        });
        assertThat(type.claims(new Issue(null, null, null, null, null, null, null, null))).isEmpty();
    }

    @Test
    void isFiledUnderTheIssuersRegionAndOwnedByItsLeadUnderwriter() {
        assertThat(type.region(aCorporateBond())).isEqualTo("361002");
        assertThat(type.owner(aCorporateBond())).isNull();
        assertThat(type.owner(ledBy(aCorporateBond(), SECURITIES_FIRM))).isEqualTo(SECURITIES_FIRM);
    }

    @Test
    void letsStaffWriteAndReadEveryIssueAndASecuritiesFirmOnlyTheOnesItLed() {
        Caller admin = new Caller("a", Set.of(Role.ADMIN), null);
        Caller analyst = new Caller("b", Set.of(Role.ANALYST), null);
        Caller firm = new Caller("c", Set.of(Role.SUBMITTER), SECURITIES_FIRM);
        Caller otherFirm = new Caller("d", Set.of(Role.SUBMITTER), "91361002MA3QT0002W");
        Caller portal = new Caller("e", Set.of(Role.PORTAL), null);
        Issue led = ledBy(aCorporateBond(), SECURITIES_FIRM);

        for (Issue issue : List.of(aCorporateBond(), led)) {
            assertThat(type.writer(issue).allows().test(admin)).isTrue();
            assertThat(type.writer(issue).allows().test(analyst)).isTrue();
            assertThat(type.reader(issue).allows().test(analyst)).isTrue();
            assertThat(type.writer(issue).allows().test(otherFirm)).isFalse();
            assertThat(type.reader(issue).allows().test(otherFirm)).isFalse();
        }
        assertThat(type.writer(led).allows().test(firm)).isTrue();
        assertThat(type.reader(led).allows().test(firm)).isTrue();
        assertThat(type.writer(aCorporateBond()).allows().test(firm)).isFalse();
        assertThat(type.reader(aCorporateBond()).allows().test(firm)).isFalse();
        assertThat(type.reader(led).allows().test(portal)).isFalse();
        assertThat(type.writer(aCorporateBond()).allows().test(portal)).isFalse();
    }

    private List<FieldError> faults(Issue issue) {
        return type.faults(issue, RecordContext.NONE).block();
    }
}
