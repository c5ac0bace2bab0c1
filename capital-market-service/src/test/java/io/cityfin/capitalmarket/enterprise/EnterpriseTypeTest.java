package io.cityfin.capitalmarket.enterprise;

import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.CLOCK;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.aNeeqEnterprise;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.aPlainEnterprise;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.day;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.listing;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.withListings;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.withPool;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.withReform;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.withRegion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.cityfin.capitalmarket.enterprise.Enterprise.ReservePool;
import io.cityfin.common.identity.Caller;
import io.cityfin.common.identity.Role;
import io.cityfin.common.problem.FieldError;
import io.cityfin.reporting.record.RecordContext;
import io.cityfin.reporting.record.RecordWarning;
import io.cityfin.reporting.record.UniqueClaim;

class EnterpriseTypeTest {

    private final EnterpriseType type = new EnterpriseType(CLOCK);

    static Stream<Arguments> refusals() {
        Enterprise neeq = aNeeqEnterprise();
        return Stream.of(
                Arguments.of("MISSING_VALUE", new Enterprise(null, "361002", null, null, neeq.shareholdingReform(), List.of()), "/name"),
                Arguments.of("MISSING_VALUE", withRegion(neeq, null), "/region"),
                Arguments.of("UNKNOWN_REGION", withRegion(neeq, "360100"), "/region"),
                Arguments.of("CITY_REGION_ON_RECORD", withRegion(neeq, "361000"), "/region"),
                Arguments.of("INVALID_DATE", new Enterprise("n", "361002", "2021-02-30", null, neeq.shareholdingReform(), List.of()),
                        "/specialisedSmeSince"),
                Arguments.of("DATE_IN_FUTURE", new Enterprise("n", "361002", "2022-10-16", null, neeq.shareholdingReform(), List.of()),
                        "/specialisedSmeSince"),
                Arguments.of("MISSING_VALUE", withPool(neeq, new ReservePool(null, null)), "/reservePool/since"),
                Arguments.of("RESERVE_POOL_UNTIL_BEFORE_SINCE", withPool(neeq, new ReservePool("2022-03-01", "2022-02-28")),
                        "/reservePool/until"),
                Arguments.of("MISSING_VALUE", new Enterprise("n", "361002", null, null, null, List.of()), "/shareholdingReform"),
                Arguments.of("MISSING_VALUE", withReform(aPlainEnterprise(), null, null, null), "/shareholdingReform/status"),
                Arguments.of("UNKNOWN_REFORM_STATUS", withReform(aPlainEnterprise(), "STARTED", null, null), "/shareholdingReform/status"),
                Arguments.of("SIGNED_ON_MISSING", withReform(aPlainEnterprise(), "SIGNED", null, null), "/shareholdingReform/signedOn"),
                Arguments.of("COMPLETED_ON_NOT_COMPLETED", withReform(aPlainEnterprise(), "SIGNED", "2022-01-01", "2022-02-01"),
                        "/shareholdingReform/completedOn"),
                Arguments.of("COMPLETED_BEFORE_SIGNED", withReform(aPlainEnterprise(), "COMPLETED", "2022-01-01", "2021-12-31"),
                        "/shareholdingReform/completedOn"),
                Arguments.of("REFORM_DATES_WITHOUT_REFORM", withReform(aPlainEnterprise(), "NONE", "2022-01-01", null),
                        "/shareholdingReform/signedOn"),
                Arguments.of("REFORM_DATES_WITHOUT_REFORM", withReform(aPlainEnterprise(), "NONE", null, "2022-01-01"),
                        "/shareholdingReform/completedOn"),
                Arguments.of("DATE_IN_FUTURE", withReform(aPlainEnterprise(), "SIGNED", "2022-10-16", null), "/shareholdingReform/signedOn"),
                Arguments.of("MISSING_VALUE", new Enterprise("n", "361002", null, null, neeq.shareholdingReform(), null), "/listings"),
                Arguments.of("MISSING_VALUE", withListings(neeq, listing(null, "873456", "2022-08-09", null)), "/listings/0/board"),
                Arguments.of("UNKNOWN_BOARD", withListings(neeq, listing("NASDAQ", "873456", "2022-08-09", null)), "/listings/0/board"),
                Arguments.of("UNKNOWN_BOARD", withListings(neeq, listing("NONE", "873456", "2022-08-09", null)), "/listings/0/board"),
                Arguments.of("MISSING_VALUE", withListings(neeq, listing("NEEQ", null, "2022-08-09", null)), "/listings/0/stockCode"),
                Arguments.of("STOCK_CODE_MISMATCH", withListings(neeq, listing("NEEQ", "300294", "2022-08-09", null)), "/listings/0/stockCode"),
                Arguments.of("STOCK_CODE_MISMATCH", withListings(neeq, listing("CHINEXT", "3002941", "2022-08-09", null)),
                        "/listings/0/stockCode"),
                Arguments.of("STOCK_CODE_MISMATCH", withListings(neeq, listing("OVERSEAS", "2402HK", "2022-08-09", null)),
                        "/listings/0/stockCode"),
                Arguments.of("MISSING_VALUE", withListings(neeq, listing("NEEQ", "873456", null, null)), "/listings/0/listedOn"),
                Arguments.of("INVALID_DATE", withListings(neeq, listing("NEEQ", "873456", "2022-8-9", null)), "/listings/0/listedOn"),
                Arguments.of("DATE_IN_FUTURE", withListings(neeq, listing("NEEQ", "873456", "2022-08-09", "2022-10-16")),
                        "/listings/0/delistedOn"),
                Arguments.of("DELISTED_BEFORE_LISTED", withListings(neeq, listing("NEEQ", "873456", "2022-08-09", "2022-08-08")),
                        "/listings/0/delistedOn"),
                Arguments.of("LISTING_OVERLAP", withListings(neeq, listing("REGIONAL_EQUITY", "JX0001", "2019-01-01", null),
                        listing("REGIONAL_EQUITY", "JX0002", "2022-01-01", null)), "/listings/1/listedOn"),
                Arguments.of("LISTING_OVERLAP", withListings(neeq, listing("NEEQ", "873456", "2022-06-01", null),
                        listing("BSE", "873456", "2022-08-01", null)), "/listings/1/listedOn"),
                Arguments.of("REFORM_NOT_COMPLETED", withListings(withReform(neeq, "SIGNED", "2022-01-01", null),
                        listing("NEEQ", "873456", "2022-08-09", null)), "/listings/0/board"),
                Arguments.of("REFORM_NOT_COMPLETED", withListings(neeq, listing("CHINEXT", "300294", "2022-05-17", null)),
                        "/listings/0/board"));
    }

    @ParameterizedTest(name = "{0} at {2}")
    @MethodSource("refusals")
    void refusesAnEnterpriseThatBreaksARuleWithItsPointer(String code, Enterprise content, String pointer) {
        List<FieldError> faults = type.faults(content);

        assertThat(faults).extracting(FieldError::code, FieldError::pointer).containsExactly(tuple(code, pointer));
    }

    @Test
    void acceptsTheStandardsExampleAndAListingOnTheDayItsReformWasCompleted() {
        assertThat(type.faults(aNeeqEnterprise())).isEmpty();
        assertThat(type.faults(withListings(aNeeqEnterprise(), listing("NEEQ", "873456", "2022-05-18", null)))).isEmpty();
    }

    @Test
    void acceptsAMoveFromNeeqToBseOnTheSameDayAndAnUndatedOldReform() {
        Enterprise moved = withListings(withReform(aNeeqEnterprise(), "COMPLETED", null, null),
                listing("NEEQ", "873456", "2016-01-10", "2022-08-01"), listing("BSE", "873456", "2022-08-01", null),
                listing("REGIONAL_EQUITY", "JX0001", "2014-01-01", "2016-01-10"));

        assertThat(type.faults(moved)).isEmpty();
    }

    @Test
    void acceptsRegionalEquityListingsWithoutACompletedReform() {
        assertThat(type.faults(withListings(aPlainEnterprise(), listing("REGIONAL_EQUITY", "JX0001", "2020-01-01", null)))).isEmpty();
    }

    @Test
    void reportsEveryFaultAtOnce() {
        Enterprise bad = new Enterprise(" ", "361000", null, null, new Enterprise.ShareholdingReform("NONE", "2022-01-01", null),
                List.of(listing("STAR", "600000", "2022-01-01", null)));

        assertThat(type.faults(bad)).extracting(FieldError::code).containsExactlyInAnyOrder("MISSING_VALUE", "CITY_REGION_ON_RECORD",
                "REFORM_DATES_WITHOUT_REFORM", "STOCK_CODE_MISMATCH", "REFORM_NOT_COMPLETED");
    }

    @Test
    void claimsEachListingsBoardAndStockCodeOverItsDays() {
        Enterprise enterprise = withListings(aNeeqEnterprise(), listing("NEEQ", "873456", "2019-01-10", "2022-08-01"),
                listing("BSE", "873456", "2022-08-01", null));

        List<UniqueClaim> claims = type.claims(enterprise);

        assertThat(claims).extracting(UniqueClaim::name, UniqueClaim::value, UniqueClaim::from, UniqueClaim::until, UniqueClaim::pointer,
                UniqueClaim::code).containsExactly(
                tuple("listing", "NEEQ:873456", day("2019-01-10"), day("2022-08-01"), "/listings/0/stockCode", "STOCK_CODE_TAKEN"),
                tuple("listing", "BSE:873456", day("2022-08-01"), null, "/listings/1/stockCode", "STOCK_CODE_TAKEN"));
        assertThat(claims.get(0).overlaps(new UniqueClaim("listing", "NEEQ:873456", day("2022-08-01"), null, "/x", "C", "m"))).isFalse();
    }

    @Test
    void warnsOfAChangedRegionOnly() {
        Enterprise before = aNeeqEnterprise();

        List<RecordWarning> moved = type.warnings(withRegion(before, "361002"), new RecordContext("K", null, before));

        assertThat(moved).extracting(RecordWarning::pointer, RecordWarning::code).containsExactly(tuple("/region", "REGION_CHANGED"));
        assertThat(type.warnings(before, new RecordContext("K", null, before))).isEmpty();
        assertThat(type.warnings(before, new RecordContext("K", null, null))).isEmpty();
    }

    @Test
    void letsAdminsAndAnalystsWriteAndFilesTheEnterpriseUnderItsRegion() {
        assertThat(Arrays.stream(Role.values()).filter(role -> type.writer(aNeeqEnterprise()).allows()
                .test(new Caller("k", java.util.Set.of(role), null)))).containsExactlyInAnyOrder(Role.ADMIN, Role.ANALYST);
        assertThat(type.region(aNeeqEnterprise())).isEqualTo("361090");
        assertThat(type.owner(aNeeqEnterprise())).isNull();
    }
}
