package io.cityfin.reporting.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import io.cityfin.reporting.catalogue.Item;
import io.cityfin.reporting.catalogue.Kind;
import io.cityfin.reporting.catalogue.Unit;
import io.cityfin.reporting.indicator.ReportFigures.ItemPeriod;
import reactor.core.publisher.Mono;

/**
 * Who is under disclosure control and what it reads: staff and city answers ask for no county counts and no
 * institutions; a PORTAL county answer asks for the counts with the sums, and for the institutions of the primary
 * counties only where the county asked has 3 or more.
 */
class ReportIndicatorSourceTest {

    private static final Period SEP_2022 = Period.parse("2022-09");
    private static final Period DEC_2021 = Period.parse("2021-12");

    /** 南城县: 1 bank with deposits at 2022-09; 黎川县: 3 (the complement); 南丰县: 4; loans in 黎川县 from 2 banks at 2021-12. */
    private static final Map<ItemPeriod, Map<Region, Integer>> LINES = Map.of(
            new ItemPeriod("DEPOSIT_BALANCE", SEP_2022), Map.of(Region.NANCHENG, 1, Region.LICHUAN, 3, Region.NANFENG, 4),
            new ItemPeriod("LOAN_BALANCE", SEP_2022), Map.of(Region.LICHUAN, 3),
            new ItemPeriod("LOAN_BALANCE", DEC_2021), Map.of(Region.LICHUAN, 2));

    private final Catalogue catalogue = new Catalogue("test-service", List.of(
            new Item("DEPOSIT_BALANCE", "存款", "Deposits", Unit.CNY, Kind.STOCK, false, true, false),
            new Item("LOAN_BALANCE", "贷款", "Loans", Unit.CNY, Kind.STOCK, false, true, false)), Set.of("BANK"));
    private final List<Boolean> loads = new ArrayList<>();
    private final List<Map<ItemPeriod, Set<Region>>> institutionReads = new ArrayList<>();

    private final ReportFigures figures = new ReportFigures() {
        @Override
        public Mono<Loaded> load(FigurePeriods periods, Region region, List<MapFigures.Weighting> weightings, boolean countyLines,
                                 List<Optional<Set<String>>> tallied) {
            loads.add(countyLines);
            Figures september = MapFigures.of(Map.of("DEPOSIT_BALANCE", new BigDecimal("600"), "LOAN_BALANCE", new BigDecimal("900")));
            Figures december = MapFigures.of(Map.of("LOAN_BALANCE", new BigDecimal("300")));
            return Mono.just(new Loaded(Map.of(SEP_2022, september, DEC_2021, december),
                    List.of(new Contribution(Set.of("DEPOSIT_BALANCE", "LOAN_BALANCE"), 3)), countyLines ? LINES : Map.of(),
                    Map.of(Optional.empty(), new ExpectedReports.Tally(5, 5))));
        }

        @Override
        public Mono<Map<ItemPeriod, Map<Region, Set<String>>>> contributors(Map<ItemPeriod, Set<Region>> cells) {
            institutionReads.add(cells);
            return Mono.just(Map.of(new ItemPeriod("DEPOSIT_BALANCE", SEP_2022), Map.of(Region.NANCHENG, Set.of("E1"))));
        }
    };

    private final ReportIndicatorSource source = new ReportIndicatorSource(catalogue,
            new IndicatorDefinitions(catalogue, Optional.empty(), new StaticListableBeanFactory().getBeanProvider(RecordIndicators.class)),
            figures, year -> Mono.just(List.of()));

    @Test
    void readsNothingForDisclosureControlForStaffOrForTheCity() {
        Map<String, IndicatorDto> admin = indicators(Region.LICHUAN, Role.ADMIN);
        Map<String, IndicatorDto> analyst = indicators(Region.LICHUAN, Role.ANALYST);
        Map<String, IndicatorDto> portalCity = indicators(Region.CITY, Role.PORTAL);

        assertThat(loads).containsExactly(false, false, false);
        assertThat(institutionReads).isEmpty();
        assertThat(List.of(admin, analyst, portalCity)).allSatisfy(sheet -> {
            assertThat(sheet.get("DEPOSIT_BALANCE").getSuppressed()).isFalse();
            assertThat(sheet.get("LOAN_BALANCE").getSuppressed()).isFalse();
            assertThat(sheet.get("LOAN_BALANCE").getYearStartValue()).isEqualByComparingTo("300.00");
        });
    }

    @Test
    void withholdsThePortalsCountyIndicatorsWhoseCellsAreWithheldReadingOnlyThePrimaryCountysBanks() {
        Map<String, IndicatorDto> lichuan = indicators(Region.LICHUAN, Role.PORTAL);

        assertThat(loads).containsExactly(true);
        // 黎川县's deposits (3 banks) are undecided while 南城县 has 1: only 南城县's banks are read
        assertThat(institutionReads).containsExactly(Map.of(new ItemPeriod("DEPOSIT_BALANCE", SEP_2022), Set.of(Region.NANCHENG)));
        assertThat(lichuan.get("DEPOSIT_BALANCE").getSuppressed()).isTrue();
        assertThat(lichuan.get("DEPOSIT_BALANCE").getValue()).isNull();
        // loans: 3 banks at 2022-09 but 2 at the year start it shows
        assertThat(lichuan.get("LOAN_BALANCE").getSuppressed()).isTrue();
        assertThat(lichuan.get("LOAN_BALANCE").getReportingInstitutions()).isEqualTo(3);
    }

    @Test
    void readsNoBanksWhenTheCountsDecideAndTreatsACallWithoutACallerAsPublic() {
        Map<String, IndicatorDto> nancheng = source.indicators(new IndicatorQuery(SEP_2022, Region.NANCHENG)).collectList().block()
                .stream().collect(Collectors.toMap(IndicatorDto::getCode, Function.identity()));

        assertThat(loads).containsExactly(true);
        // 南城县's deposits have 1 bank (withheld whoever it is), its loans none (nothing to withhold)
        assertThat(institutionReads).isEmpty();
        assertThat(nancheng.get("DEPOSIT_BALANCE").getSuppressed()).isTrue();
        assertThat(nancheng.get("LOAN_BALANCE").getSuppressed()).isFalse();
    }

    private Map<String, IndicatorDto> indicators(Region region, Role role) {
        Caller caller = new Caller("test", Set.of(role), null);
        return source.indicators(new IndicatorQuery(SEP_2022, region)).collectList()
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(new CallerAuthentication(caller, "test"))).block().stream()
                .collect(Collectors.toMap(IndicatorDto::getCode, Function.identity()));
    }
}
