package io.cityfin.capitalmarket.enterprise;

import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.aNeeqEnterprise;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.aPlainEnterprise;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.day;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.listing;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.withListings;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.withPool;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.withReform;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.cityfin.capitalmarket.enterprise.Enterprise.ReservePool;

class EnterpriseTest {

    @Test
    void countsAListingOpenFromItsListingDayUntilTheDayBeforeItsDelisting() {
        Enterprise enterprise = withListings(aNeeqEnterprise(), listing("NEEQ", "873456", "2022-03-10", "2022-09-30"));

        assertThat(enterprise.isListedAt(Board.NEEQ, day("2022-03-09"))).isFalse();
        assertThat(enterprise.isListedAt(Board.NEEQ, day("2022-03-10"))).isTrue();
        assertThat(enterprise.isListedAt(Board.NEEQ, day("2022-09-29"))).isTrue();
        assertThat(enterprise.isListedAt(Board.NEEQ, day("2022-09-30"))).isFalse();
        assertThat(enterprise.isListedAt(Board.BSE, day("2022-06-30"))).isFalse();
    }

    @Test
    void answersTheBoardOfTheFirstOpenListingInTheTablesOrderOrNone() {
        Enterprise enterprise = withListings(aNeeqEnterprise(), listing("REGIONAL_EQUITY", "JX1234", "2019-01-01", null),
                listing("NEEQ", "873456", "2020-05-01", "2022-06-01"), listing("BSE", "873456", "2022-06-01", null));

        assertThat(enterprise.boardAt(day("2018-12-31"))).isEqualTo("NONE");
        assertThat(enterprise.boardAt(day("2019-06-30"))).isEqualTo("REGIONAL_EQUITY");
        assertThat(enterprise.boardAt(day("2021-12-31"))).isEqualTo("NEEQ");
        assertThat(enterprise.boardAt(day("2022-06-01"))).isEqualTo("BSE");
    }

    @Test
    void countsAListedCompanyOnExchangeBoardsAndOverseasOnlyAndOnce() {
        Enterprise twoMarkets = withListings(aNeeqEnterprise(), listing("CHINEXT", "300294", "2012-05-15", null),
                listing("OVERSEAS", "2402.HK", "2020-01-10", null));
        Enterprise neeqOnly = aNeeqEnterprise();

        assertThat(twoMarkets.isListedCompanyAt(day("2022-09-30"))).isTrue();
        assertThat(twoMarkets.isListedCompanyAt(day("2012-05-14"))).isFalse();
        assertThat(neeqOnly.isListedCompanyAt(day("2022-09-30"))).isFalse();
    }

    @Test
    void datesANewListingByTheFirstExchangeListingSoThatNeeqToBseCountsAndAMoveBetweenExchangesDoesNot() {
        Enterprise neeqToBse = withListings(aNeeqEnterprise(), listing("NEEQ", "873456", "2019-01-10", "2022-08-01"),
                listing("BSE", "873456", "2022-08-01", null));
        Enterprise starToShanghai = withListings(aNeeqEnterprise(), listing("STAR", "688123", "2020-07-01", "2022-05-01"),
                listing("MAIN_BOARD_SH", "601234", "2022-05-01", null));

        assertThat(neeqToBse.firstListedOn()).isEqualTo(day("2022-08-01"));
        assertThat(starToShanghai.firstListedOn()).isEqualTo(day("2020-07-01"));
        assertThat(aPlainEnterprise().firstListedOn()).isNull();
    }

    @Test
    void completesAReformOnItsDayAndAnUndatedCompletedReformAlways() {
        Enterprise dated = withReform(aPlainEnterprise(), "COMPLETED", "2021-11-20", "2022-05-18");
        Enterprise undated = withReform(aPlainEnterprise(), "COMPLETED", null, null);

        assertThat(dated.isReformCompletedBy(day("2022-05-17"))).isFalse();
        assertThat(dated.isReformCompletedBy(day("2022-05-18"))).isTrue();
        assertThat(dated.reformCompletedOn()).isEqualTo(day("2022-05-18"));
        assertThat(undated.isReformCompletedBy(day("1990-01-01"))).isTrue();
        assertThat(undated.reformCompletedOn()).as("done, never new").isNull();
    }

    @Test
    void countsASignedReformFromItsSigningUntilItIsCompleted() {
        Enterprise signed = withReform(aPlainEnterprise(), "SIGNED", "2022-04-01", null);
        Enterprise completedLater = withReform(aPlainEnterprise(), "COMPLETED", "2022-04-01", "2022-11-01");

        assertThat(signed.isReformSignedAt(day("2022-03-31"))).isFalse();
        assertThat(signed.isReformSignedAt(day("2022-04-01"))).isTrue();
        assertThat(completedLater.isReformSignedAt(day("2022-09-30"))).isTrue();
        assertThat(completedLater.isReformSignedAt(day("2022-11-01"))).isFalse();
        assertThat(aPlainEnterprise().isReformSignedAt(day("2022-09-30"))).isFalse();
    }

    @Test
    void coversADayInTheReservePoolFromItsSinceUntilTheDayBeforeItsUntil() {
        Enterprise pooled = withPool(aPlainEnterprise(), new ReservePool("2022-03-01", "2022-09-30"));

        assertThat(pooled.isInReservePoolAt(day("2022-02-28"))).isFalse();
        assertThat(pooled.isInReservePoolAt(day("2022-03-01"))).isTrue();
        assertThat(pooled.isInReservePoolAt(day("2022-09-29"))).isTrue();
        assertThat(pooled.isInReservePoolAt(day("2022-09-30"))).isFalse();
        assertThat(aNeeqEnterprise().isInReservePoolAt(day("2030-01-01"))).as("open-ended").isTrue();
    }

    @Test
    void countsASpecialisedSmeFromItsRecognition() {
        assertThat(aNeeqEnterprise().isSpecialisedSmeAt(day("2021-06-30"))).isFalse();
        assertThat(aNeeqEnterprise().isSpecialisedSmeAt(day("2021-07-01"))).isTrue();
        assertThat(aPlainEnterprise().isSpecialisedSmeAt(day("2022-09-30"))).isFalse();
    }
}
