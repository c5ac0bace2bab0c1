package io.cityfin.reporting.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.cityfin.reporting.catalogue.Kind;
import io.cityfin.reporting.institution.Institution;
import io.cityfin.reporting.institution.Institutions;
import io.cityfin.reporting.record.RecordFamily;
import io.cityfin.reporting.record.RecordRef;
import io.cityfin.reporting.record.RecordService;
import io.cityfin.reporting.record.RecordView;
import reactor.core.publisher.Flux;

/**
 * The rows a service measures indicators on — the latest versions of a record collection not withdrawn, or a
 * registry — and the measures declared on them. Rows are read once per indicator request however many measures
 * they feed, streamed, never held.
 *
 * <pre>{@code
 * RecordRows<Enterprise> enterprises = RecordRows.of(enterpriseRecords);
 * enterprises.count(SPECIALISED_SME_COUNT, (e, d) -> e.specialisedSmeOn(d)).region(Enterprise::region)
 * issues.sumInYear(DF_PLATFORM_YTD, Issue::issuedOn, Issue::amount).when(Issue::byPlatform).region(Issue::region)
 * }</pre>
 */
public final class RecordRows<T> {

    /** The collection name a registry version is listed under. */
    public static final String REGISTRY = "institutions";

    private final Supplier<Flux<T>> read;
    private final @Nullable Supplier<Flux<Traced<T>>> traced;

    private RecordRows(Supplier<Flux<T>> read, @Nullable Supplier<Flux<Traced<T>>> traced) {
        this.read = read;
        this.traced = traced;
    }

    /**
     * Rows read afresh, by {@code read}, for each indicator request, without the versions they come from: a lineage
     * gives their totals only. For rows no stored version stands behind (tests); a service's rows are {@link #traced}.
     */
    public static <T> RecordRows<T> of(Supplier<Flux<T>> read) {
        return new RecordRows<>(read, null);
    }

    /**
     * The latest versions not withdrawn of a collection (nor their parents), read afresh for each indicator request,
     * each with its version and its parent's (so a lineage can list them).
     */
    public static <T> RecordRows<T> of(RecordService<T> records) {
        // indicators read the contents alone; the versions are wrapped for a lineage only
        return new RecordRows<>(records::activeContents, () -> records.activeViews().map(view -> Traced.of(view, view.content())));
    }

    /** As {@link #of(RecordService)}, each row the view: the content with its parent's content (a pipeline with its enterprise). */
    public static <T> RecordRows<RecordView<T>> views(RecordService<T> records) {
        return new RecordRows<>(records::activeViews, () -> records.activeViews().map(view -> Traced.of(view, view)));
    }

    /**
     * The latest versions not withdrawn of a collection, each with its children in {@code children} not withdrawn (a
     * platform with its ratings): the record's version counts, read with its children's.
     */
    public static <T, C> RecordRows<RecordFamily<T, C>> families(RecordService<T> records, RecordService<C> children) {
        return new RecordRows<>(() -> records.activeFamilies(children),
                () -> records.activeFamilies(children).map(family -> new Traced<>(family.ref(), family.childRefs(), family)));
    }

    /** The registry's latest version of every institution, each named by its code and version ({@link #registryVersion}). */
    public static RecordRows<Institution> of(Institutions registry) {
        return new RecordRows<>(registry::allLatest,
                () -> registry.allLatest().map(institution -> new Traced<>(registryVersion(institution), List.of(), institution)));
    }

    /**
     * Rows with the versions they come from, read afresh by {@code traced} for each request: rows a service joins
     * from several collections or from the registry, each naming the version it counts and those it was read with.
     */
    public static <T> RecordRows<T> traced(Supplier<Flux<Traced<T>>> traced) {
        return new RecordRows<>(() -> traced.get().map(Traced::row), traced);
    }

    /** An institution's registry version as a lineage names it: collection {@code institutions}, its code as key, no id nor hash. */
    public static RecordRef registryVersion(Institution institution) {
        return new RecordRef(REGISTRY, null, institution.code(), institution.version(), institution.changedAt(), null);
    }

    Flux<T> read() {
        return read.get();
    }

    /** Whether the rows know the versions they come from. */
    boolean isTraced() {
        return traced != null;
    }

    /** The rows with their versions; empty when not {@link #isTraced()}. */
    Flux<Traced<T>> readTraced() {
        return traced == null ? Flux.empty() : traced.get();
    }

    /**
     * A row and the versions behind it: {@code source}, the version it counts (a record's, or an institution's in the
     * registry), and {@code joined}, those it was read with (its parent, its children, the institution that places it,
     * the actions taken on it).
     */
    public record Traced<T>(RecordRef source, List<RecordRef> joined, T row) {

        public Traced {
            Objects.requireNonNull(source, "source");
            joined = List.copyOf(joined);
        }

        /** {@code row} made from a view: the view's version, read with its parent's (if it has one). */
        public static <T> Traced<T> of(RecordView<?> view, T row) {
            return new Traced<>(view.ref(), view.parentRef() == null ? List.of() : List.of(view.parentRef()), row);
        }
    }

    /** A STOCK count: rows in a state at D. */
    public RecordMeasure<T> count(IndicatorDefinition definition, BiPredicate<T, LocalDate> inStateAt) {
        return measure(definition, (row, day) -> inStateAt.test(row, day) ? BigDecimal.ONE : null);
    }

    /** A FLOW count: rows whose date lies in D's year up to D. */
    public RecordMeasure<T> countInYear(IndicatorDefinition definition, Function<T, @Nullable LocalDate> dated) {
        return measure(definition, (row, day) -> inYear(dated.apply(row), day) ? BigDecimal.ONE : null);
    }

    /** A FLOW sum: Σ {@code amount} of rows whose date lies in D's year up to D. */
    public RecordMeasure<T> sumInYear(IndicatorDefinition definition, Function<T, @Nullable LocalDate> dated,
                                      Function<T, @Nullable BigDecimal> amount) {
        return measure(definition, (row, day) -> inYear(dated.apply(row), day) ? amount.apply(row) : null);
    }

    /** Any measure: what a row adds at D (null for nothing); the sum over rows is the figure. */
    public RecordMeasure<T> measure(IndicatorDefinition definition, BiFunction<T, LocalDate, @Nullable BigDecimal> at) {
        return new RecordMeasure<>(definition, this, at, row -> true, row -> null, null);
    }

    /** From 1 January of D's year to D, both inclusive. */
    public static boolean inYear(@Nullable LocalDate date, LocalDate day) {
        return date != null && date.getYear() == day.getYear() && !date.isAfter(day);
    }

    /** On or before D. */
    public static boolean byDay(@Nullable LocalDate date, LocalDate day) {
        return date != null && !date.isAfter(day);
    }

    /** A measured indicator's definition: its own figure is its formula. */
    public static IndicatorDefinition measured(String code, String nameZh, String nameEn, io.cityfin.reporting.catalogue.Unit unit, Kind kind) {
        return new IndicatorDefinition(code, nameZh, nameEn, unit, kind, Formula.item(code), java.util.Set.of(code));
    }
}
