package io.cityfin.reporting.indicator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.cityfin.common.identity.Access;
import io.cityfin.common.identity.Caller;
import io.cityfin.common.identity.Role;
import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.common.period.Period;
import io.cityfin.reporting.catalogue.Catalogue;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The indicators of a service's reports: every submitted item that is an indicator, and the service's derived
 * ones, from the sums of the latest versions (data-standard.md, "How every indicator is derived"). Completeness
 * belongs to the report type: the institutions active on the period's last day, and whether all of them reported;
 * where the catalogue has sections, only those of the types whose section holds one of the indicator's inputs.
 * Disclosure control: for SUBMITTER and PORTAL callers, a region where fewer than 3 institutions contribute to an
 * indicator's inputs is withheld; the city figure never is.
 */
@Component
public class ReportIndicatorSource implements IndicatorSource {

    static final int DISCLOSURE_MINIMUM = 3;

    private final Catalogue catalogue;
    private final List<IndicatorDefinition> definitions;
    private final List<MapFigures.Weighting> weightings;
    private final ReportFigures figures;
    private final ExpectedReports expectedReports;
    private final IndicatorTargets targets;

    public ReportIndicatorSource(Catalogue catalogue, IndicatorDefinitions definitions, ReportFigures figures,
                                 ExpectedReports expectedReports, IndicatorTargets targets) {
        this.catalogue = catalogue;
        this.definitions = definitions.all();
        this.weightings = definitions.weightings();
        this.figures = figures;
        this.expectedReports = expectedReports;
        this.targets = targets;
    }

    @Override
    public Flux<IndicatorDto> indicators(IndicatorQuery query) {
        if (definitions.isEmpty()) {
            return Flux.empty();
        }
        Period asked = query.period();
        FigurePeriods periods = FigurePeriods.of(asked);
        Mono<ReportFigures.Loaded> loaded = figures.load(periods, query.region(), weightings);
        // completeness belongs to the types whose section holds an indicator's inputs (every type without sections)
        Mono<Map<Optional<Set<String>>, ExpectedReports.Tally>> tally = Flux.fromIterable(definitions)
                .map(definition -> catalogue.typesReporting(definition.inputs())).distinct()
                .flatMap(types -> expectedReports.tally(periods.at(), types).map(t -> Map.entry(types, t)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
        Mono<List<Target>> yearTargets = targets.forQuery(query);
        Mono<Boolean> disclosureApplies = Access.callerIfAny().map(ReportIndicatorSource::underDisclosureControl).defaultIfEmpty(true);
        return Mono.zip(loaded, tally, yearTargets, disclosureApplies).flatMapMany(all -> {
            ReportFigures.Loaded sums = all.getT1();
            Map<Optional<Set<String>>, ExpectedReports.Tally> tallies = all.getT2();
            PeriodFigures periodFigures = periods.figures(sums::at);
            return Flux.fromIterable(definitions).map(definition -> {
                int contributors = sums.contributors(definition.inputs());
                ExpectedReports.Tally expected = tallies.get(catalogue.typesReporting(definition.inputs()));
                boolean suppressed = all.getT4() && !query.region().isCity() && contributors < DISCLOSURE_MINIMUM;
                return IndicatorCalculator.compute(definition, asked, periodFigures, Target.of(all.getT3(), definition.code()),
                        Coverage.of(contributors, expected.expected(), expected.complete()), suppressed, catalogue.service());
            });
        });
    }

    /** SUBMITTER and PORTAL see region figures only where enough institutions contribute; staff see all. */
    private static boolean underDisclosureControl(Caller caller) {
        return !(caller.has(Role.ADMIN) || caller.has(Role.ANALYST));
    }
}
