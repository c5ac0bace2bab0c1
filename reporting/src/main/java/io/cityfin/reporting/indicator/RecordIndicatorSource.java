package io.cityfin.reporting.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.common.period.Period;
import io.cityfin.reporting.catalogue.Catalogue;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Serves every {@link RecordIndicators} bean of the service: each measure evaluated at the last day D of every period
 * its {@link FigurePeriods} need, each row source read once per request however many measures it feeds (streamed:
 * only the running sums are held), then derived indicators from the same figures and the calculator's year-start,
 * year-on-year and target fields. A measure with no row counting is 0, not null. {@code region=R} keeps the rows each
 * measure places in R. Record-based: no coverage, no disclosure control; the city figure carries the year's target.
 */
@Component
public class RecordIndicatorSource implements IndicatorSource {

    private final List<RecordMeasure<?>> measures;
    private final List<IndicatorDefinition> definitions;
    private final IndicatorTargets targets;
    private final Catalogue catalogue;

    public RecordIndicatorSource(ObjectProvider<RecordIndicators> declared, IndicatorTargets targets, Catalogue catalogue) {
        List<RecordMeasure<?>> allMeasures = new ArrayList<>();
        List<IndicatorDefinition> allDefinitions = new ArrayList<>();
        declared.orderedStream().forEach(indicators -> {
            allMeasures.addAll(indicators.measures());
            allDefinitions.addAll(indicators.definitions());
        });
        this.measures = List.copyOf(allMeasures);
        this.definitions = List.copyOf(allDefinitions);
        this.targets = targets;
        this.catalogue = catalogue;
    }

    @Override
    public Flux<IndicatorDto> indicators(IndicatorQuery query) {
        if (definitions.isEmpty()) {
            return Flux.empty();
        }
        Period asked = query.period();
        FigurePeriods periods = FigurePeriods.of(asked);
        List<LocalDate> days = periods.existing().map(Period::lastDay).distinct().toList();
        String region = query.region().isCity() ? null : query.region().code();
        Mono<Map<LocalDate, MapFigures.Builder>> sums = Flux.fromIterable(bySource().entrySet())
                .concatMap(source -> tally(source.getKey(), source.getValue(), days, region))
                .reduceWith(() -> emptySums(days), RecordIndicatorSource::merge);
        return Mono.zip(sums, targets.forQuery(query)).flatMapMany(both -> {
            Map<LocalDate, MapFigures> byDay = new HashMap<>();
            both.getT1().forEach((day, builder) -> byDay.put(day, builder.build()));
            PeriodFigures figures = periods.figures(period -> byDay.getOrDefault(period.lastDay(), MapFigures.EMPTY));
            return Flux.fromIterable(definitions).map(definition -> IndicatorCalculator.compute(definition, asked, figures,
                    Target.of(both.getT2(), definition.code()),
                    Coverage.none(), false, catalogue.service()));
        });
    }

    /** The measures grouped by the rows they read, in declaration order. */
    private Map<RecordRows<?>, List<RecordMeasure<?>>> bySource() {
        Map<RecordRows<?>, List<RecordMeasure<?>>> grouped = new IdentityHashMap<>();
        Map<RecordRows<?>, List<RecordMeasure<?>>> ordered = new LinkedHashMap<>();
        for (RecordMeasure<?> measure : measures) {
            List<RecordMeasure<?>> group = grouped.computeIfAbsent(measure.rows(), rows -> new ArrayList<>());
            group.add(measure);
            ordered.putIfAbsent(measure.rows(), group);
        }
        return ordered;
    }

    /** One pass over the rows: every measure of the group at every day, starting from 0. */
    @SuppressWarnings("unchecked")
    private Mono<Map<LocalDate, MapFigures.Builder>> tally(RecordRows<?> rows, List<RecordMeasure<?>> group, List<LocalDate> days,
                                                          @Nullable String region) {
        return ((RecordRows<Object>) rows).read().reduceWith(() -> new Tally(emptySums(days), new HashMap<>()), (tally, row) -> {
            for (RecordMeasure<?> measure : group) {
                RecordMeasure<Object> counted = (RecordMeasure<Object>) measure;
                for (LocalDate day : days) {
                    BigDecimal value = counted.at(row, day, region);
                    if (value == null) {
                        continue;
                    }
                    if (!counted.isDistinct()) {
                        tally.sums().get(day).add(measure.definition().code(), value);
                    } else if (tally.seen().computeIfAbsent(measure.definition().code() + "@" + day, k -> new HashSet<>())
                            .add(counted.distinctKey(row))) {
                        tally.sums().get(day).add(measure.definition().code(), BigDecimal.ONE);
                    }
                }
            }
            return tally;
        }).map(tally -> {
            group.forEach(measure -> days.forEach(day -> tally.sums().get(day).add(measure.definition().code(), BigDecimal.ZERO)));
            return tally.sums();
        });
    }

    /** The running sums per day, and the values distinct measures have counted per (measure, day). */
    private record Tally(Map<LocalDate, MapFigures.Builder> sums, Map<String, Set<Object>> seen) {
    }

    private static Map<LocalDate, MapFigures.Builder> emptySums(List<LocalDate> days) {
        Map<LocalDate, MapFigures.Builder> sums = new HashMap<>();
        days.forEach(day -> sums.put(day, MapFigures.builder()));
        return sums;
    }

    private static Map<LocalDate, MapFigures.Builder> merge(Map<LocalDate, MapFigures.Builder> into, Map<LocalDate, MapFigures.Builder> more) {
        more.forEach((day, builder) -> into.get(day).addAll(builder.build()));
        return into;
    }
}
