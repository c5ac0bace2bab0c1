package io.cityfin.reporting.indicator;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import reactor.core.publisher.Mono;

/** Port: the unrounded sums of the latest report versions for some periods in one region (or the whole city). */
public interface ReportFigures {

    Mono<Loaded> load(List<Period> periods, Region region, List<MapFigures.Weighting> weightings);

    /** The figures per period, and per period and item the institutions that have lines for it in the region. */
    record Loaded(Map<Period, Figures> figures, Map<Period, Map<String, Set<String>>> contributors) {

        public Figures at(Period period) {
            return figures.getOrDefault(period, Figures.empty());
        }

        public Set<String> contributors(Period period, Set<String> items) {
            Map<String, Set<String>> byItem = contributors.getOrDefault(period, Map.of());
            Set<String> institutions = new java.util.HashSet<>();
            items.forEach(item -> institutions.addAll(byItem.getOrDefault(item, Set.of())));
            return institutions;
        }
    }
}
