package io.cityfin.reporting.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The lineage of record, derived, imported and other sources' indicators, without a database. */
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
    private final LineageService service = service();

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
        Caller caller = new Caller("test", Set.of(role), role == Role.SUBMITTER ? "BANK" : null);
        return service.lineage(code, new IndicatorQuery(Period.month(2022, 9), region))
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(new CallerAuthentication(caller, "test"))).block();
    }

    private LineageService service() {
        RecordRows<Visit> rows = RecordRows.traced(() -> Flux.fromIterable(visits));
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
        return new RecordRows.Traced<>("visits", id(n), null, version, recorded, "h".repeat(64), visit);
    }

    private static UUID id(int n) {
        return new UUID(0, n);
    }
}
