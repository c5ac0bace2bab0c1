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

import org.jspecify.annotations.Nullable;
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

/**
 * Disclosure control of record indicators: the cells of a measure with a contributor, counted per county and day from
 * the rows, on fake rows (no I/O).
 */
class RecordDisclosureControlTest {

    /** A deal of one firm in a region, dated. */
    record Deal(@Nullable String firm, String region, LocalDate on, BigDecimal amount) {
    }

    private static final IndicatorDefinition AMOUNT = RecordRows.measured("DEALS_AMOUNT_YTD", "金额", "Deals, amount", Unit.CNY, Kind.FLOW);
    private static final IndicatorDefinition DEALS = RecordRows.measured("DEALS_YTD", "笔数", "Deals", Unit.COUNT, Kind.FLOW);
    private static final IndicatorDefinition HELD = RecordRows.measured("DEALS_HELD", "存量", "Deals held", Unit.CNY, Kind.STOCK);
    private static final IndicatorDefinition AVERAGE = new IndicatorDefinition("DEALS_AVERAGE_YTD", "平均", "Deals, average", Unit.CNY,
            Kind.RATIO, Formula.perUnit("DEALS_AMOUNT_YTD", "DEALS_YTD"), Set.of("DEALS_AMOUNT_YTD", "DEALS_YTD"));

    private static final Period SEPTEMBER = Period.month(2022, 9);
    private static final LocalDate IN_2022 = LocalDate.of(2022, 5, 1);
    private static final LocalDate IN_2021 = LocalDate.of(2021, 5, 1);

    private final AtomicInteger asked = new AtomicInteger();

    /** 临川区 one firm; 南城县 three; 黎川县 four: 临川区 by primary, 南城县 (the fewest of the rest) by complement. */
    private final List<Deal> deals = List.of(
            deal("X", Region.LINCHUAN, IN_2022, "100"),
            deal("A", Region.NANCHENG, IN_2022, "10"), deal("B", Region.NANCHENG, IN_2022, "20"), deal("C", Region.NANCHENG, IN_2022, "30"),
            deal("D", Region.LICHUAN, IN_2022, "5"), deal("E", Region.LICHUAN, IN_2022, "6"), deal("F", Region.LICHUAN, IN_2022, "7"),
            deal("G", Region.LICHUAN, IN_2022, "8"));

    @Test
    void withholdsACountyWithOneContributorAndTheFewestOfTheRestForThePublicOnly() {
        RecordIndicatorSource source = source(deals);

        Map<String, IndicatorDto> linchuan = indicators(source, Region.LINCHUAN, Role.PORTAL);
        Map<String, IndicatorDto> nancheng = indicators(source, Region.NANCHENG, Role.PORTAL);
        Map<String, IndicatorDto> lichuan = indicators(source, Region.LICHUAN, Role.PORTAL);
        Map<String, IndicatorDto> city = indicators(source, Region.CITY, Role.PORTAL);

        assertThat(linchuan.get("DEALS_AMOUNT_YTD").getSuppressed()).isTrue();
        assertThat(linchuan.get("DEALS_AMOUNT_YTD").getValue()).isNull();
        assertThat(linchuan.get("DEALS_AMOUNT_YTD").getPreviousYearValue()).isNull();
        // derived from a withheld input: withheld too; a count of deals has no contributor and stays shown
        assertThat(linchuan.get("DEALS_AVERAGE_YTD").getSuppressed()).isTrue();
        assertThat(linchuan.get("DEALS_AVERAGE_YTD").getValue()).isNull();
        assertThat(linchuan.get("DEALS_YTD").getSuppressed()).isFalse();
        assertThat(linchuan.get("DEALS_YTD").getValue()).isEqualByComparingTo("1");
        // complement: 南城县 (3 firms) rather than 黎川县 (4)
        assertThat(nancheng.get("DEALS_AMOUNT_YTD").getSuppressed()).isTrue();
        assertThat(nancheng.get("DEALS_AMOUNT_YTD").getValue()).isNull();
        assertThat(lichuan.get("DEALS_AMOUNT_YTD").getSuppressed()).isFalse();
        assertThat(lichuan.get("DEALS_AMOUNT_YTD").getValue()).isEqualByComparingTo("26.00");
        // 100 + 60 + 26 = 186; city minus the visible county = 160, the sum of X, A, B and C, no one firm's figure
        assertThat(city.get("DEALS_AMOUNT_YTD").getSuppressed()).isFalse();
        assertThat(city.get("DEALS_AMOUNT_YTD").getValue()).isEqualByComparingTo("186.00");
        assertThat(city.get("DEALS_AMOUNT_YTD").getValue().subtract(lichuan.get("DEALS_AMOUNT_YTD").getValue()))
                .isEqualByComparingTo("160.00");
    }

    @Test
    void staffAndCityAnswersAreUnchangedAndAskNoContributor() {
        RecordIndicatorSource source = source(deals);

        Map<String, IndicatorDto> analyst = indicators(source, Region.LINCHUAN, Role.ANALYST);
        Map<String, IndicatorDto> admin = indicators(source, Region.NANCHENG, Role.ADMIN);
        Map<String, IndicatorDto> city = indicators(source, Region.CITY, Role.PORTAL);

        assertThat(analyst.get("DEALS_AMOUNT_YTD").getSuppressed()).isFalse();
        assertThat(analyst.get("DEALS_AMOUNT_YTD").getValue()).isEqualByComparingTo("100.00");
        assertThat(analyst.get("DEALS_AVERAGE_YTD").getValue()).isEqualByComparingTo("100.00");
        assertThat(admin.get("DEALS_AMOUNT_YTD").getValue()).isEqualByComparingTo("60.00");
        assertThat(city.get("DEALS_AVERAGE_YTD").getValue()).isEqualByComparingTo("23.25");
        assertThat(asked).hasValue(0);
        indicators(source, Region.LICHUAN, Role.PORTAL);
        assertThat(asked).hasPositiveValue();
    }

    @Test
    void aCallWithoutACallerAndASubmitterAreUnderControl() {
        RecordIndicatorSource source = source(deals);

        IndicatorDto anonymous = source.indicators(new IndicatorQuery(SEPTEMBER, Region.LINCHUAN)).collectList().block().stream()
                .filter(indicator -> indicator.getCode().equals("DEALS_AMOUNT_YTD")).findFirst().orElseThrow();

        assertThat(anonymous.getSuppressed()).isTrue();
        assertThat(indicators(source, Region.LINCHUAN, Role.SUBMITTER).get("DEALS_AMOUNT_YTD").getSuppressed()).isTrue();
    }

    @Test
    void countsEveryDayAnIndicatorShowsAFigureFrom() {
        // 东乡区: three firms in 2022, one a year earlier (its previousYearValue would be Y's amount)
        RecordIndicatorSource source = source(List.of(
                deal("A", Region.DONGXIANG, IN_2022, "10"), deal("B", Region.DONGXIANG, IN_2022, "20"),
                deal("C", Region.DONGXIANG, IN_2022, "30"), deal("Y", Region.DONGXIANG, IN_2021, "50"),
                deal("D", Region.LICHUAN, IN_2022, "5"), deal("E", Region.LICHUAN, IN_2022, "6"), deal("F", Region.LICHUAN, IN_2022, "7")));

        Map<String, IndicatorDto> dongxiang = indicators(source, Region.DONGXIANG, Role.PORTAL);

        assertThat(dongxiang.get("DEALS_AMOUNT_YTD").getSuppressed()).isTrue();
        assertThat(dongxiang.get("DEALS_AMOUNT_YTD").getPreviousYearValue()).isNull();
        // a stock shows its year start too: Y's deal is held at 2021-12-31 in 东乡区
        assertThat(dongxiang.get("DEALS_HELD").getSuppressed()).isTrue();
        assertThat(indicators(source, Region.LICHUAN, Role.PORTAL).get("DEALS_AMOUNT_YTD").getValue()).isEqualByComparingTo("18.00");
    }

    @Test
    void rowsInNoCountyJoinTheWithheldAndRowsNamingNoFirmCountAsOne() {
        // a deal placed in the city only: city minus the counties would give it, so the fewest of the counties goes too
        RecordIndicatorSource source = source(List.of(
                deal("P", Region.CITY, IN_2022, "70"),
                deal("A", Region.NANCHENG, IN_2022, "10"), deal("B", Region.NANCHENG, IN_2022, "20"), deal("C", Region.NANCHENG, IN_2022, "30"),
                deal("D", Region.LICHUAN, IN_2022, "5"), deal("E", Region.LICHUAN, IN_2022, "6"), deal("F", Region.LICHUAN, IN_2022, "7"),
                deal("G", Region.LICHUAN, IN_2022, "8"),
                deal(null, Region.ZIXI, IN_2022, "1"), deal(null, Region.ZIXI, IN_2022, "2"), deal("H", Region.ZIXI, IN_2022, "3")));

        // 资溪县: two contributors (H and the unnamed), withheld; with P they cover 3, so no complement is needed
        assertThat(indicators(source, Region.ZIXI, Role.PORTAL).get("DEALS_AMOUNT_YTD").getSuppressed()).isTrue();
        assertThat(indicators(source, Region.NANCHENG, Role.PORTAL).get("DEALS_AMOUNT_YTD").getSuppressed()).isFalse();

        RecordIndicatorSource cityOnly = source(List.of(
                deal("P", Region.CITY, IN_2022, "70"),
                deal("A", Region.NANCHENG, IN_2022, "10"), deal("B", Region.NANCHENG, IN_2022, "20"), deal("C", Region.NANCHENG, IN_2022, "30"),
                deal("D", Region.LICHUAN, IN_2022, "5"), deal("E", Region.LICHUAN, IN_2022, "6"), deal("F", Region.LICHUAN, IN_2022, "7"),
                deal("G", Region.LICHUAN, IN_2022, "8")));

        assertThat(indicators(cityOnly, Region.NANCHENG, Role.PORTAL).get("DEALS_AMOUNT_YTD").getSuppressed()).isTrue();
        assertThat(indicators(cityOnly, Region.LICHUAN, Role.PORTAL).get("DEALS_AMOUNT_YTD").getValue()).isEqualByComparingTo("26.00");
    }

    private RecordIndicatorSource source(List<Deal> rows) {
        RecordRows<Deal> read = RecordRows.of(() -> Flux.fromIterable(rows));
        Function<Deal, @Nullable String> firm = deal -> {
            asked.incrementAndGet();
            return deal.firm();
        };
        RecordIndicators declared = RecordIndicators.of(
                        read.sumInYear(AMOUNT, Deal::on, Deal::amount).region(Deal::region).contributor(firm),
                        read.countInYear(DEALS, Deal::on).region(Deal::region),
                        read.measure(HELD, (deal, day) -> RecordRows.byDay(deal.on(), day) ? deal.amount() : null).region(Deal::region)
                                .contributor(firm))
                .with(AVERAGE);
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("declared", declared));
        return new RecordIndicatorSource(beans.getBeanProvider(RecordIndicators.class), year -> Mono.just(List.of()),
                new Catalogue("test-service", List.of(), Set.of()));
    }

    private static Map<String, IndicatorDto> indicators(RecordIndicatorSource source, Region region, Role role) {
        Caller caller = new Caller("test", Set.of(role), null);
        return source.indicators(new IndicatorQuery(SEPTEMBER, region)).collectList()
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(new CallerAuthentication(caller, "test"))).block().stream()
                .collect(Collectors.toMap(IndicatorDto::getCode, Function.identity()));
    }

    private static Deal deal(@Nullable String firm, Region region, LocalDate on, String amount) {
        return new Deal(firm, region.code(), on, new BigDecimal(amount));
    }
}
