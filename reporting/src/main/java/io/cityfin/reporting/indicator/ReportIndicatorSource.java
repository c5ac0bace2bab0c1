package io.cityfin.reporting.indicator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.cityfin.common.identity.IndicatorView;
import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import io.cityfin.reporting.catalogue.Catalogue;
import io.cityfin.reporting.indicator.ReportFigures.ItemPeriod;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The indicators of a service's reports: every submitted item that is an indicator, and the service's derived
 * ones, from the sums of the latest versions (data-standard.md, "How every indicator is derived"). Completeness
 * belongs to the report type: the institutions active on the period's last day, and whether all of them reported;
 * where the catalogue has sections, only those of the types whose section holds one of the indicator's inputs.
 * Disclosure control ({@link DisclosureControl}), for SUBMITTER and PORTAL callers and callers without a token, in a
 * county: an indicator is withheld when any cell it shows a figure from ({@link IndicatorCells}) is withheld; the
 * city figure never is. Staff and city answers read nothing for it.
 */
@Component
public class ReportIndicatorSource implements IndicatorSource {

    private final Catalogue catalogue;
    private final List<IndicatorDefinition> definitions;
    private final Map<String, IndicatorCells> cells;
    /** Per indicator, the institution types whose completeness it shows (empty: every type); and each such set once. */
    private final Map<String, Optional<Set<String>>> typesReporting;
    private final List<Optional<Set<String>>> typeSets;
    private final List<MapFigures.Weighting> weightings;
    private final ReportFigures figures;
    private final IndicatorTargets targets;

    public ReportIndicatorSource(Catalogue catalogue, IndicatorDefinitions definitions, ReportFigures figures,
                                 IndicatorTargets targets) {
        this.catalogue = catalogue;
        this.definitions = definitions.all();
        Map<String, IndicatorCells> cells = new LinkedHashMap<>();
        this.definitions.forEach(definition -> cells.put(definition.code(), IndicatorCells.of(definition)));
        this.cells = Map.copyOf(cells);
        Map<String, Optional<Set<String>>> typesReporting = new HashMap<>();
        this.definitions.forEach(definition -> typesReporting.put(definition.code(), catalogue.typesReporting(definition.inputs())));
        this.typesReporting = Map.copyOf(typesReporting);
        this.typeSets = typesReporting.values().stream().distinct().toList();
        this.weightings = definitions.weightings();
        this.figures = figures;
        this.targets = targets;
    }

    /** Every definition's code: the catalogue's indicator items, then the derived ones (the sheet lists each, always). */
    @Override
    public List<String> codes() {
        return definitions.stream().map(IndicatorDefinition::code).toList();
    }

    @Override
    public Flux<IndicatorDto> indicators(IndicatorQuery query) {
        if (definitions.isEmpty()) {
            return Flux.empty();
        }
        return underDisclosureControl(query).flatMapMany(controlled -> indicators(query, controlled));
    }

    private Flux<IndicatorDto> indicators(IndicatorQuery query, boolean controlled) {
        Period asked = query.period();
        FigurePeriods periods = FigurePeriods.of(asked);
        // completeness belongs to the types whose section holds an indicator's inputs (every type without sections),
        // read with the figures
        Mono<Withheld> loaded = figures.load(periods, query.region(), weightings, controlled, typeSets)
                .flatMap(sums -> controlled ? withheld(sums, query.region(), periods) : Mono.just(new Withheld(sums, Set.of())));
        Mono<List<Target>> yearTargets = targets.forQuery(query);
        return Mono.zip(loaded, yearTargets).flatMapIterable(all -> {
            ReportFigures.Loaded sums = all.getT1().sums();
            Set<ItemPeriod> withheld = all.getT1().cells();
            Map<Optional<Set<String>>, ExpectedReports.Tally> tallies = sums.tallies();
            Map<String, Target> yearTarget = new HashMap<>();
            all.getT2().forEach(target -> yearTarget.putIfAbsent(target.indicator(), target));
            PeriodFigures periodFigures = periods.figures(sums::at);
            List<IndicatorDto> computed = new ArrayList<>(definitions.size());
            for (IndicatorDefinition definition : definitions) {
                int contributors = sums.contributors(definition.inputs());
                ExpectedReports.Tally expected = tallies.get(typesReporting.get(definition.code()));
                boolean suppressed = !withheld.isEmpty() && cells.get(definition.code()).shows(periods, withheld);
                computed.add(IndicatorCalculator.compute(definition, asked, periodFigures, yearTarget.get(definition.code()),
                        Coverage.of(contributors, expected.expected(), expected.complete()), suppressed, catalogue.service()));
            }
            return computed;
        });
    }

    /**
     * The withheld cells of the county among those the indicators show: every county's number of contributors decides
     * most; institution codes are read only for the cells with 3 or more contributors there while other counties have 1
     * or 2, and only those counties' (at most 2 each).
     */
    private Mono<Withheld> withheld(ReportFigures.Loaded sums, Region county, FigurePeriods periods) {
        Set<ItemPeriod> shown = new HashSet<>();
        cells.values().forEach(indicator -> shown.addAll(indicator.at(periods)));
        DisclosureControl.Counted counted = DisclosureControl.count(county, shown, sums.countyLines());
        if (counted.undecided().isEmpty()) {
            return Mono.just(new Withheld(sums, counted.withheld()));
        }
        return figures.contributors(counted.undecided()).map(institutions -> {
            Set<ItemPeriod> withheld = new HashSet<>(counted.withheld());
            withheld.addAll(DisclosureControl.complementary(county, counted.undecided().keySet(), sums.countyLines(), institutions));
            return new Withheld(sums, withheld);
        });
    }

    /**
     * Whether a query's answer is under disclosure control: a county asked by a SUBMITTER or PORTAL caller or by a call
     * without a token. Staff (ADMIN, ANALYST) see every county figure, and the city figure is never withheld. The one
     * rule for report and record indicators ({@link RecordIndicatorSource}).
     */
    static Mono<Boolean> underDisclosureControl(IndicatorQuery query) {
        if (query.region().isCity()) {
            return Mono.just(false);
        }
        // SUBMITTER and PORTAL (the PUBLIC view) see county figures only under disclosure control; staff see all. The
        // view that names the answer in its ETag (IndicatorService.tag) is the one that shapes it.
        return IndicatorView.current().map(view -> view == IndicatorView.PUBLIC);
    }

    /** The figures read, and the county's withheld cells (none when not under control). */
    private record Withheld(ReportFigures.Loaded sums, Set<ItemPeriod> cells) {
    }
}
