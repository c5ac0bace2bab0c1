package io.cityfin.reporting.indicator;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.period.Period;
import io.cityfin.reporting.catalogue.Kind;
import io.cityfin.reporting.indicator.ReportFigures.ItemPeriod;

/**
 * The cells an indicator shows a figure from ({@link DisclosureControl}): its items (its inputs, and whatever else its
 * formula reads) at each period of {@link FigurePeriods} the {@link IndicatorCalculator} evaluates it on: the period
 * and a year earlier always; the year start (Dec y−1) for STOCK and RATIO (yearStartValue) and for any kind whose
 * formula reads {@code atYearStart}; the previous year start (Dec y−2) when the formula reads {@code atYearStart}.
 * Whether it does is found by evaluating the formula once on two recording {@link Figures} that answer a distinct
 * non-zero number for every question; the same probe tells the rate-and-weight pairs whose line-level weighted sums
 * the formula reads ({@code weightings}: a weighted average's, for lineage).
 */
public record IndicatorCells(Set<String> items, Kind kind, boolean readsYearStart, Set<MapFigures.Weighting> weightings) {

    public IndicatorCells {
        items = Set.copyOf(items);
        weightings = Set.copyOf(weightings);
    }

    public static IndicatorCells of(IndicatorDefinition definition) {
        Recording at = new Recording(2);
        Recording yearStart = new Recording(1_000_003);
        boolean readsYearStart;
        Set<String> items = new HashSet<>(definition.inputs());
        Set<MapFigures.Weighting> weightings = new HashSet<>();
        try {
            definition.formula().evaluate(at, yearStart);
            readsYearStart = !yearStart.asked.isEmpty();
            items.addAll(at.asked);
            items.addAll(yearStart.asked);
            weightings.addAll(at.weightings);
            weightings.addAll(yearStart.weightings);
        } catch (RuntimeException unexpected) {
            readsYearStart = true; // a formula the probe cannot walk is taken to read everything it names
        }
        return new IndicatorCells(items, definition.kind(), readsYearStart, weightings);
    }

    /** The (item, period) pairs shown for the periods behind an asked period; a period before the floor has none. */
    public Set<ItemPeriod> at(FigurePeriods periods) {
        Set<Period> shown = Stream.of(periods.at(), periods.previousYear(),
                        kind != Kind.FLOW || readsYearStart ? periods.yearStart() : null,
                        readsYearStart ? periods.previousYearStart() : null)
                .filter(period -> period != null).collect(Collectors.toSet());
        return shown.stream().flatMap(period -> items.stream().map(item -> new ItemPeriod(item, period)))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether any cell this indicator shows for the periods is among {@code withheld}; as {@link #at}, without sets. */
    public boolean shows(FigurePeriods periods, Set<ItemPeriod> withheld) {
        return showsAny(periods.at(), withheld) || showsAny(periods.previousYear(), withheld)
                || ((kind != Kind.FLOW || readsYearStart) && showsAny(periods.yearStart(), withheld))
                || (readsYearStart && showsAny(periods.previousYearStart(), withheld));
    }

    private boolean showsAny(@Nullable Period period, Set<ItemPeriod> withheld) {
        if (period == null) {
            return false;
        }
        for (String item : items) {
            if (withheld.contains(new ItemPeriod(item, period))) {
                return true;
            }
        }
        return false;
    }

    /** Answers each new question with the next number from {@code first} on and remembers the items asked about. */
    private static final class Recording implements Figures {

        private final Set<String> asked = new HashSet<>();
        private final Set<MapFigures.Weighting> weightings = new HashSet<>();
        private final Map<String, BigDecimal> answers = new HashMap<>();
        private long next;

        Recording(long first) {
            this.next = first;
        }

        @Override
        public @Nullable BigDecimal sum(String item) {
            asked.add(item);
            return answers.computeIfAbsent("sum " + item, question -> BigDecimal.valueOf(next++));
        }

        @Override
        public @Nullable BigDecimal weightedSum(String rateItem, String weightItem) {
            asked.add(rateItem);
            asked.add(weightItem);
            weightings.add(new MapFigures.Weighting(rateItem, weightItem));
            return answers.computeIfAbsent("weighted " + rateItem + " " + weightItem, question -> BigDecimal.valueOf(next++));
        }

        @Override
        public @Nullable BigDecimal weightSum(String rateItem, String weightItem) {
            asked.add(rateItem);
            asked.add(weightItem);
            weightings.add(new MapFigures.Weighting(rateItem, weightItem));
            return answers.computeIfAbsent("weights " + rateItem + " " + weightItem, question -> BigDecimal.valueOf(next++));
        }
    }
}
