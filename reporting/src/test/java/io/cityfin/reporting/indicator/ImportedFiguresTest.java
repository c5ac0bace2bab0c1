package io.cityfin.reporting.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import io.cityfin.reporting.catalogue.Catalogue;
import io.cityfin.reporting.catalogue.Kind;
import io.cityfin.reporting.catalogue.Unit;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Figures imported from another service's published indicators: placed at P, P's previous December and P−1y so the
 * calculator's comparisons work; while the service does not answer, the imported figure and everything derived from it
 * are null and name the service in {@code inputsUnavailable}, and the service's own figures are unaffected.
 */
class ImportedFiguresTest {

    record Loan(LocalDate on, BigDecimal amount) {
    }

    private static final IndicatorDefinition OWN = RecordRows.measured("OWN_YTD", "自有", "Own", Unit.CNY, Kind.FLOW);
    private static final IndicatorDefinition REMOTE = RecordRows.measured("REMOTE_YTD", "外部", "Remote", Unit.CNY, Kind.FLOW);
    private static final IndicatorDefinition REMOTE_STOCK = RecordRows.measured("REMOTE_COUNT", "外部存量", "Remote stock", Unit.COUNT, Kind.STOCK);
    private static final IndicatorDefinition BOTH = new IndicatorDefinition("BOTH_YTD", "合计", "Both", Unit.CNY, Kind.FLOW,
            Formula.total("OWN_YTD", "REMOTE_YTD"), Set.of("OWN_YTD", "REMOTE_YTD"));
    /** Derived with the lenient sum: still null while its input is unavailable, never a partial sum. */
    private static final IndicatorDefinition LENIENT = new IndicatorDefinition("LENIENT_YTD", "宽松", "Lenient", Unit.CNY, Kind.FLOW,
            Formula.sum("OWN_YTD", "REMOTE_YTD"), Set.of("OWN_YTD", "REMOTE_YTD"));

    private final List<Loan> loans = List.of(
            new Loan(LocalDate.of(2021, 9, 1), new BigDecimal("100.00")),
            new Loan(LocalDate.of(2022, 3, 1), new BigDecimal("250.00")),
            new Loan(LocalDate.of(2022, 10, 1), new BigDecimal("999.00")));
    private final List<String> calls = new ArrayList<>();

    @Test
    void placesTheValueTheYearStartAndTheYearEarlierFiguresWhereTheCalculatorReadsThem() {
        PublishedIndicators answering = answering(List.of(
                published("DF_REMOTE_YTD", "2300000000.00", null, "1000000000.00"),
                published("REMOTE_STOCK", "10", "8", "5")));

        Map<String, IndicatorDto> sheet = sheet(answering, Period.month(2022, 9));

        IndicatorDto remote = sheet.get("REMOTE_YTD");
        assertThat(remote.getValue()).isEqualByComparingTo("2300000000.00");
        assertThat(remote.getPreviousYearValue()).isEqualByComparingTo("1000000000.00");
        assertThat(remote.getYoyChange()).isEqualByComparingTo("1300000000.00");
        assertThat(remote.getYoyPct()).isEqualByComparingTo("130.00");
        assertThat(remote.getYearStartValue()).isNull();
        assertThat(remote.getInputsUnavailable()).isNull();
        assertThat(remote.getSource()).isEqualTo("test-service");
        IndicatorDto stock = sheet.get("REMOTE_COUNT");
        assertThat(stock.getValue()).isEqualByComparingTo("10");
        assertThat(stock.getYearStartValue()).isEqualByComparingTo("8");
        assertThat(stock.getChangeSinceYearStart()).isEqualByComparingTo("2");
        assertThat(stock.getGrowthSinceYearStartPct()).isEqualByComparingTo("25.00");
        assertThat(stock.getPreviousYearValue()).isEqualByComparingTo("5");
        // own 2022 loans to 2022-09-30: 250.00; 2021 to 2021-09-30: 100.00; the remote's 2,300,000,000.00 and 1,000,000,000.00
        assertThat(sheet.get("BOTH_YTD").getValue()).isEqualByComparingTo("2300000250.00");
        assertThat(sheet.get("BOTH_YTD").getPreviousYearValue()).isEqualByComparingTo("1000000100.00");
        assertThat(sheet.get("BOTH_YTD").getInputsUnavailable()).isNull();
        assertThat(calls).containsExactly("capital-market 2022-09 361000");
    }

    @Test
    void placesADecemberFigureOnceWhereTheYearStartAndTheYearEarlierAreOneDay() {
        // at 2022-12 both the year start and the year earlier are 2021-12-31: 8 is that day's figure, not 8 + 8
        PublishedIndicators answering = answering(List.of(published("REMOTE_STOCK", "12", "8", "8")));

        IndicatorDto stock = sheet(answering, Period.month(2022, 12)).get("REMOTE_COUNT");

        assertThat(stock.getYearStartValue()).isEqualByComparingTo("8");
        assertThat(stock.getPreviousYearValue()).isEqualByComparingTo("8");
        assertThat(stock.getYoyChange()).isEqualByComparingTo("4");
    }

    @Test
    void nullsTheImportedFigureAndEveryFigureDerivedFromItWhileTheServiceDoesNotAnswer() {
        PublishedIndicators down = (service, query) -> {
            calls.add(service);
            return Mono.error(new PublishedIndicatorsUnavailableException(service, "timeout after 1500ms"));
        };

        Map<String, IndicatorDto> sheet = sheet(down, Period.month(2022, 9));

        for (String code : List.of("REMOTE_YTD", "REMOTE_COUNT", "BOTH_YTD", "LENIENT_YTD")) {
            IndicatorDto indicator = sheet.get(code);
            assertThat(indicator.getInputsUnavailable()).as(code).containsExactly("capital-market-service");
            assertThat(indicator.getValue()).as(code).isNull();
            assertThat(indicator.getYearStartValue()).as(code).isNull();
            assertThat(indicator.getChangeSinceYearStart()).as(code).isNull();
            assertThat(indicator.getGrowthSinceYearStartPct()).as(code).isNull();
            assertThat(indicator.getPreviousYearValue()).as(code).isNull();
            assertThat(indicator.getYoyChange()).as(code).isNull();
            assertThat(indicator.getYoyPct()).as(code).isNull();
            assertThat(indicator.getTarget()).as(code).isNull();
            assertThat(indicator.getTargetProgressPct()).as(code).isNull();
            assertThat(indicator.getOnTrack()).as(code).isNull();
        }
        assertThat(sheet.get("OWN_YTD").getValue()).isEqualByComparingTo("250.00");
        assertThat(sheet.get("OWN_YTD").getTarget()).isEqualByComparingTo("1000");
        assertThat(sheet.get("OWN_YTD").getInputsUnavailable()).isNull();
        assertThat(calls).containsExactly("capital-market");
    }

    @Test
    void treatsAnAnswerWithoutTheImportedCodeAsUnavailableNotAsZero() {
        Map<String, IndicatorDto> sheet = sheet(answering(List.of(published("REMOTE_STOCK", "1", "1", "1"))), Period.month(2022, 9));

        assertThat(sheet.get("REMOTE_YTD").getValue()).isNull();
        assertThat(sheet.get("REMOTE_YTD").getInputsUnavailable()).containsExactly("capital-market-service");
        assertThat(sheet.get("BOTH_YTD").getValue()).isNull();
        assertThat(sheet.get("REMOTE_COUNT").getValue()).isEqualByComparingTo("1");
    }

    @Test
    void refusesAServiceNamedOtherwiseThanByItsGatewayPathSegment() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> Imported.of(REMOTE, "capital-market-service", "DF_PLATFORM_YTD"));
    }

    private PublishedIndicators answering(List<IndicatorDto> indicators) {
        return (service, query) -> {
            calls.add(service + " " + query.period() + " " + query.region().code());
            return Mono.just(indicators);
        };
    }

    private static IndicatorDto published(String code, String value, @Nullable String yearStart, @Nullable String previousYear) {
        return new IndicatorDto().code(code).value(new BigDecimal(value))
                .yearStartValue(yearStart == null ? null : new BigDecimal(yearStart))
                .previousYearValue(previousYear == null ? null : new BigDecimal(previousYear));
    }

    private Map<String, IndicatorDto> sheet(PublishedIndicators published, Period period) {
        RecordRows<Loan> rows = RecordRows.of(() -> Flux.fromIterable(loans));
        RecordIndicators declared = RecordIndicators.of(rows.sumInYear(OWN, Loan::on, Loan::amount))
                .importing(Imported.of(REMOTE, "capital-market", "DF_REMOTE_YTD"),
                        Imported.of(REMOTE_STOCK, "capital-market", "REMOTE_STOCK"))
                .with(BOTH, LENIENT);
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("declared", declared));
        IndicatorTargets targets = year -> Mono.just(List.of(new Target("OWN_YTD", TargetKind.FLOW, new BigDecimal("1000")),
                new Target("BOTH_YTD", TargetKind.FLOW, new BigDecimal("5000000000"))));
        RecordIndicatorSource source = new RecordIndicatorSource(beans.getBeanProvider(RecordIndicators.class), targets,
                new Catalogue("test-service", List.of(), Set.of()), published);
        return source.indicators(new IndicatorQuery(period, Region.CITY)).collectList().block().stream()
                .collect(Collectors.toMap(IndicatorDto::getCode, Function.identity()));
    }
}
