package io.cityfin.reporting.indicator;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * {@link Figures} held in maps: the item sums, and per (rate item, weight item) the Σ rate × weight and Σ weight
 * over the lines that carry both. Immutable; build it with {@link #builder()}.
 */
public record MapFigures(Map<String, BigDecimal> sums, Map<Weighting, BigDecimal> weightedSums,
                         Map<Weighting, BigDecimal> weightSums) implements Figures {

    static final MapFigures EMPTY = new MapFigures(Map.of(), Map.of(), Map.of());

    /** A rate item weighted by an amount item, such as a new-loan rate by the new-loan amount. */
    public record Weighting(String rateItem, String weightItem) {

        public Weighting {
            Objects.requireNonNull(rateItem, "rateItem");
            Objects.requireNonNull(weightItem, "weightItem");
        }
    }

    public MapFigures {
        sums = Map.copyOf(sums);
        weightedSums = Map.copyOf(weightedSums);
        weightSums = Map.copyOf(weightSums);
        if (!weightedSums.keySet().equals(weightSums.keySet())) {
            throw new IllegalArgumentException("every weighting needs both its weighted sum and its weight sum");
        }
    }

    /** Figures with item sums only. */
    public static MapFigures of(Map<String, BigDecimal> sums) {
        return new MapFigures(sums, Map.of(), Map.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public @Nullable BigDecimal sum(String item) {
        return sums.get(item);
    }

    @Override
    public @Nullable BigDecimal weightedSum(String rateItem, String weightItem) {
        return weightedSums.get(new Weighting(rateItem, weightItem));
    }

    @Override
    public @Nullable BigDecimal weightSum(String rateItem, String weightItem) {
        return weightSums.get(new Weighting(rateItem, weightItem));
    }

    /** Adds figures up line by line or from sums already taken (as a database query gives them). */
    public static final class Builder {

        private final Map<String, BigDecimal> sums = new HashMap<>();
        private final Map<Weighting, BigDecimal> weightedSums = new HashMap<>();
        private final Map<Weighting, BigDecimal> weightSums = new HashMap<>();

        private Builder() {
        }

        /** Adds a value to the item's sum: one report line, or a sum already taken. */
        public Builder add(String item, BigDecimal value) {
            sums.merge(item, value, BigDecimal::add);
            return this;
        }

        /** Adds every item sum of {@code figures} (weightings are not carried over). */
        public Builder addAll(MapFigures figures) {
            figures.sums.forEach(this::add);
            return this;
        }

        /**
         * Adds one institution's line pair in one region that carries both a rate and its weight: both go to
         * their item sums, rate × weight and weight to the weighting. A weight without a rate is {@link #add}ed
         * alone and so stays out of the weighted average.
         */
        public Builder addRated(String rateItem, BigDecimal rate, String weightItem, BigDecimal weight) {
            add(rateItem, rate);
            add(weightItem, weight);
            return addWeighted(rateItem, weightItem, rate.multiply(weight), weight);
        }

        /** Adds a Σ rate × weight and its Σ weight already taken over lines that carry both items. */
        public Builder addWeighted(String rateItem, String weightItem, BigDecimal weightedSum, BigDecimal weightSum) {
            Weighting weighting = new Weighting(rateItem, weightItem);
            weightedSums.merge(weighting, weightedSum, BigDecimal::add);
            weightSums.merge(weighting, weightSum, BigDecimal::add);
            return this;
        }

        public MapFigures build() {
            return new MapFigures(sums, weightedSums, weightSums);
        }
    }
}
