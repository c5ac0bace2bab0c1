package io.cityfin.reporting.indicator;

import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.cityfin.common.region.Region;
import io.cityfin.reporting.indicator.ReportFigures.ItemPeriod;

/**
 * Disclosure control as statistical offices do it, over cells: an item at a period in a county, whose contributors
 * are the institutions with a line for that item in that county in that period's latest versions. A cell with no
 * contributor shows nothing and is never withheld.
 *
 * <ul>
 *   <li>Primary: a cell with 1 or 2 contributors is withheld.</li>
 *   <li>Complementary, per (item, period) over {@link Region#counties()}: the city figure stays shown, so the withheld
 *       cells must together have at least 3 distinct contributors (an institution in two of them counts once). While
 *       they have fewer, the county with the fewest contributors among those that add at least one new contributor is
 *       withheld too (ties: {@link Region} order). When none is left, the city itself has fewer than 3.</li>
 * </ul>
 *
 * A cell's fate depends only on its (item, period), never on the query that shows it. Pure; no I/O.
 */
public final class DisclosureControl {

    /** The fewest contributors a shown cell, and the withheld cells of an (item, period) together, may have. */
    public static final int MINIMUM = 3;

    private DisclosureControl() {
    }

    /** The counties whose cell has 1 or 2 contributors, given each county's number of contributors. */
    public static Set<Region> primary(Map<Region, Integer> contributors) {
        Set<Region> primary = EnumSet.noneOf(Region.class);
        contributors.forEach((county, count) -> {
            if (count > 0 && count < MINIMUM) {
                primary.add(county);
            }
        });
        return primary;
    }

    /** Every withheld county of one (item, period), primary and complementary, given each county's contributors. */
    public static Set<Region> withheld(Map<Region, Set<String>> contributors) {
        Set<Region> withheld = primary(contributors.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().size())));
        Set<String> covered = new HashSet<>();
        withheld.forEach(county -> covered.addAll(contributors.get(county)));
        while (!withheld.isEmpty() && covered.size() < MINIMUM) {
            Optional<Region> next = Region.counties().stream()
                    .filter(county -> !withheld.contains(county))
                    .filter(county -> !covered.containsAll(contributors.getOrDefault(county, Set.of())))
                    .min(Comparator.<Region>comparingInt(county -> contributors.get(county).size()).thenComparing(Region::ordinal));
            if (next.isEmpty()) {
                break;
            }
            withheld.add(next.get());
            covered.addAll(contributors.get(next.get()));
        }
        return withheld;
    }

    /**
     * The cells of {@code county} among {@code cells} that the counts alone decide, given per (item, period) each
     * county's number of contributors: {@code withheld} (1 or 2 there), and {@code undecided} (3 or more there while
     * another county has 1 or 2, so that the contributors of every county decide, see {@link #withheld(Map)}).
     */
    public static Counted count(Region county, Collection<ItemPeriod> cells, Map<ItemPeriod, Map<Region, Integer>> contributors) {
        Set<ItemPeriod> withheld = new HashSet<>();
        Set<ItemPeriod> undecided = new HashSet<>();
        for (ItemPeriod cell : cells) {
            Map<Region, Integer> counties = contributors.getOrDefault(cell, Map.of());
            int here = counties.getOrDefault(county, 0);
            if (here == 0) {
                continue;
            }
            if (here < MINIMUM) {
                withheld.add(cell);
            } else if (!primary(counties).isEmpty()) {
                undecided.add(cell);
            }
        }
        return new Counted(Set.copyOf(withheld), Set.copyOf(undecided));
    }

    /** The cells of {@code county} among {@code cells} that complementary suppression withholds, given every county's contributors. */
    public static Set<ItemPeriod> complementary(Region county, Collection<ItemPeriod> cells,
                                                Map<ItemPeriod, Map<Region, Set<String>>> contributors) {
        return cells.stream()
                .filter(cell -> withheld(contributors.getOrDefault(cell, Map.of())).contains(county))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** What the counts decide for one county: cells withheld by primary suppression, and cells that need the contributors. */
    public record Counted(Set<ItemPeriod> withheld, Set<ItemPeriod> undecided) {

        public Counted {
            withheld = Set.copyOf(withheld);
            undecided = Set.copyOf(undecided);
        }
    }
}
