package io.cityfin.platform.rating;

import static io.cityfin.reporting.catalogue.Kind.FLOW;
import static io.cityfin.reporting.catalogue.Kind.RATIO;
import static io.cityfin.reporting.catalogue.Kind.STOCK;
import static io.cityfin.reporting.catalogue.Unit.COUNT;
import static io.cityfin.reporting.catalogue.Unit.PERCENT;
import static io.cityfin.reporting.indicator.RecordRows.byDay;
import static io.cityfin.reporting.indicator.RecordRows.measured;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cityfin.platform.registry.Platform;
import io.cityfin.reporting.indicator.Formula;
import io.cityfin.reporting.indicator.IndicatorDefinition;
import io.cityfin.reporting.indicator.RecordIndicators;
import io.cityfin.reporting.indicator.RecordMeasure;
import io.cityfin.reporting.indicator.RecordRows;
import io.cityfin.reporting.record.RecordFamily;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.Records;

/**
 * Ratings on the record machinery, under the platforms (bean {@code ratings}), and the 13 indicators of the registry
 * and the ratings at the period's last day D (data-standard-2.md, "Platform indicators"), each in its platform's
 * region, measured on every platform not withdrawn with its ratings not withdrawn.
 */
@Configuration(proxyBeanMethods = false)
class RatingConfiguration {

    static final IndicatorDefinition SHELL_TARGET = measured("SHELL_PLATFORM_TARGET_COUNT", "清理空壳平台公司",
            "Shell platforms to clean up (shell at any date so far)", COUNT, STOCK);
    static final IndicatorDefinition SHELL_DEREGISTERED = measured("SHELL_PLATFORM_DEREGISTERED_COUNT", "已完成注销",
            "Shell platforms deregistered", COUNT, STOCK);
    static final IndicatorDefinition CLEANUP_RATE = new IndicatorDefinition("SHELL_PLATFORM_CLEANUP_RATE", "完成率",
            "Shell platform clean-up rate", PERCENT, RATIO, Formula.percentOf(SHELL_DEREGISTERED.code(), SHELL_TARGET.code()),
            Set.of(SHELL_DEREGISTERED.code(), SHELL_TARGET.code()));

    @Bean
    RecordService<Rating> ratings(Records records, RecordService<Platform> platforms, Clock clock) {
        return new RecordService<>(records, new RatingType(clock, records), clock).under(platforms);
    }

    @Bean
    RecordIndicators platformIndicators(RecordService<Platform> platforms, RecordService<Rating> ratings) {
        return indicators(RecordRows.families(platforms, ratings));
    }

    /** The measures on these rows: each platform with its ratings. */
    static RecordIndicators indicators(RecordRows<RecordFamily<Platform, Rating>> rows) {
        List<RecordMeasure<?>> measures = List.of(
                count(rows, "PLATFORM_L1_COUNT", "政府融资平台一级公司", "Level-1 financing platforms", p -> true, Platform::activeL1On),
                count(rows, "PLATFORM_L1_CITY_COUNT", "市本级一级公司", "Level-1 financing platforms, city tier", tier(Platform.CITY),
                        Platform::activeL1On),
                count(rows, "PLATFORM_L1_COUNTY_COUNT", "县（区）一级公司", "Level-1 financing platforms, county tier", tier(Platform.COUNTY),
                        Platform::activeL1On),
                rated(rows, "PLATFORM_RATED_AAA_COUNT", "评级AAA", "Platforms rated AAA", "AAA"),
                rated(rows, "PLATFORM_RATED_AA_PLUS_COUNT", "评级AA+", "Platforms rated AA+", "AA+"),
                rated(rows, "PLATFORM_RATED_AA_COUNT", "评级AA", "Platforms rated AA", "AA"),
                rows.count(measured("PLATFORM_RATED_AA_OR_ABOVE_COUNT", "信用评级AA以上（含AA）", "Platforms rated AA or above", COUNT, STOCK),
                        (family, day) -> ratedAtLeast(family, day, "AA")).region(RatingConfiguration::region),
                rows.count(measured("PLATFORM_NEW_AAA_CITY_YTD", "市本级新增AAA平台", "New AAA platforms at city tier, year to date", COUNT, FLOW),
                        (family, day) -> ratedAtLeast(family, day, "AAA") && !ratedAtLeast(family, lastDecember(day), "AAA"))
                        .when(family -> Platform.CITY.equals(family.content().tier())).region(RatingConfiguration::region),
                rows.count(measured("PLATFORM_NEW_AA_COUNTY_YTD", "县域新增AA平台", "New AA-or-above platforms in the counties, year to date", COUNT,
                        FLOW), (family, day) -> ratedAtLeast(family, day, "AA") && !ratedAtLeast(family, lastDecember(day), "AA"))
                        .when(family -> Platform.COUNTY.equals(family.content().tier())).region(RatingConfiguration::region),
                count(rows, "SHELL_PLATFORM_COUNT", "现存空壳平台", "Shell platforms", p -> true, (p, day) -> p.is(Platform.SHELL, day)),
                rows.count(SHELL_TARGET, (family, day) -> byDay(family.content().firstDay(Platform.SHELL), day)).region(RatingConfiguration::region),
                rows.count(SHELL_DEREGISTERED, (family, day) -> byDay(family.content().firstDay(Platform.SHELL), day)
                        && family.content().is(Platform.DEREGISTERED, day)).region(RatingConfiguration::region));
        return new RecordIndicators(measures, List.of(CLEANUP_RATE));
    }

    private static RecordMeasure<RecordFamily<Platform, Rating>> count(RecordRows<RecordFamily<Platform, Rating>> rows, String code, String nameZh,
                                                                       String nameEn, Predicate<Platform> which,
                                                                       java.util.function.BiPredicate<Platform, LocalDate> inState) {
        return rows.count(measured(code, nameZh, nameEn, COUNT, STOCK), (family, day) -> inState.test(family.content(), day))
                .when(family -> which.test(family.content())).region(RatingConfiguration::region);
    }

    private static RecordMeasure<RecordFamily<Platform, Rating>> rated(RecordRows<RecordFamily<Platform, Rating>> rows, String code, String nameZh,
                                                                       String nameEn, String rating) {
        return rows.count(measured(code, nameZh, nameEn, COUNT, STOCK),
                (family, day) -> family.content().activeOn(day) && Rating.at(family.children(), day).filter(rating::equals).isPresent())
                .region(RatingConfiguration::region);
    }

    /** "Rated {@code floor} or above" at D: ACTIVE at D (any level) with a rating at D of {@code floor} or above. */
    static boolean ratedAtLeast(RecordFamily<Platform, Rating> family, LocalDate day, String floor) {
        return family.content().activeOn(day) && Rating.at(family.children(), day).filter(rating -> Rating.atLeast(rating, floor)).isPresent();
    }

    /** The previous December's last day: the base of the "new" counts. */
    static LocalDate lastDecember(LocalDate day) {
        return LocalDate.of(day.getYear() - 1, 12, 31);
    }

    private static Predicate<Platform> tier(String tier) {
        return platform -> tier.equals(platform.tier());
    }

    private static String region(RecordFamily<Platform, Rating> family) {
        return String.valueOf(family.content().region());
    }
}
