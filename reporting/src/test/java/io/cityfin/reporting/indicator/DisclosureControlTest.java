package io.cityfin.reporting.indicator;

import static io.cityfin.common.region.Region.CHONGREN;
import static io.cityfin.common.region.Region.DONGXIANG;
import static io.cityfin.common.region.Region.LICHUAN;
import static io.cityfin.common.region.Region.LINCHUAN;
import static io.cityfin.common.region.Region.NANCHENG;
import static io.cityfin.common.region.Region.NANFENG;
import static io.cityfin.common.region.Region.ZIXI;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import io.cityfin.reporting.catalogue.Kind;
import io.cityfin.reporting.catalogue.Unit;
import io.cityfin.reporting.indicator.ReportFigures.ItemPeriod;

class DisclosureControlTest {

    private static final FigurePeriods SEPTEMBER = FigurePeriods.of(Period.parse("2022-09"));
    private static final Period DEC_2021 = Period.parse("2021-12");
    private static final Period SEP_2022 = Period.parse("2022-09");

    private static final IndicatorDefinition LOANS = new IndicatorDefinition("LOAN_BALANCE", "各项贷款余额", "Loans",
            Unit.CNY, Kind.STOCK, Formula.item("LOAN_BALANCE"), Set.of("LOAN_BALANCE"));
    private static final IndicatorDefinition NPL_RATIO = new IndicatorDefinition("NPL_RATIO", "不良贷款率", "NPL ratio",
            Unit.PERCENT, Kind.RATIO, Formula.percentOf("NPL_BALANCE", "LOAN_BALANCE"), Set.of("NPL_BALANCE", "LOAN_BALANCE"));

    @Test
    void countsThePartOfTheCityInNoCountyWithTheWithheldCells() {
        // 南城县 3 firms, 黎川县 4, and one firm's rows in no county: city − counties would give that firm's figure
        Map<Region, Integer> counts = Map.of(NANCHENG, 3, LICHUAN, 4);
        Map<Region, Set<String>> firms = Map.of(NANCHENG, Set.of("A", "B", "C"), LICHUAN, Set.of("D", "E", "F", "G"));

        assertThat(DisclosureControl.withheld(counts, firms, Set.of("P"))).containsExactly(NANCHENG);
        assertThat(DisclosureControl.withheld(counts, firms, Set.of())).isEmpty();
        // 资溪县 with two firms, withheld, and P: three together, no complement
        assertThat(DisclosureControl.withheld(Map.of(NANCHENG, 3, LICHUAN, 4, ZIXI, 2),
                Map.of(NANCHENG, Set.of("A", "B", "C"), LICHUAN, Set.of("D", "E", "F", "G"), ZIXI, Set.of("H", "I")), Set.of("P")))
                .containsExactly(ZIXI);
        // 资溪县's firm is P too: still two together, so 南城县 goes as well
        assertThat(DisclosureControl.withheld(Map.of(NANCHENG, 3, LICHUAN, 4, ZIXI, 2),
                Map.of(NANCHENG, Set.of("A", "B", "C"), LICHUAN, Set.of("D", "E", "F", "G"), ZIXI, Set.of("H", "P")), Set.of("P")))
                .containsExactlyInAnyOrder(ZIXI, NANCHENG);
    }

    @Test
    void withholdsAStockWhoseYearStartHadTwoContributorsThoughThePeriodHasThree() {
        // attack 1: three banks in 临川区 at 2022-09, two at 2021-12 (whose sum yearStartValue would show)
        Map<ItemPeriod, Map<Region, Integer>> lines = Map.of(
                new ItemPeriod("LOAN_BALANCE", SEP_2022), Map.of(LINCHUAN, 3, DONGXIANG, 5),
                new ItemPeriod("LOAN_BALANCE", DEC_2021), Map.of(LINCHUAN, 2, DONGXIANG, 5));

        DisclosureControl.Counted counted = DisclosureControl.count(LINCHUAN, IndicatorCells.of(LOANS).at(SEPTEMBER), lines);

        assertThat(counted.withheld()).containsExactly(new ItemPeriod("LOAN_BALANCE", DEC_2021));
        assertThat(DisclosureControl.count(DONGXIANG, IndicatorCells.of(LOANS).at(SEPTEMBER), lines).withheld()).isEmpty();
    }

    @Test
    void withholdsARatioWhoseNumeratorComesFromOneBankAmongFive() {
        // attack 2: NPL from 1 bank in 东乡区, loans from 5
        Map<ItemPeriod, Map<Region, Integer>> lines = Map.of(
                new ItemPeriod("LOAN_BALANCE", SEP_2022), Map.of(DONGXIANG, 5),
                new ItemPeriod("NPL_BALANCE", SEP_2022), Map.of(DONGXIANG, 1));

        assertThat(DisclosureControl.count(DONGXIANG, IndicatorCells.of(NPL_RATIO).at(SEPTEMBER), lines).withheld())
                .containsExactly(new ItemPeriod("NPL_BALANCE", SEP_2022));
        assertThat(DisclosureControl.count(DONGXIANG, IndicatorCells.of(LOANS).at(SEPTEMBER), lines).withheld()).isEmpty();
    }

    @Test
    void withholdsAComplementSoThatTheCityMinusTheVisibleCountiesCoversThreeBanks() {
        // attack 3: one bank in 南城县 (primary); 黎川县 3 banks, 南丰县 4, 崇仁县 5
        Map<String, BigDecimal> deposits = Map.ofEntries(Map.entry("E1", new BigDecimal("1234.56")),
                Map.entry("L1", new BigDecimal("100")), Map.entry("L2", new BigDecimal("200")), Map.entry("L3", new BigDecimal("300")),
                Map.entry("N1", new BigDecimal("10")), Map.entry("N2", new BigDecimal("20")), Map.entry("N3", new BigDecimal("30")),
                Map.entry("N4", new BigDecimal("40")), Map.entry("C1", new BigDecimal("1")), Map.entry("C2", new BigDecimal("2")),
                Map.entry("C3", new BigDecimal("3")), Map.entry("C4", new BigDecimal("4")), Map.entry("C5", new BigDecimal("5")));
        Map<Region, Set<String>> banks = Map.of(NANCHENG, Set.of("E1"), LICHUAN, Set.of("L1", "L2", "L3"),
                NANFENG, Set.of("N1", "N2", "N3", "N4"), CHONGREN, Set.of("C1", "C2", "C3", "C4", "C5"));

        Set<Region> withheld = withheld(banks);

        assertThat(withheld).containsExactlyInAnyOrder(NANCHENG, LICHUAN);
        // the attack: city − Σ visible counties = 1234.56 + 100 + 200 + 300 (the city: 1234.56 + 600 + 100 + 15 = 1949.56)
        BigDecimal city = new BigDecimal("1949.56");
        BigDecimal visible = new BigDecimal("100").add(new BigDecimal("15")); // 南丰县 10+20+30+40, 崇仁县 1+2+3+4+5
        BigDecimal derived = city.subtract(visible);
        assertThat(derived).isEqualByComparingTo("1834.56");
        assertThat(deposits.values()).noneMatch(bank -> bank.compareTo(derived) == 0);
        assertThat(withheld.stream().flatMap(county -> banks.get(county).stream()).distinct()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void countsABankInTwoWithheldCountiesOnce() {
        // 南城县 {X}, 黎川县 {X, Y}: three lines but two banks, so a complement is withheld too
        Map<Region, Set<String>> banks = Map.of(NANCHENG, Set.of("X"), LICHUAN, Set.of("X", "Y"),
                NANFENG, Set.of("P", "Q", "R", "S"), ZIXI, Set.of("X", "Y", "T"));

        assertThat(withheld(banks)).containsExactlyInAnyOrder(NANCHENG, LICHUAN, ZIXI);
    }

    @Test
    void choosesTheCountyWithTheFewestContributorsAndOnATieTheFirstInRegionOrder() {
        Map<Region, Set<String>> banks = Map.of(NANCHENG, Set.of("A"), ZIXI, Set.of("B", "C", "D"),
                LICHUAN, Set.of("E", "F", "G"), LINCHUAN, Set.of("H", "I", "J", "K"));

        // 资溪县 and 黎川县 have 3 each; 黎川县 (361022) comes before 资溪县 (361028); 临川区 has 4
        assertThat(withheld(banks)).containsExactlyInAnyOrder(NANCHENG, LICHUAN);
    }

    @Test
    void neverWithholdsACellWithoutContributorsNorChoosesItAsAComplement() {
        Map<Region, Set<String>> banks = Map.of(NANCHENG, Set.of("A"), LICHUAN, Set.of(), NANFENG, Set.of("B", "C", "D"));

        assertThat(withheld(banks)).containsExactlyInAnyOrder(NANCHENG, NANFENG);
        ItemPeriod deposits = new ItemPeriod("DEPOSIT_BALANCE", SEP_2022);
        assertThat(DisclosureControl.count(LICHUAN, Set.of(deposits), Map.of(deposits, Map.of(LICHUAN, 0, NANCHENG, 1))).withheld()).isEmpty();
        assertThat(DisclosureControl.primary(Map.of(LICHUAN, 0, NANCHENG, 1))).containsExactly(NANCHENG);
    }

    @Test
    void withholdsEveryContributingCountyWhenTheCityHasFewerThanThree() {
        Map<Region, Set<String>> banks = Map.of(NANCHENG, Set.of("A"), LICHUAN, Set.of("A", "B"));

        assertThat(withheld(banks)).containsExactlyInAnyOrder(NANCHENG, LICHUAN);
    }

    @Test
    void withholdsNothingWhereEveryCountyHasThreeOrMore() {
        assertThat(withheld(Map.of(NANCHENG, Set.of("A", "B", "C"), LICHUAN, Set.of("A", "B", "C")))).isEmpty();
    }

    @Test
    void leavesACountyWithThreeUndecidedWhileAnotherHasFewerAndDecidesItFromTheBanks() {
        ItemPeriod deposits = new ItemPeriod("DEPOSIT_BALANCE", SEP_2022);
        Map<ItemPeriod, Map<Region, Integer>> lines = Map.of(deposits, Map.of(NANCHENG, 1, LICHUAN, 3, NANFENG, 4));

        DisclosureControl.Counted lichuan = DisclosureControl.count(LICHUAN, Set.of(deposits), lines);
        DisclosureControl.Counted nancheng = DisclosureControl.count(NANCHENG, Set.of(deposits), lines);

        assertThat(lichuan.withheld()).isEmpty();
        assertThat(lichuan.undecided()).containsExactly(Map.entry(deposits, Set.of(NANCHENG)));
        assertThat(nancheng.withheld()).containsExactly(deposits);
        assertThat(nancheng.undecided()).isEmpty();
        // only 南城县's bank is needed: 黎川县 (3) and 南丰县 (4) each add a new contributor whoever they are
        Map<ItemPeriod, Map<Region, Set<String>>> banks = Map.of(deposits, Map.of(NANCHENG, Set.of("A")));
        assertThat(DisclosureControl.complementary(LICHUAN, lichuan.undecided().keySet(), lines, banks)).containsExactly(deposits);
        assertThat(DisclosureControl.complementary(NANFENG, Set.of(deposits), lines, banks)).isEmpty();
    }

    @Test
    void withholdsNoComplementWhenThePrimaryCellsAlreadyCoverThreeBanks() {
        // 南城县 {A, B} and 黎川县 {C}: three banks, so 南丰县 stays shown
        assertThat(DisclosureControl.withheld(Map.of(NANCHENG, 2, LICHUAN, 1, NANFENG, 4),
                Map.of(NANCHENG, Set.of("A", "B"), LICHUAN, Set.of("C")))).containsExactlyInAnyOrder(NANCHENG, LICHUAN);
    }

    /** Every county's contributors known, as the database would give them for an (item, period). */
    private static Set<Region> withheld(Map<Region, Set<String>> banks) {
        Map<Region, Integer> counts = new java.util.HashMap<>();
        banks.forEach((county, institutions) -> counts.put(county, institutions.size()));
        return DisclosureControl.withheld(counts, banks);
    }
}
