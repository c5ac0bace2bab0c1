package io.cityfin.platform.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cityfin.platform.registry.Platform;
import io.cityfin.reporting.indicator.RecordIndicators;
import io.cityfin.reporting.indicator.RecordMeasure;
import io.cityfin.reporting.indicator.RecordRows;
import io.cityfin.reporting.record.RecordFamily;
import io.cityfin.reporting.test.TestRecords;
import reactor.core.publisher.Flux;

/** A platform's rating at D and the "rated" and "new" counts measured on it, figures worked out by hand. */
class RatingIndicatorsTest {

    static final LocalDate D = LocalDate.of(2022, 9, 30);
    static final String USCC = "91361002MA3DF00091";

    private final RecordIndicators indicators = RatingConfiguration.indicators(RecordRows.of(Flux::empty));

    static Rating rating(String agency, String rating, String action, String ratedOn) {
        return new Rating(USCC, agency, null, rating, "STABLE", action, ratedOn);
    }

    static RecordFamily<Platform, Rating> county(Rating... ratings) {
        Platform platform = new Platform("抚州市临川区城市建设投资集团有限公司", "COUNTY", "361002",
                List.of(new Platform.Entry("2012-01-15", "ACTIVE", "L1", null)));
        return TestRecords.family("platforms", USCC, platform, List.of(ratings));
    }

    BigDecimal figure(String code, List<RecordFamily<Platform, Rating>> rows, LocalDate day) {
        @SuppressWarnings("unchecked")
        RecordMeasure<RecordFamily<Platform, Rating>> measure = (RecordMeasure<RecordFamily<Platform, Rating>>) indicators.measures().stream()
                .filter(m -> m.definition().code().equals(code)).findFirst().orElseThrow();
        return measure.total(rows, day, null);
    }

    @Test
    void anAgencysTerminatedRatingRemovesItsRatingFromItsDate() {
        List<Rating> ratings = List.of(rating("CCXI", "AA+", "ASSIGNED", "2020-06-01"), rating("LIANHE", "AA", "ASSIGNED", "2021-03-01"),
                new Rating(USCC, "CCXI", null, null, "STABLE", "TERMINATED", "2022-05-10"));

        assertThat(Rating.at(ratings, LocalDate.of(2022, 5, 9))).contains("AA+");
        assertThat(Rating.at(ratings, LocalDate.of(2022, 5, 10))).contains("AA");
        assertThat(Rating.at(ratings, LocalDate.of(2020, 5, 31))).isEmpty();
        assertThat(Rating.at(List.of(new Rating(USCC, "CCXI", null, null, "STABLE", "TERMINATED", "2022-05-10"),
                rating("CCXI", "AA", "ASSIGNED", "2020-01-01")), D)).isEmpty();
    }

    @Test
    void anUpgradeFromAaToAaPlusIsNoNewAaButOneFromAaMinusIs() {
        RecordFamily<Platform, Rating> fromAa = county(rating("CCXI", "AA", "ASSIGNED", "2020-06-01"), rating("CCXI", "AA+", "UPGRADED", "2022-06-20"));
        RecordFamily<Platform, Rating> fromAaMinus = county(rating("LIANHE", "AA-", "ASSIGNED", "2020-06-01"),
                rating("LIANHE", "AA+", "UPGRADED", "2022-06-20"));

        assertThat(figure("PLATFORM_NEW_AA_COUNTY_YTD", List.of(fromAa), D)).isZero();
        assertThat(figure("PLATFORM_NEW_AA_COUNTY_YTD", List.of(fromAaMinus), D)).isEqualByComparingTo("1");
        assertThat(figure("PLATFORM_NEW_AA_COUNTY_YTD", List.of(fromAa, fromAaMinus), D)).isEqualByComparingTo("1");
        // before the upgrade, in the same year, neither is new
        assertThat(figure("PLATFORM_NEW_AA_COUNTY_YTD", List.of(fromAa, fromAaMinus), LocalDate.of(2022, 6, 19))).isZero();
        assertThat(figure("PLATFORM_RATED_AA_PLUS_COUNT", List.of(fromAa, fromAaMinus), D)).isEqualByComparingTo("2");
        assertThat(figure("PLATFORM_RATED_AA_OR_ABOVE_COUNT", List.of(fromAa, fromAaMinus), D)).isEqualByComparingTo("2");
        assertThat(figure("PLATFORM_RATED_AA_COUNT", List.of(fromAa, fromAaMinus), LocalDate.of(2021, 12, 31))).isEqualByComparingTo("1");
    }

    @Test
    void aPlatformRatedButNotActiveAtDIsNotRated() {
        Platform shell = new Platform("抚州测试平台有限公司", "COUNTY", "361022", List.of(new Platform.Entry("2012-01-15", "ACTIVE", "L1", null),
                new Platform.Entry("2022-03-01", "SHELL", "L1", null)));
        RecordFamily<Platform, Rating> family = TestRecords.family("platforms", USCC, shell, List.of(rating("CCXI", "AA", "ASSIGNED", "2020-06-01")));

        assertThat(figure("PLATFORM_RATED_AA_COUNT", List.of(family), LocalDate.of(2022, 2, 28))).isEqualByComparingTo("1");
        assertThat(figure("PLATFORM_RATED_AA_COUNT", List.of(family), D)).isZero();
        assertThat(figure("SHELL_PLATFORM_COUNT", List.of(family), D)).isEqualByComparingTo("1");
        assertThat(figure("SHELL_PLATFORM_TARGET_COUNT", List.of(family), D)).isEqualByComparingTo("1");
        assertThat(figure("PLATFORM_L1_COUNT", List.of(family), D)).isZero();
    }
}
