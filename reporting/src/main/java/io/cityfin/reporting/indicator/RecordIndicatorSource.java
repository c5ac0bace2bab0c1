package io.cityfin.reporting.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.cityfin.common.identity.IndicatorView;
import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import io.cityfin.reporting.catalogue.Catalogue;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Serves every {@link RecordIndicators} bean of the service: each measure evaluated at the last day D of every period
 * its {@link FigurePeriods} need, each row source read once per request however many measures it feeds (streamed:
 * only the running sums are held), then derived indicators from the same figures and the calculator's year-start,
 * year-on-year and target fields. A measure with no row counting is 0, not null. {@code region=R} keeps the rows each
 * measure places in R. Record-based: no coverage; the city figure carries the year's target. Disclosure control
 * ({@link DisclosureControl}) for the callers {@link ReportIndicatorSource} puts under it, in a county, over the measures
 * that declare a {@link RecordMeasure#contributor(java.util.function.Function) contributor}: a cell is a measure at a
 * day in a county, its contributors the distinct contributors of the rows adding a value there (the rows placed in no
 * county join the withheld cells for complementary suppression); an indicator is withheld when any cell it shows
 * ({@link IndicatorCells}: a measure's own, a derived indicator's inputs') is. Staff and city answers tally no
 * contributor.
 * Imported figures ({@link Imported}) are read once per publishing service per request from {@link PublishedIndicators}
 * (the period and region asked) and placed at P, P's previous December and P−1y; while a service does not answer, they
 * and every indicator derived from them are {@code null} and name it in {@code inputsUnavailable}. The indicators of a
 * group marked city-wide only are {@code suppressed} in a region for any caller but ADMIN and ANALYST (and for none).
 * Its {@link #tag} is the imported sheets' ETags.
 */
@Component
public class RecordIndicatorSource implements IndicatorSource {

    private static final Logger LOG = LoggerFactory.getLogger(RecordIndicatorSource.class);

    private final List<RecordMeasure<?>> measures;
    private final List<Imported> imports;
    private final List<IndicatorDefinition> definitions;
    private final Set<String> cityWideOnly;
    private final IndicatorTargets targets;
    private final Catalogue catalogue;
    private final PublishedIndicators published;
    /** The cells each indicator shows, for the indicators that show a measure with a contributor. */
    private final Map<String, IndicatorCells> controlledCells;

    public RecordIndicatorSource(ObjectProvider<RecordIndicators> declared, IndicatorTargets targets, Catalogue catalogue) {
        this(declared, targets, catalogue, PublishedIndicators.none());
    }

    @Autowired
    public RecordIndicatorSource(ObjectProvider<RecordIndicators> declared, IndicatorTargets targets, Catalogue catalogue,
                                 PublishedIndicators published) {
        List<RecordMeasure<?>> allMeasures = new ArrayList<>();
        List<Imported> allImports = new ArrayList<>();
        List<IndicatorDefinition> allDefinitions = new ArrayList<>();
        Set<String> allCityWideOnly = new HashSet<>();
        declared.orderedStream().forEach(indicators -> {
            allMeasures.addAll(indicators.measures());
            allImports.addAll(indicators.imports());
            allDefinitions.addAll(indicators.definitions());
            if (indicators.cityWideOnlyForPublic()) {
                indicators.definitions().forEach(definition -> allCityWideOnly.add(definition.code()));
            }
        });
        this.cityWideOnly = Set.copyOf(allCityWideOnly);
        this.measures = List.copyOf(allMeasures);
        this.imports = List.copyOf(allImports);
        this.definitions = List.copyOf(allDefinitions);
        this.targets = targets;
        this.catalogue = catalogue;
        this.published = published;
        Set<String> controlled = new HashSet<>();
        this.measures.stream().filter(RecordMeasure::isControlled).forEach(measure -> controlled.add(measure.definition().code()));
        Map<String, IndicatorCells> shown = new HashMap<>();
        this.definitions.forEach(definition -> {
            IndicatorCells cells = IndicatorCells.of(definition);
            if (cells.items().stream().anyMatch(controlled::contains)) {
                shown.put(definition.code(), cells);
            }
        });
        this.controlledCells = Map.copyOf(shown);
    }

    /** Every measure declared, those only feeding others included (lineage). */
    List<RecordMeasure<?>> measures() {
        return measures;
    }

    /** Every figure imported from another service (lineage). */
    List<Imported> imports() {
        return imports;
    }

    /** Every indicator served: measured, imported, derived (lineage). */
    List<IndicatorDefinition> definitions() {
        return definitions;
    }

    /**
     * Every indicator served: the measured ones (not those {@link RecordMeasure#inputOnly() only feeding others}), the
     * imported ones (each {@link Imported} declares the code it serves here, whether or not its service answers), then
     * the derived ones.
     */
    @Override
    public List<String> codes() {
        return definitions.stream().map(IndicatorDefinition::code).toList();
    }

    @Override
    public Flux<IndicatorDto> indicators(IndicatorQuery query) {
        if (definitions.isEmpty()) {
            return Flux.empty();
        }
        Mono<Boolean> controlled = controlledCells.isEmpty() ? Mono.just(false) : ReportIndicatorSource.underDisclosureControl(query);
        return controlled.flatMapMany(control -> indicators(query, control));
    }

    private Flux<IndicatorDto> indicators(IndicatorQuery query, boolean controlled) {
        Period asked = query.period();
        FigurePeriods periods = FigurePeriods.of(asked);
        List<LocalDate> days = periods.existing().map(Period::lastDay).distinct().toList();
        String region = query.region().isCity() ? null : query.region().code();
        Mono<Tally> sums = Flux.fromIterable(bySource().entrySet())
                .concatMap(source -> tally(source.getKey(), source.getValue(), days, region, controlled))
                .reduceWith(() -> Tally.empty(days), RecordIndicatorSource::merge);
        Mono<Boolean> withheld = cityWideOnly.isEmpty() ? Mono.just(false) : cityWideOnlyWithheld(query);
        return Mono.zip(sums, targets.forQuery(query), readImports(query), withheld).flatMapMany(all -> {
            Map<LocalDate, MapFigures.Builder> builders = all.getT1().sums();
            Set<Cell> withheldCells = controlled ? all.getT1().withheld(query.region()) : Set.of();
            Map<String, List<String>> unavailable = place(all.getT3(), periods, builders);
            Map<LocalDate, MapFigures> byDay = new HashMap<>();
            builders.forEach((day, builder) -> byDay.put(day, builder.build()));
            PeriodFigures figures = periods.figures(period -> byDay.getOrDefault(period.lastDay(), MapFigures.EMPTY));
            return Flux.fromIterable(definitions).map(definition -> IndicatorCalculator.compute(definition, asked, figures,
                    Target.of(all.getT2(), definition.code()), Coverage.none(),
                    (all.getT4() && cityWideOnly.contains(definition.code())) || showsWithheld(definition, periods, withheldCells),
                    catalogue.service(),
                    unavailable.getOrDefault(definition.code(), List.of())));
        });
    }

    /** Whether the indicator shows a withheld cell: a controlled measure of its own or of its inputs at a day it shows. */
    private boolean showsWithheld(IndicatorDefinition definition, FigurePeriods periods, Set<Cell> withheld) {
        IndicatorCells cells = controlledCells.get(definition.code());
        if (cells == null || withheld.isEmpty()) {
            return false;
        }
        return cells.at(periods).stream().anyMatch(cell -> withheld.contains(new Cell(cell.item(), cell.period().lastDay())));
    }

    /**
     * Whether figures that are city-wide only for the public (data-standard-2.md: risk's lead, case and alert
     * indicators) are withheld ({@code suppressed}) from this query's caller: a region asked by anyone but ADMIN and
     * ANALYST (or by no caller). For an indicator source of its own (the alerts' counts) as for {@link
     * RecordIndicators#cityWideOnly()}.
     */
    public static Mono<Boolean> cityWideOnlyWithheld(IndicatorQuery query) {
        if (query.region().isCity()) {
            return Mono.just(false);
        }
        // The view that names the answer in its ETag (IndicatorService.tag) is the one that shapes it.
        return IndicatorView.current().map(view -> view == IndicatorView.PUBLIC);
    }

    /**
     * Each publishing service's sheet for the period and region asked, read once however many of its figures are
     * imported; a service that does not answer is an empty Optional.
     */
    private Mono<Map<String, Optional<List<IndicatorDto>>>> readImports(IndicatorQuery query) {
        return sheets(query).map(sheets -> {
            Map<String, Optional<List<IndicatorDto>>> read = new HashMap<>();
            sheets.forEach((service, sheet) -> read.put(service, sheet.map(PublishedIndicators.Sheet::indicators)));
            return read;
        });
    }

    /**
     * The tags of the sheets imported for this query, by service ({@code unavailable:<service>} for one that does not
     * answer, so the tag changes again when it comes back); empty without imports. One conditional call per
     * publishing service, answered from the sheet the {@link PublishedIndicators} adapter keeps while it is unchanged.
     */
    @Override
    public Mono<String> tag(IndicatorQuery query) {
        if (imports.isEmpty()) {
            return Mono.just("");
        }
        return sheets(query).map(sheets -> {
            StringBuilder tag = new StringBuilder();
            new TreeMap<>(sheets).forEach((service, sheet) -> tag.append(service).append('=')
                    .append(sheet.map(PublishedIndicators.Sheet::etag).orElse("unavailable:" + service)).append(';'));
            return tag.toString();
        });
    }

    /** Each publishing service's sheet for the query, read once per service; a service that does not answer is empty. */
    private Mono<Map<String, Optional<PublishedIndicators.Sheet>>> sheets(IndicatorQuery query) {
        return Flux.fromIterable(imports).map(Imported::service).distinct()
                .flatMap(service -> published.sheet(service, query)
                        .map(Optional::of)
                        .onErrorResume(error -> {
                            LOG.debug("published indicators of {} unavailable: {}", service, error.toString());
                            return Mono.just(Optional.empty());
                        })
                        .defaultIfEmpty(Optional.empty())
                        .map(sheet -> Map.entry(service, sheet)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /**
     * Puts each imported figure's value at P, its year-start value at P's previous December and its year-earlier value
     * at P−1y, so that the calculator derives their comparisons as for any figure; answers, per indicator code, the
     * services that did not answer among its inputs (an imported figure, or one derived from such a figure).
     */
    private Map<String, List<String>> place(Map<String, Optional<List<IndicatorDto>>> sheets, FigurePeriods periods,
                                            Map<LocalDate, MapFigures.Builder> builders) {
        Map<String, List<String>> unavailable = new HashMap<>();
        for (Imported imported : imports) {
            String code = imported.definition().code();
            Optional<IndicatorDto> figure = sheets.getOrDefault(imported.service(), Optional.empty())
                    .flatMap(sheet -> sheet.stream().filter(indicator -> imported.code().equals(indicator.getCode())).findFirst());
            if (figure.isEmpty()) {
                unavailable.put(code, List.of(imported.serviceName()));
                continue;
            }
            Set<LocalDate> placed = new HashSet<>();
            putOnce(builders, placed, periods.at(), code, figure.get().getValue());
            putOnce(builders, placed, periods.yearStart(), code, figure.get().getYearStartValue());
            putOnce(builders, placed, periods.previousYear(), code, figure.get().getPreviousYearValue());
        }
        for (IndicatorDefinition definition : definitions) {
            Set<String> missing = new TreeSet<>(unavailable.getOrDefault(definition.code(), List.of()));
            definition.inputs().forEach(input -> missing.addAll(unavailable.getOrDefault(input, List.of())));
            if (!missing.isEmpty()) {
                unavailable.put(definition.code(), List.copyOf(missing));
            }
        }
        return unavailable;
    }

    /** The figure at the period's last day, once per day (P−1y and P's previous December are one day in December). */
    private static void putOnce(Map<LocalDate, MapFigures.Builder> builders, Set<LocalDate> placed, @Nullable Period period,
                                String code, @Nullable BigDecimal value) {
        if (period == null || value == null || !placed.add(period.lastDay())) {
            return;
        }
        MapFigures.Builder builder = builders.get(period.lastDay());
        if (builder != null) {
            builder.add(code, value);
        }
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

    /**
     * One pass over the rows: every measure of the group at every day, starting from 0. Under disclosure control, a
     * measure with a contributor is evaluated city-wide and each row adding a value names its contributor in its county.
     */
    @SuppressWarnings("unchecked")
    private Mono<Tally> tally(RecordRows<?> rows, List<RecordMeasure<?>> group, List<LocalDate> days, @Nullable String region,
                              boolean controlled) {
        return ((RecordRows<Object>) rows).read().reduceWith(() -> Tally.empty(days), (tally, row) -> {
            for (RecordMeasure<?> measure : group) {
                RecordMeasure<Object> counted = (RecordMeasure<Object>) measure;
                boolean contributes = controlled && counted.isControlled();
                for (LocalDate day : days) {
                    BigDecimal value = counted.at(row, day, contributes ? null : region);
                    if (value == null) {
                        continue;
                    }
                    if (contributes) {
                        String placed = counted.regionOf(row);
                        tally.contributors().computeIfAbsent(new Cell(measure.definition().code(), day), cell -> new Contributors())
                                .add(placed, counted.contributorOf(row));
                        if (region != null && !region.equals(placed)) {
                            continue;
                        }
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
            return tally;
        });
    }

    /**
     * The running sums per day, the values distinct measures have counted per (measure, day), and under disclosure
     * control the contributors of each cell of a measure with a contributor.
     */
    private record Tally(Map<LocalDate, MapFigures.Builder> sums, Map<String, Set<Object>> seen, Map<Cell, Contributors> contributors) {

        static Tally empty(List<LocalDate> days) {
            Map<LocalDate, MapFigures.Builder> sums = new HashMap<>();
            days.forEach(day -> sums.put(day, MapFigures.builder()));
            return new Tally(sums, new HashMap<>(), new HashMap<>());
        }

        /** The cells of {@code county} that primary or complementary suppression withholds. */
        Set<Cell> withheld(Region county) {
            Set<Cell> withheld = new HashSet<>();
            contributors.forEach((cell, who) -> {
                if (who.withhold().contains(county)) {
                    withheld.add(cell);
                }
            });
            return withheld;
        }
    }

    /** A controlled measure at a day: a county's cell is the measure there. */
    private record Cell(String item, LocalDate day) {
    }

    /** The distinct contributors of one (measure, day) per county, and of its rows placed in no county. */
    private static final class Contributors {

        /** Stands for the rows that do not name their contributor: together, one contributor. */
        private static final String UNKNOWN = "\0unknown";

        private final Map<Region, Set<String>> counties = new EnumMap<>(Region.class);
        private final Set<String> elsewhere = new HashSet<>();

        void add(@Nullable String region, @Nullable Object contributor) {
            String who = contributor == null ? UNKNOWN : contributor.toString();
            Region county = region == null ? null : Region.ofCode(region).filter(placed -> !placed.isCity()).orElse(null);
            (county == null ? elsewhere : counties.computeIfAbsent(county, c -> new HashSet<>())).add(who);
        }

        Set<Region> withhold() {
            Map<Region, Integer> counts = new EnumMap<>(Region.class);
            counties.forEach((county, who) -> counts.put(county, who.size()));
            return DisclosureControl.withheld(counts, counties, elsewhere);
        }
    }

    private static Tally merge(Tally into, Tally more) {
        more.sums().forEach((day, builder) -> into.sums().get(day).addAll(builder.build()));
        into.contributors().putAll(more.contributors());
        return into;
    }
}
