package io.cityfin.reporting.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.info.BuildProperties;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;

import io.cityfin.common.identity.Caller;
import io.cityfin.common.identity.CallerAuthentication;
import io.cityfin.common.identity.ForbiddenException;
import io.cityfin.common.identity.Role;
import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.common.period.CityClock;
import io.cityfin.common.period.Period;
import io.cityfin.common.problem.ProblemException;
import io.cityfin.common.region.Region;
import io.cityfin.reporting.catalogue.Catalogue;
import io.cityfin.reporting.catalogue.Kind;
import io.cityfin.reporting.catalogue.Unit;
import io.cityfin.reporting.indicator.IndicatorLineage.RecordEntry;
import io.cityfin.reporting.indicator.ReportFigures.ItemPeriod;
import io.cityfin.reporting.institution.Institution;
import io.cityfin.reporting.record.RecordRef;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The lineage of record, derived, imported and other sources' indicators, and of a weighted average's rate, without a
 * database (the ports stubbed).
 */
class LineageServiceTest {

    record Visit(String shop, String region, LocalDate on, BigDecimal spent) {
    }

    private static final IndicatorDefinition SHOPS = RecordRows.measured("SHOPS_VISITED_YTD", "店", "Shops visited", Unit.COUNT, Kind.FLOW);
    private static final IndicatorDefinition SPENT = RecordRows.measured("SPENT_YTD", "花费", "Spent", Unit.CNY, Kind.FLOW);
    private static final IndicatorDefinition TWICE = new IndicatorDefinition("SPENT_TWICE_YTD", "两倍", "Spent twice", Unit.CNY, Kind.FLOW,
            Formula.sum("SPENT_YTD", "SPENT_YTD"), Set.of("SPENT_YTD"));
    private static final IndicatorDefinition SHOPS_GAINED = new IndicatorDefinition("SHOPS_GAINED", "新增", "Shops gained", Unit.COUNT,
            Kind.STOCK, Formula.increaseSinceYearStart("SHOPS_VISITED_YTD"), Set.of("SHOPS_VISITED_YTD"));
    private static final IndicatorDefinition DIRECT = RecordRows.measured("DIRECT_YTD", "直接融资", "Direct financing", Unit.CNY, Kind.FLOW);

    private final Clock clock = Clock.fixed(Instant.parse("2022-10-08T09:00:00Z"), CityClock.ZONE);
    private final OffsetDateTime recorded = OffsetDateTime.parse("2022-10-01T00:00:00Z");
    private final List<RecordRows.Traced<Visit>> visits = List.of(
            traced(1, 1, new Visit("A", "361002", LocalDate.of(2021, 9, 30), new BigDecimal("10"))),
            traced(2, 3, new Visit("A", "361002", LocalDate.of(2022, 1, 1), new BigDecimal("20.50"))),
            traced(3, 1, new Visit("A", "361002", LocalDate.of(2022, 9, 30), new BigDecimal("30"))),
            traced(4, 2, new Visit("B", "361021", LocalDate.of(2022, 5, 1), new BigDecimal("40"))),
            traced(5, 1, new Visit("C", "361021", LocalDate.of(2022, 10, 1), new BigDecimal("50"))));
    private final LineageService service = service(visits);

    @Test
    void listsTheRecordVersionsThatAddToAMeasureAtEachPeriodRead() {
        IndicatorLineage spent = lineage("SPENT_YTD", Region.CITY, Role.ANALYST);

        assertThat(spent.value()).isEqualByComparingTo("90.50");
        assertThat(spent.formula()).isNull();
        assertThat(spent.readings()).extracting(IndicatorLineage.Reading::role)
                .containsExactly(IndicatorLineage.Role.PERIOD, IndicatorLineage.Role.YEAR_EARLIER);
        IndicatorLineage.Reading period = spent.readings().get(0);
        assertThat(period.total()).isEqualByComparingTo("90.50");
        assertThat(period.records()).extracting(RecordEntry::id).containsExactlyInAnyOrder(id(2), id(3), id(4));
        assertThat(period.records()).filteredOn(record -> record.id().equals(id(2))).singleElement()
                .satisfies(record -> {
                    assertThat(record.version()).isEqualTo(3);
                    assertThat(record.value()).isEqualByComparingTo("20.50");
                    assertThat(record.collection()).isEqualTo("visits");
                });
        assertThat(spent.readings().get(1).period()).isEqualTo(Period.month(2021, 9));
        assertThat(spent.readings().get(1).records()).extracting(RecordEntry::id).containsExactly(id(1));
    }

    @Test
    void countsADistinctKeyOnceAndKeepsTheRegionsRows() {
        IndicatorLineage shops = lineage("SHOPS_VISITED_YTD", Region.CITY, Role.ADMIN);
        IndicatorLineage.Reading period = shops.readings().get(0);
        assertThat(period.total()).isEqualByComparingTo("2");
        assertThat(period.records()).hasSize(2).allSatisfy(record -> assertThat(record.value()).isEqualByComparingTo("1"));

        IndicatorLineage linchuan = lineage("SPENT_YTD", Region.LINCHUAN, Role.ANALYST);
        assertThat(linchuan.readings().get(0).total()).isEqualByComparingTo("50.50");
        assertThat(linchuan.readings().get(0).records()).extracting(RecordEntry::id).containsExactlyInAnyOrder(id(2), id(3));
    }

    @Test
    void creditsADistinctKeyToItsEarliestRecordVersionThenItsSmallerIdWhateverTheReadOrder() {
        OffsetDateTime march = OffsetDateTime.parse("2022-03-01T00:00:00Z");
        OffsetDateTime february = OffsetDateTime.parse("2022-02-01T00:00:00Z");
        List<RecordRows.Traced<Visit>> rows = List.of(
                traced(20, 1, march, new Visit("S", "361002", LocalDate.of(2022, 6, 1), BigDecimal.ONE)),
                traced(22, 4, february, new Visit("S", "361002", LocalDate.of(2022, 8, 1), BigDecimal.ONE)),
                traced(21, 2, february, new Visit("S", "361002", LocalDate.of(2022, 7, 1), BigDecimal.ONE)),
                traced(30, 1, march, new Visit("T", "361021", LocalDate.of(2022, 7, 1), BigDecimal.ONE)));
        List<RecordRows.Traced<Visit>> reversed = new java.util.ArrayList<>(rows);
        java.util.Collections.reverse(reversed);

        for (List<RecordRows.Traced<Visit>> order : List.of(rows, reversed)) {
            IndicatorLineage.Reading period = lineage(service(order), "SHOPS_VISITED_YTD", Region.CITY).readings().get(0);
            assertThat(period.total()).isEqualByComparingTo("2");
            // S: 21 and 22 were recorded in February, 20 in March; of 21 and 22 the smaller id
            assertThat(period.records()).extracting(RecordEntry::id).as("read as " + order.get(0).source().id()).containsExactly(id(21), id(30));
            assertThat(period.records()).extracting(RecordEntry::version).containsExactly(2, 1);
            assertThat(period.records()).allSatisfy(record -> assertThat(record.value()).isEqualByComparingTo("1"));
        }
    }

    @Test
    void listsTheVersionsEachRowWasReadWithAndRegistryVersionsByCode() {
        // shop A's visit read with its shop's registry version and the coupon record that placed it; shop B is a registry row itself
        RecordRef shopA = RecordRows.registryVersion(new Institution("SHOP-A", "甲店", "SHOP",
                Region.LINCHUAN, LocalDate.of(2020, 1, 1), null, 4, recorded, "admin"));
        RecordRef coupon = new RecordRef("coupons", id(90), "C-1", 2, recorded, "c".repeat(64));
        RecordRef shopB = new RecordRef(RecordRows.REGISTRY, null, "SHOP-B", 1, recorded, null);
        LineageService joined = service(List.of(
                new RecordRows.Traced<>(traced(2, 3, visits.get(1).row()).source(), List.of(shopA, coupon), visits.get(1).row()),
                new RecordRows.Traced<>(shopB, List.of(), visits.get(3).row())));

        IndicatorLineage.Reading period = lineage(joined, "SPENT_YTD", Region.CITY).readings().get(0);

        assertThat(period.total()).isEqualByComparingTo("60.50");
        assertThat(period.records()).extracting(RecordEntry::collection, RecordEntry::id, RecordEntry::key, RecordEntry::version,
                        RecordEntry::contentHash)
                .containsExactly(tuple("visits", id(2), null, 3, "h".repeat(64)),
                        tuple(RecordRows.REGISTRY, null, "SHOP-B", 1, null));
        assertThat(period.records().get(0).joined()).containsExactly(
                new RecordRef(RecordRows.REGISTRY, null, "SHOP-A", 4, recorded, null), coupon);
        assertThat(period.records().get(1).joined()).isEmpty();
        assertThat(lineage(joined, "SPENT_YTD", Region.CITY).formula()).isNull();
    }

    @Test
    void listsAReadingsVersionsInOneOrderWhateverTheOrderTheRowsAreReadIn() {
        List<RecordRows.Traced<Visit>> reversed = new java.util.ArrayList<>(visits);
        java.util.Collections.reverse(reversed);

        for (List<RecordRows.Traced<Visit>> order : List.of(visits, reversed)) {
            // recorded at the same time: by id
            assertThat(lineage(service(order), "SPENT_YTD", Region.CITY).readings().get(0).records()).extracting(RecordEntry::id)
                    .containsExactly(id(2), id(3), id(4));
        }
    }

    @Test
    void givesTotalsOnlyForRowsReadWithoutTheirVersions() {
        RecordRows<Visit> untraced = RecordRows.of(() -> Flux.fromIterable(visits).map(RecordRows.Traced::row));
        LineageService totals = service(untraced);

        IndicatorLineage spent = lineage(totals, "SPENT_YTD", Region.CITY);

        assertThat(spent.formula()).contains("totals only");
        assertThat(spent.readings().get(0).total()).isEqualByComparingTo("90.50");
        assertThat(spent.readings().get(0).records()).isEmpty();
    }

    @Test
    void readsAWeightedAveragesRateWithEachLinesWeightAndTheWeightedAverageAsItsTotal() {
        LineageService weighted = weightedService();

        for (Region region : List.of(Region.CITY, Region.LINCHUAN)) {
            IndicatorLineage average = lineage(weighted, "AVG_RATE", region);
            assertThat(average.formula()).isEqualTo("Σ(RATE × AMOUNT) / Σ AMOUNT");
            assertThat(average.inputs()).extracting(IndicatorLineage::code).containsExactly("AMOUNT", "RATE");
            IndicatorLineage rate = average.inputs().get(1);
            IndicatorLineage.Reading period = rate.readings().get(0);
            assertThat(period.role()).isEqualTo(IndicatorLineage.Role.PERIOD);
            assertThat(period.weightedBy()).isEqualTo("AMOUNT");

            // the expected figure from the lines listed: Σ(rate × weight) / Σ weight over the lines with a weight
            BigDecimal weightedSum = BigDecimal.ZERO;
            BigDecimal weights = BigDecimal.ZERO;
            for (IndicatorLineage.ReportVersion report : period.reports()) {
                for (IndicatorLineage.Line line : report.lines()) {
                    assertThat(line.item()).isEqualTo("RATE");
                    if (line.weight() != null) {
                        weightedSum = weightedSum.add(line.value().multiply(line.weight()));
                        weights = weights.add(line.weight());
                    }
                }
            }
            BigDecimal expected = weightedSum.divide(weights, java.math.MathContext.DECIMAL128);
            assertThat(period.total()).as(region.code()).isEqualByComparingTo(expected);
            assertThat(expected.setScale(2, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo(average.value());
            assertThat(rate.readings()).filteredOn(reading -> reading.role() == IndicatorLineage.Role.YEAR_START).singleElement()
                    .satisfies(yearStart -> assertThat(yearStart.total()).isEqualByComparingTo("4.00"));
            // the weight item is read as a plain sum, weights without a rate included
            IndicatorLineage.Reading amounts = average.inputs().get(0).readings().get(0);
            assertThat(amounts.weightedBy()).isNull();
            assertThat(amounts.total()).isEqualByComparingTo(region.isCity() ? "4700.50" : "1700.50");
        }
        IndicatorLineage.Reading city = lineage(weighted, "AVG_RATE", Region.CITY).inputs().get(1).readings().get(0);
        // 4.5 × 1000 + 5 × 3000 + 6.1 × 500.50 over 4500.50: 5.01; B4's rate has no weight and counts nowhere
        assertThat(lineage(weighted, "AVG_RATE", Region.CITY).value()).isEqualByComparingTo("5.01");
        assertThat(city.reports()).extracting(IndicatorLineage.ReportVersion::institutionCode).containsExactly("B1", "B2", "B4");
        assertThat(city.reports().get(0).lines()).extracting(IndicatorLineage.Line::weight).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("1000"), new BigDecimal("3000"));
        assertThat(city.reports().get(2).lines()).singleElement().satisfies(line -> assertThat(line.weight()).isNull());
        assertThat(lineage(weighted, "AVG_RATE", Region.LINCHUAN).value()).isEqualByComparingTo("5.03");
    }

    @Test
    void describesADerivedIndicatorWithItsInputsAnImportAndAnotherSource() {
        IndicatorLineage twice = lineage("SPENT_TWICE_YTD", Region.CITY, Role.ANALYST);
        assertThat(twice.formula()).isEqualTo("SPENT_YTD + SPENT_YTD");
        assertThat(twice.readings()).isEmpty();
        assertThat(twice.value()).isEqualByComparingTo("181.00");
        assertThat(twice.inputs()).singleElement().satisfies(input -> {
            assertThat(input.code()).isEqualTo("SPENT_YTD");
            assertThat(input.readings().get(0).total()).isEqualByComparingTo("90.50");
        });

        // a formula reading the year start reads its input there and at a year earlier's year start too
        IndicatorLineage gained = lineage("SHOPS_GAINED", Region.CITY, Role.ANALYST);
        assertThat(gained.formula()).isEqualTo("SHOPS_VISITED_YTD − SHOPS_VISITED_YTD at year start");
        assertThat(gained.inputs().get(0).readings()).extracting(IndicatorLineage.Reading::role).containsExactly(
                IndicatorLineage.Role.PERIOD, IndicatorLineage.Role.YEAR_START, IndicatorLineage.Role.YEAR_EARLIER,
                IndicatorLineage.Role.YEAR_EARLIER_YEAR_START);
        assertThat(gained.inputs().get(0).readings().get(1).period()).isEqualTo(Period.month(2021, 12));

        IndicatorLineage imported = lineage("DIRECT_YTD", Region.CITY, Role.ANALYST);
        assertThat(imported.formula()).isEqualTo("capital-market-service DF_PLATFORM_YTD");
        assertThat(imported.readings()).isEmpty();

        IndicatorLineage alerts = lineage("ALERTS_OPEN", Region.CITY, Role.ANALYST);
        assertThat(alerts.formula()).contains("no lineage");
        assertThat(alerts.value()).isEqualByComparingTo("4");
    }

    @Test
    void refusesTheUnknownCodeAndThePublic() {
        assertThatThrownBy(() -> lineage("NO_SUCH", Region.CITY, Role.ANALYST))
                .isInstanceOfSatisfying(ProblemException.class, problem -> {
                    assertThat(problem.status()).isEqualTo(404);
                    assertThat(problem.errors()).singleElement().satisfies(error -> assertThat(error.toString()).contains("UNKNOWN_INDICATOR"));
                });
        assertThatThrownBy(() -> lineage("SPENT_YTD", Region.CITY, Role.PORTAL)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> lineage("SPENT_YTD", Region.CITY, Role.SUBMITTER)).isInstanceOf(ForbiddenException.class);
    }

    private IndicatorLineage lineage(String code, Region region, Role role) {
        return lineage(service, code, region, role);
    }

    private static IndicatorLineage lineage(LineageService service, String code, Region region) {
        return lineage(service, code, region, Role.ANALYST);
    }

    private static IndicatorLineage lineage(LineageService service, String code, Region region, Role role) {
        Caller caller = new Caller("test", Set.of(role), role == Role.SUBMITTER ? "BANK" : null);
        return service.lineage(code, new IndicatorQuery(Period.month(2022, 9), region))
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(new CallerAuthentication(caller, "test"))).block();
    }

    private LineageService service(List<RecordRows.Traced<Visit>> visits) {
        return service(RecordRows.traced(() -> Flux.fromIterable(visits)));
    }

    private LineageService service(RecordRows<Visit> rows) {
        RecordIndicators declared = RecordIndicators.of(
                        rows.countInYear(SHOPS, Visit::on).distinct(Visit::shop).region(Visit::region),
                        rows.sumInYear(SPENT, Visit::on, Visit::spent).region(Visit::region))
                .importing(Imported.of(DIRECT, "capital-market", "DF_PLATFORM_YTD"))
                .with(TWICE, SHOPS_GAINED);
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("declared", declared));
        Catalogue catalogue = new Catalogue("test-service", List.of(), Set.of());
        RecordIndicatorSource records = new RecordIndicatorSource(beans.getBeanProvider(RecordIndicators.class), year -> Mono.just(List.of()),
                catalogue);
        IndicatorSource alerts = new IndicatorSource() {
            @Override
            public Flux<IndicatorDto> indicators(IndicatorQuery query) {
                return Flux.just(new IndicatorDto().code("ALERTS_OPEN").nameZh("预警").nameEn("Alerts").value(new BigDecimal("4")));
            }

            @Override
            public List<String> codes() {
                return List.of("ALERTS_OPEN");
            }
        };
        StaticListableBeanFactory none = new StaticListableBeanFactory();
        IndicatorService indicators = new IndicatorService(List.of(records, alerts), () -> Mono.just("epoch:1"), catalogue, clock,
                new SimpleMeterRegistry(), none.getBeanProvider(BuildProperties.class));
        IndicatorDefinitions definitions = new IndicatorDefinitions(catalogue, Optional.empty(), beans.getBeanProvider(RecordIndicators.class));
        return new LineageService(indicators, catalogue, definitions, records, none.getBeanProvider(ReportIndicatorSource.class),
                none.getBeanProvider(ReportLineage.class));
    }

    private RecordRows.Traced<Visit> traced(int n, int version, Visit visit) {
        return traced(n, version, recorded, visit);
    }

    private static RecordRows.Traced<Visit> traced(int n, int version, OffsetDateTime recordedAt, Visit visit) {
        return new RecordRows.Traced<>(new RecordRef("visits", id(n), null, version, recordedAt, "h".repeat(64)), List.of(), visit);
    }

    /** Report lines of a rate weighted by an amount, at 2022-09 and its year start (2021-12). */
    private static final List<ReportLineage.LineRow> WEIGHTED_LINES = List.of(
            line("2022-09", "B1", "RATE", "361002", "4.5"), line("2022-09", "B1", "AMOUNT", "361002", "1000"),
            line("2022-09", "B1", "RATE", "361021", "5"), line("2022-09", "B1", "AMOUNT", "361021", "3000"),
            line("2022-09", "B2", "RATE", "361002", "6.1"), line("2022-09", "B2", "AMOUNT", "361002", "500.50"),
            // a weight without a rate, and a rate without a weight: in no average
            line("2022-09", "B3", "AMOUNT", "361002", "200"), line("2022-09", "B4", "RATE", "361021", "9.99"),
            line("2021-12", "B1", "RATE", "361002", "4"), line("2021-12", "B1", "AMOUNT", "361002", "800"));

    private static ReportLineage.LineRow line(String period, String bank, String item, String region, String value) {
        return new ReportLineage.LineRow(Period.parse(period), bank, "银行" + bank, 1, OffsetDateTime.parse("2022-10-01T00:00:00Z"),
                "h".repeat(64), item, region, new BigDecimal(value));
    }

    /**
     * A service with a rate, its weight amount and their weighted average, over {@link #WEIGHTED_LINES}: the figures
     * port pairs the lines as {@code R2dbcReportFigures} does (one institution, one region), the lineage port lists them.
     */
    private LineageService weightedService() {
        Catalogue catalogue = new Catalogue("test-service", List.of(
                new io.cityfin.reporting.catalogue.Item("RATE", "利率", "Rate", Unit.PERCENT, Kind.RATIO, false, false),
                new io.cityfin.reporting.catalogue.Item("AMOUNT", "金额", "Amount", Unit.CNY, Kind.FLOW, false, true)), Set.of("BANK"));
        IndicatorDefinition average = new IndicatorDefinition("AVG_RATE", "平均利率", "Average rate", Unit.PERCENT, Kind.RATIO,
                Formula.weightedAverage("RATE", "AMOUNT"), Set.of("RATE", "AMOUNT"));
        MapFigures.Weighting weighting = new MapFigures.Weighting("RATE", "AMOUNT");
        StaticListableBeanFactory none = new StaticListableBeanFactory();
        IndicatorDefinitions definitions = new IndicatorDefinitions(catalogue,
                Optional.of(new DerivedIndicators(List.of(average), List.of(weighting))), none.getBeanProvider(RecordIndicators.class));
        ReportFigures figures = new ReportFigures() {
            @Override
            public Mono<Loaded> load(FigurePeriods periods, Region region, List<MapFigures.Weighting> weightings, boolean countyLines,
                                     List<Optional<Set<String>>> tallied) {
                Map<Period, Figures> byPeriod = new java.util.HashMap<>();
                periods.existing().forEach(period -> byPeriod.put(period, weightedFigures(period, region)));
                return Mono.just(new Loaded(byPeriod, List.of(new Contribution(Set.of("RATE", "AMOUNT"), 4)), Map.of(),
                        Map.of(Optional.empty(), new ExpectedReports.Tally(4, 4))));
            }

            @Override
            public Mono<Map<ItemPeriod, Map<Region, Set<String>>>> contributors(Map<ItemPeriod, Set<Region>> cells) {
                return Mono.just(Map.of());
            }
        };
        ReportIndicatorSource reports = new ReportIndicatorSource(catalogue, definitions, figures, year -> Mono.just(List.of()));
        ReportLineage lineage = (periods, items, region) -> Flux.fromIterable(WEIGHTED_LINES)
                .filter(row -> periods.contains(row.period()) && items.contains(row.item()) && inRegion(row, region));
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("reports", reports, "lineage", lineage));
        RecordIndicatorSource records = new RecordIndicatorSource(none.getBeanProvider(RecordIndicators.class), year -> Mono.just(List.of()),
                catalogue);
        IndicatorService indicators = new IndicatorService(List.of(reports, records), () -> Mono.just("epoch:1"), catalogue, clock,
                new SimpleMeterRegistry(), none.getBeanProvider(BuildProperties.class));
        return new LineageService(indicators, catalogue, definitions, records, beans.getBeanProvider(ReportIndicatorSource.class),
                beans.getBeanProvider(ReportLineage.class));
    }

    /** The figures of one period as the database sums them: every line to its item, paired lines to the weighting. */
    private static Figures weightedFigures(Period period, Region region) {
        MapFigures.Builder builder = MapFigures.builder();
        List<ReportLineage.LineRow> lines = WEIGHTED_LINES.stream().filter(row -> row.period().equals(period) && inRegion(row, region)).toList();
        for (ReportLineage.LineRow row : lines) {
            if (row.item().equals("RATE")) {
                Optional<ReportLineage.LineRow> weight = lines.stream().filter(other -> other.item().equals("AMOUNT")
                        && other.institutionCode().equals(row.institutionCode()) && other.region().equals(row.region())).findFirst();
                if (weight.isPresent()) {
                    builder.addRated("RATE", row.value(), "AMOUNT", weight.get().value());
                } else {
                    builder.add("RATE", row.value());
                }
            } else if (lines.stream().noneMatch(other -> other.item().equals("RATE") && other.institutionCode().equals(row.institutionCode())
                    && other.region().equals(row.region()))) {
                builder.add(row.item(), row.value()); // a weight without a rate (a paired one came with its rate)
            }
        }
        return builder.build();
    }

    private static boolean inRegion(ReportLineage.LineRow row, Region region) {
        return region.isCity() || region.code().equals(row.region());
    }

    private static UUID id(int n) {
        return new UUID(0, n);
    }
}
