package io.cityfin.reporting.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.cityfin.reporting.catalogue.Kind;
import io.cityfin.reporting.record.RecordService;
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

    private final Supplier<Flux<T>> read;
    private final @Nullable Supplier<Flux<Traced<T>>> traced;

    private RecordRows(Supplier<Flux<T>> read, @Nullable Supplier<Flux<Traced<T>>> traced) {
        this.read = read;
        this.traced = traced;
    }

    /** Rows read afresh, by {@code read}, for each indicator request; their lineage is unknown. */
    public static <T> RecordRows<T> of(Supplier<Flux<T>> read) {
        return new RecordRows<>(read, null);
    }

    /**
     * The latest versions not withdrawn of a collection, read afresh for each indicator request, with the versions
     * they come from (so a lineage can list them).
     */
    public static <T> RecordRows<T> of(RecordService<T> records) {
        return new RecordRows<>(records::activeContents, () -> records.activeStored().map(stored -> new Traced<>(records.collection(),
                stored.id(), stored.key(), stored.version(), stored.recordedAt(), stored.contentHash(), stored.content())));
    }

    /** Rows with the record versions they come from, read afresh by {@code traced} for each request (rows of one collection). */
    static <T> RecordRows<T> traced(Supplier<Flux<Traced<T>>> traced) {
        return new RecordRows<>(() -> traced.get().map(Traced::row), traced);
    }

    Flux<T> read() {
        return read.get();
    }

    /** Whether the rows know the record versions they come from. */
    boolean isTraced() {
        return traced != null;
    }

    /** The rows with their record versions; empty when not {@link #isTraced()}. */
    Flux<Traced<T>> readTraced() {
        return traced == null ? Flux.empty() : traced.get();
    }

    /** A row and the record version it is the content of. */
    record Traced<T>(String collection, UUID id, @Nullable String key, int version, OffsetDateTime recordedAt, String contentHash,
                     T row) {
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
