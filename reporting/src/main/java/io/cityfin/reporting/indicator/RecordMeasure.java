package io.cityfin.reporting.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * One indicator measured on rows (records, registry entries) at a day D, declared in a line: how much one row adds
 * at D (1 for a count, an amount for a sum, null for nothing) and which region it counts in. The machinery's
 * record indicator source evaluates it at every day its {@link FigurePeriods} need and the calculator derives the
 * rest (year start, year on year, target). Build one with {@link RecordRows}.
 */
public final class RecordMeasure<T> {

    private final IndicatorDefinition definition;
    private final RecordRows<T> rows;
    private final BiFunction<T, LocalDate, @Nullable BigDecimal> value;
    private final Predicate<T> filter;
    private final Function<T, @Nullable String> region;
    private final @Nullable Function<T, ?> distinctBy;
    private final boolean served;
    private final @Nullable Function<T, ?> contributor;

    RecordMeasure(IndicatorDefinition definition, RecordRows<T> rows, BiFunction<T, LocalDate, @Nullable BigDecimal> value,
                  Predicate<T> filter, Function<T, @Nullable String> region, @Nullable Function<T, ?> distinctBy) {
        this(definition, rows, value, filter, region, distinctBy, true, null);
    }

    private RecordMeasure(IndicatorDefinition definition, RecordRows<T> rows, BiFunction<T, LocalDate, @Nullable BigDecimal> value,
                          Predicate<T> filter, Function<T, @Nullable String> region, @Nullable Function<T, ?> distinctBy, boolean served,
                          @Nullable Function<T, ?> contributor) {
        this.definition = Objects.requireNonNull(definition, "definition");
        this.rows = rows;
        this.value = value;
        this.filter = filter;
        this.region = region;
        this.distinctBy = distinctBy;
        this.served = served;
        this.contributor = contributor;
    }

    /** Only rows passing {@code condition} count (at every D). */
    public RecordMeasure<T> when(Predicate<T> condition) {
        return new RecordMeasure<>(definition, rows, value, filter.and(condition), region, distinctBy, served, contributor);
    }

    /** The region a row counts in for {@code region=R} (the city counts every row). */
    public RecordMeasure<T> region(Function<T, @Nullable String> regionOf) {
        return new RecordMeasure<>(definition, rows, value, filter, regionOf, distinctBy, served, contributor);
    }

    /**
     * A count of distinct values rather than of rows: at each D, the rows that count add 1 for each value of
     * {@code key} not seen before (organisations with an inspection in the year, the settings publicity reached).
     */
    public RecordMeasure<T> distinct(Function<T, ?> key) {
        return new RecordMeasure<>(definition, rows, value, filter, region, key, served, contributor);
    }

    /**
     * A figure that only feeds derived indicators (the principal a repayment share divides by): tallied like any
     * measure, never served as an indicator of its own.
     */
    public RecordMeasure<T> inputOnly() {
        return new RecordMeasure<>(definition, rows, value, filter, region, distinctBy, false, contributor);
    }

    /**
     * Whose confidential figure a row is (the insurer's code, the fund's AMAC code, the platform's USCC): the measure's
     * county figures come under disclosure control ({@link DisclosureControl}), counting the distinct contributors of
     * the rows that add a value to a cell. Without one (counts of entities, public figures) a measure is not controlled.
     */
    public RecordMeasure<T> contributor(Function<T, ?> who) {
        return new RecordMeasure<>(definition, rows, value, filter, region, distinctBy, served, who);
    }

    /** Whether the measure declares whose figure a row is, and so comes under disclosure control. */
    boolean isControlled() {
        return contributor != null;
    }

    /** Who a row's figure belongs to; {@code null} when the row does not say (counted as one unknown contributor). */
    @Nullable Object contributorOf(T row) {
        return contributor == null ? null : contributor.apply(row);
    }

    /** The region a row counts in; {@code null} when none. */
    @Nullable String regionOf(T row) {
        return region.apply(row);
    }

    /** Whether the measure is served as an indicator (false: it only feeds derived ones). */
    public boolean served() {
        return served;
    }

    /** The value a counting row is distinct by; null when every row counts on its own. */
    @Nullable Object distinctKey(T row) {
        return distinctBy == null ? null : distinctBy.apply(row);
    }

    boolean isDistinct() {
        return distinctBy != null;
    }

    public IndicatorDefinition definition() {
        return definition;
    }

    RecordRows<T> rows() {
        return rows;
    }

    /** The figure over {@code rows} at D in the region asked ({@code null}: the city): 0 when no row adds anything. */
    public BigDecimal total(Iterable<? extends T> rows, LocalDate day, @Nullable String askedRegion) {
        BigDecimal total = BigDecimal.ZERO;
        java.util.Set<Object> seen = new java.util.HashSet<>();
        for (T row : rows) {
            BigDecimal value = at(row, day, askedRegion);
            if (value != null && (!isDistinct() || seen.add(distinctKey(row)))) {
                total = total.add(isDistinct() ? BigDecimal.ONE : value);
            }
        }
        return total;
    }

    /** What the row adds at D in the region asked ({@code null}: the city); null when it adds nothing. */
    public @Nullable BigDecimal at(T row, LocalDate day, @Nullable String askedRegion) {
        if (!filter.test(row) || (askedRegion != null && !askedRegion.equals(region.apply(row)))) {
            return null;
        }
        return value.apply(row, day);
    }
}
