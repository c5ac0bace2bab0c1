package io.cityfin.reporting.indicator;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import reactor.core.publisher.Mono;

/** Port: the unrounded sums of the latest report versions for the four periods of an indicator in one region (or the city). */
public interface ReportFigures {

    Mono<Loaded> load(FigurePeriods periods, Region region, List<MapFigures.Weighting> weightings);

    /** The figures per period, and who has lines in the region at the period shown ({@link FigurePeriods#at()}). */
    record Loaded(Map<Period, Figures> figures, List<Contribution> contributions) {

        public Loaded {
            figures = Map.copyOf(figures);
            contributions = List.copyOf(contributions);
        }

        public Figures at(Period period) {
            return figures.getOrDefault(period, Figures.empty());
        }

        /** How many institutions have lines in the region for at least one of the items. */
        public int contributors(Set<String> items) {
            return contributions.stream()
                    .filter(contribution -> !Collections.disjoint(contribution.items(), items))
                    .mapToInt(Contribution::institutions)
                    .sum();
        }
    }

    /** {@code institutions} institutions have lines in the region for exactly these items. */
    record Contribution(Set<String> items, int institutions) {

        public Contribution {
            items = Set.copyOf(items);
        }
    }
}
