package io.cityfin.reporting.indicator;

import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
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
 * Every county with contributors that primary suppression leaves shown has at least 3 of them, so it always adds a new
 * one and one complement is always enough: only the primary cells' institutions are ever needed, the other counties'
 * numbers of contributors decide the rest. A cell's fate depends only on its (item, period), never on the query that
 * shows it. Pure; no I/O.
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

    /**
     * Every withheld county of one (item, period), primary and complementary.
     *
     * @param contributors each county's number of contributors (a county left out has none)
     * @param institutions the contributors of (at least) each primary county
     */
    public static Set<Region> withheld(Map<Region, Integer> contributors, Map<Region, Set<String>> institutions) {
        return withheld(contributors, institutions, Set.of());
    }

    /**
     * As {@link #withheld(Map, Map)} when part of the city figure lies in no county (a record placed in the city only,
     * or nowhere): that part is never shown on its own, yet city minus the counties gives it, so its contributors
     * ({@code elsewhere}) join the withheld cells'; while they have fewer than 3 together, one county more is withheld.
     */
    public static Set<Region> withheld(Map<Region, Integer> contributors, Map<Region, Set<String>> institutions, Set<String> elsewhere) {
        Set<Region> withheld = primary(contributors);
        Set<String> covered = new HashSet<>(elsewhere);
        withheld.forEach(county -> covered.addAll(institutions.getOrDefault(county, Set.of())));
        if ((withheld.isEmpty() && elsewhere.isEmpty()) || covered.size() >= MINIMUM) {
            return withheld;
        }
        // the others with contributors have at least MINIMUM each: any of them adds a new one and suffices
        Region.counties().stream()
                .filter(county -> !withheld.contains(county) && contributors.getOrDefault(county, 0) > 0)
                .min(Comparator.<Region>comparingInt(contributors::get).thenComparing(Region::ordinal))
                .ifPresent(withheld::add);
        return withheld;
    }

    /**
     * The cells of {@code county} among {@code cells} that the numbers of contributors alone decide, given per (item,
     * period) each county's number: {@code withheld} (1 or 2 there), and {@code undecided} (3 or more there while other
     * counties have 1 or 2; mapped to those counties, whose institutions decide, see {@link #withheld(Map, Map)}).
     */
    public static Counted count(Region county, Collection<ItemPeriod> cells, Map<ItemPeriod, Map<Region, Integer>> contributors) {
        Set<ItemPeriod> withheld = new HashSet<>();
        Map<ItemPeriod, Set<Region>> undecided = new HashMap<>();
        for (ItemPeriod cell : cells) {
            Map<Region, Integer> counties = contributors.getOrDefault(cell, Map.of());
            int here = counties.getOrDefault(county, 0);
            if (here == 0) {
                continue;
            }
            Set<Region> primary = primary(counties);
            if (here < MINIMUM) {
                withheld.add(cell);
            } else if (!primary.isEmpty()) {
                undecided.put(cell, primary);
            }
        }
        return new Counted(withheld, undecided);
    }

    /**
     * The cells of {@code county} among {@code cells} that complementary suppression withholds, given every county's
     * number of contributors and the institutions of the primary cells.
     */
    public static Set<ItemPeriod> complementary(Region county, Collection<ItemPeriod> cells,
                                                Map<ItemPeriod, Map<Region, Integer>> contributors,
                                                Map<ItemPeriod, Map<Region, Set<String>>> institutions) {
        return cells.stream()
                .filter(cell -> withheld(contributors.getOrDefault(cell, Map.of()), institutions.getOrDefault(cell, Map.of())).contains(county))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * What the numbers of contributors decide for one county: the cells primary suppression withholds there, and the
     * cells that need the institutions of their primary counties (named) to decide.
     */
    public record Counted(Set<ItemPeriod> withheld, Map<ItemPeriod, Set<Region>> undecided) {

        public Counted {
            withheld = Set.copyOf(withheld);
            undecided = Map.copyOf(undecided);
        }
    }
}
