package io.cityfin.reporting.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;

import io.cityfin.common.identity.Caller;
import io.cityfin.common.identity.CallerAuthentication;
import io.cityfin.common.identity.Role;
import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import io.cityfin.reporting.catalogue.Catalogue;
import io.cityfin.reporting.catalogue.Kind;
import io.cityfin.reporting.catalogue.Unit;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Declared record indicators evaluated at each period's last day, with the calculator's comparisons and targets. */
class RecordIndicatorSourceTest {

    record Visit(String shop, String region, LocalDate on, BigDecimal spent, LocalDate openedOn) {
    }

    private static final IndicatorDefinition VISITS = RecordRows.measured("VISITS_YTD", "访问", "Visits", Unit.COUNT, Kind.FLOW);
    private static final IndicatorDefinition SHOPS = RecordRows.measured("SHOPS_VISITED_YTD", "店", "Shops visited", Unit.COUNT, Kind.FLOW);
    private static final IndicatorDefinition SPENT = RecordRows.measured("SPENT_YTD", "花费", "Spent", Unit.CNY, Kind.FLOW);
    private static final IndicatorDefinition OPEN = RecordRows.measured("OPEN_SHOPS", "开", "Shops open", Unit.COUNT, Kind.STOCK);
    private static final IndicatorDefinition TWICE = new IndicatorDefinition("SPENT_TWICE_YTD", "两倍", "Spent twice", Unit.CNY, Kind.FLOW,
            Formula.sum("SPENT_YTD", "SPENT_YTD"), Set.of("SPENT_YTD"));

    private final List<Visit> visits = List.of(
            new Visit("A", "361002", LocalDate.of(2021, 9, 30), new BigDecimal("10"), LocalDate.of(2020, 1, 1)),
            new Visit("A", "361002", LocalDate.of(2022, 1, 1), new BigDecimal("20.50"), LocalDate.of(2020, 1, 1)),
            new Visit("A", "361002", LocalDate.of(2022, 9, 30), new BigDecimal("30"), LocalDate.of(2020, 1, 1)),
            new Visit("B", "361021", LocalDate.of(2022, 5, 1), new BigDecimal("40"), LocalDate.of(2022, 3, 1)),
            new Visit("C", "361021", LocalDate.of(2022, 10, 1), new BigDecimal("50"), LocalDate.of(2022, 10, 1)));
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void evaluatesEveryMeasureAtTheLastDayOfEachPeriodNeededReadingTheRowsOnce() {
        Map<String, IndicatorDto> city = indicators(Period.month(2022, 9), Region.CITY);

        assertThat(city.get("VISITS_YTD").getValue()).isEqualByComparingTo("3");
        assertThat(city.get("VISITS_YTD").getPreviousYearValue()).isEqualByComparingTo("1");
        assertThat(city.get("SHOPS_VISITED_YTD").getValue()).isEqualByComparingTo("2");
        assertThat(city.get("SPENT_YTD").getValue()).isEqualByComparingTo("90.50");
        assertThat(city.get("SPENT_YTD").getTarget()).isEqualByComparingTo("181");
        assertThat(city.get("SPENT_YTD").getTargetProgressPct()).isEqualByComparingTo("50.00");
        assertThat(city.get("SPENT_TWICE_YTD").getValue()).isEqualByComparingTo("181.00");
        // a stock at D and at the year start: 1 shop open at 2021-12-31, 2 at 2022-09-30 (C opens in October)
        assertThat(city.get("OPEN_SHOPS").getValue()).isEqualByComparingTo("2");
        assertThat(city.get("OPEN_SHOPS").getYearStartValue()).isEqualByComparingTo("1");
        assertThat(reads).hasValue(1);
    }

    @Test
    void keepsTheRowsOfTheRegionAskedAndCountsZeroNotNothing() {
        Map<String, IndicatorDto> linchuan = indicators(Period.month(2022, 9), Region.LINCHUAN);
        Map<String, IndicatorDto> nancheng = indicators(Period.month(2022, 4), Region.NANCHENG);

        assertThat(linchuan.get("SPENT_YTD").getValue()).isEqualByComparingTo("50.50");
        assertThat(linchuan.get("SPENT_YTD").getTarget()).isNull();
        assertThat(nancheng.get("VISITS_YTD").getValue()).isEqualByComparingTo("0");
        assertThat(nancheng.get("OPEN_SHOPS").getValue()).isEqualByComparingTo("1");
    }

    @Test
    void withholdsACityWideOnlyGroupsRegionFiguresFromAllButStaffAndServesNoInputOnlyMeasure() {
        RecordRows<Visit> rows = RecordRows.of(() -> Flux.fromIterable(visits));
        IndicatorDefinition share = new IndicatorDefinition("SPENT_SHARE", "占比", "Share spent", Unit.PERCENT, Kind.RATIO,
                Formula.percentOf("SPENT_YTD", "VISITS_YTD"), Set.of("SPENT_YTD", "VISITS_YTD"));
        RecordIndicators cityOnly = RecordIndicators.of(rows.sumInYear(SPENT, Visit::on, Visit::spent).region(Visit::region),
                rows.countInYear(VISITS, Visit::on).region(Visit::region).inputOnly()).with(share).cityWideOnly();
        RecordIndicators open = RecordIndicators.of(rows.count(OPEN, (visit, day) -> !visit.openedOn().isAfter(day)).distinct(Visit::shop)
                .region(Visit::region));
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("cityOnly", cityOnly, "open", open));
        RecordIndicatorSource source = new RecordIndicatorSource(beans.getBeanProvider(RecordIndicators.class), year -> Mono.just(List.of()),
                new Catalogue("test-service", List.of(), Set.of()));

        Map<String, IndicatorDto> portal = indicators(source, Region.LINCHUAN, Role.PORTAL);
        Map<String, IndicatorDto> portalCity = indicators(source, Region.CITY, Role.PORTAL);
        Map<String, IndicatorDto> analyst = indicators(source, Region.LINCHUAN, Role.ANALYST);

        assertThat(portal).containsOnlyKeys("SPENT_YTD", "SPENT_SHARE", "OPEN_SHOPS");
        assertThat(portal.get("SPENT_YTD").getSuppressed()).isTrue();
        assertThat(portal.get("SPENT_YTD").getValue()).isNull();
        assertThat(portal.get("SPENT_SHARE").getValue()).isNull();
        assertThat(portal.get("OPEN_SHOPS").getSuppressed()).isFalse();
        assertThat(portal.get("OPEN_SHOPS").getValue()).isEqualByComparingTo("1");
        assertThat(portalCity.get("SPENT_YTD").getSuppressed()).isFalse();
        assertThat(portalCity.get("SPENT_YTD").getValue()).isEqualByComparingTo("90.50");
        assertThat(analyst.get("SPENT_YTD").getValue()).isEqualByComparingTo("50.50");
        // 50.50 spent over 2 visits in 临川区 in 2022 by 30 September
        assertThat(analyst.get("SPENT_SHARE").getValue()).isEqualByComparingTo("2525.00");
    }

    private static Map<String, IndicatorDto> indicators(RecordIndicatorSource source, Region region, Role role) {
        Caller caller = new Caller("test", Set.of(role), null);
        return source.indicators(new IndicatorQuery(Period.month(2022, 9), region)).collectList()
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(new CallerAuthentication(caller, "test"))).block().stream()
                .collect(Collectors.toMap(IndicatorDto::getCode, Function.identity()));
    }

    private Map<String, IndicatorDto> indicators(Period period, Region region) {
        RecordRows<Visit> rows = RecordRows.of(() -> Flux.defer(() -> {
            reads.incrementAndGet();
            return Flux.fromIterable(visits);
        }));
        RecordIndicators declared = RecordIndicators.of(
                rows.countInYear(VISITS, Visit::on).region(Visit::region),
                rows.countInYear(SHOPS, Visit::on).distinct(Visit::shop).region(Visit::region),
                rows.sumInYear(SPENT, Visit::on, Visit::spent).region(Visit::region),
                rows.count(OPEN, (visit, day) -> !visit.openedOn().isAfter(day)).distinct(Visit::shop).region(Visit::region))
                .with(TWICE);
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("declared", declared));
        IndicatorTargets targets = year -> Mono.just(year == 2022 ? List.of(new Target("SPENT_YTD", TargetKind.FLOW, new BigDecimal("181")))
                : List.of());
        RecordIndicatorSource source = new RecordIndicatorSource(beans.getBeanProvider(RecordIndicators.class), targets,
                new Catalogue("test-service", List.of(), Set.of()));
        return source.indicators(new IndicatorQuery(period, region)).collectList().block().stream()
                .collect(Collectors.toMap(IndicatorDto::getCode, Function.identity()));
    }
}
