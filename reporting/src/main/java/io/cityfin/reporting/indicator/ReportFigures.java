package io.cityfin.reporting.indicator;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import reactor.core.publisher.Mono;

/** Port: the unrounded sums of the latest report versions for the four periods of an indicator in one region (or the city). */
public interface ReportFigures {

    /**
     * The figures of {@code region} at the periods there are; with {@code countyLines}, also how many institutions
     * have lines for each item in each county at those periods (for disclosure control); and the completeness tally
     * ({@link ExpectedReports}) at the period shown of each of {@code tallied} (institution types; empty: every type).
     * All read in the same statement.
     */
    Mono<Loaded> load(FigurePeriods periods, Region region, List<MapFigures.Weighting> weightings, boolean countyLines,
                      List<Optional<Set<String>>> tallied);

    /** Per (item, period) and county asked, the institutions with a line for the item there (none: no entry). */
    Mono<Map<ItemPeriod, Map<Region, Set<String>>>> contributors(Map<ItemPeriod, Set<Region>> cells);

    /**
     * The figures per period, who has lines in the region at the period shown ({@link FigurePeriods#at()}), when
     * asked, how many institutions have lines per (item, period) in each county that has any, and the tallies asked.
     */
    record Loaded(Map<Period, Figures> figures, List<Contribution> contributions,
                  Map<ItemPeriod, Map<Region, Integer>> countyLines, Map<Optional<Set<String>>, ExpectedReports.Tally> tallies) {

        public Loaded {
            figures = Map.copyOf(figures);
            contributions = List.copyOf(contributions);
            countyLines = Map.copyOf(countyLines);
            tallies = Map.copyOf(tallies);
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

    /** An item at a period: with a county, one cell of disclosure control. */
    record ItemPeriod(String item, Period period) {

        public ItemPeriod {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(period, "period");
        }
    }
}
