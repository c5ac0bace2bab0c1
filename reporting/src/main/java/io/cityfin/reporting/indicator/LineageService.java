package io.cityfin.reporting.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import io.cityfin.common.identity.Access;
import io.cityfin.common.identity.AccessRule;
import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.common.period.Period;
import io.cityfin.common.problem.FieldError;
import io.cityfin.common.problem.ProblemException;
import io.cityfin.reporting.catalogue.Catalogue;
import io.cityfin.reporting.catalogue.Item;
import io.cityfin.reporting.catalogue.Kind;
import io.cityfin.reporting.indicator.IndicatorLineage.Line;
import io.cityfin.reporting.indicator.IndicatorLineage.Reading;
import io.cityfin.reporting.indicator.IndicatorLineage.RecordEntry;
import io.cityfin.reporting.indicator.IndicatorLineage.ReportVersion;
import io.cityfin.reporting.indicator.IndicatorLineage.Role;
import io.cityfin.reporting.record.RecordRef;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /indicators/{code}/lineage} (ADMIN, ANALYST): where an indicator's figure comes from. A measured report
 * indicator lists, at each period its figure reads ({@link FigurePeriods}: the period and a year earlier; the year
 * start for STOCK and RATIO or when a derived indicator reading it reads the year start; that year earlier's year
 * start then too), the latest report versions and their lines summed, read in one statement for the whole tree
 * ({@link ReportLineage}); a rate a weighted average reads is listed with the weight paired with each line and its
 * weighted average as the total. A measured record indicator lists the versions that add to it (a record's, or an
 * institution's in the registry), each with the versions its row was read with ({@link RecordRows.Traced}), found by
 * the measure itself ({@link RecordMeasure#at}), each row source read once; a distinct measure credits each key's 1 to
 * the version counting it that comes first by {@link #CREDITED_FIRST}, whatever the read order. A
 * derived indicator describes its formula and lists its inputs' lineage; an imported figure names where it comes from;
 * an indicator of another {@link IndicatorSource} says it has no lineage. {@code value} is the figure
 * {@code /indicators} gives the caller. Whether the code exists is answered by {@link IndicatorService#codes()} before
 * any sheet is computed.
 */
@Service
public class LineageService {

    private static final AccessRule STAFF = AccessRule.anyOf(io.cityfin.common.identity.Role.ADMIN, io.cityfin.common.identity.Role.ANALYST);
    /** Stands for the version of a row read without one: such rows are summed, never listed. */
    private static final RecordRef UNTRACED = new RecordRef("", null, null, 0, OffsetDateTime.MIN, null);
    /** A derived indicator nested deeper than this is cut short (a formula never nests so deep; guards a cycle). */
    private static final int MAX_DEPTH = 8;

    private final IndicatorService indicators;
    private final Catalogue catalogue;
    private final ObjectProvider<ReportIndicatorSource> reportSource;
    private final ObjectProvider<ReportLineage> reportLineage;
    private final Map<String, IndicatorDefinition> reportDefinitions = new HashMap<>();
    private final Map<String, Item> items = new HashMap<>();
    private final Map<String, RecordMeasure<?>> measures = new HashMap<>();
    private final Map<String, Imported> imports = new HashMap<>();
    private final Map<String, IndicatorDefinition> recordDefinitions = new HashMap<>();
    private final Set<String> codes;

    public LineageService(IndicatorService indicators, Catalogue catalogue, IndicatorDefinitions definitions,
                          RecordIndicatorSource records, ObjectProvider<ReportIndicatorSource> reportSource,
                          ObjectProvider<ReportLineage> reportLineage) {
        this.indicators = indicators;
        this.catalogue = catalogue;
        this.reportSource = reportSource;
        this.reportLineage = reportLineage;
        definitions.all().forEach(definition -> reportDefinitions.put(definition.code(), definition));
        catalogue.items().forEach(item -> items.put(item.code(), item));
        records.measures().forEach(measure -> measures.putIfAbsent(measure.definition().code(), measure));
        records.imports().forEach(imported -> imports.putIfAbsent(imported.definition().code(), imported));
        records.definitions().forEach(definition -> recordDefinitions.putIfAbsent(definition.code(), definition));
        this.codes = Set.copyOf(indicators.codes());
    }

    /** The lineage of {@code code} for the query; 404 {@code UNKNOWN_INDICATOR} (parameter {@code code}) when the service has none. */
    public Mono<IndicatorLineage> lineage(String code, IndicatorQuery query) {
        // the codes are the configuration's: an unknown one is answered before any sheet is computed
        Mono<IndicatorSheet> sheet = Mono.defer(() -> codes.contains(code) ? indicators.indicators(query)
                : Mono.error(new ProblemException(404, "Not found", "No indicator " + code + " in " + catalogue.service() + ".",
                        List.of(FieldError.atParameter("code", "UNKNOWN_INDICATOR", "No indicator " + code + " in this service.")))));
        return Access.require(STAFF).then(sheet).flatMap(computed -> {
            Map<String, IndicatorDto> shown = new HashMap<>();
            computed.indicators().forEach(indicator -> shown.put(indicator.getCode(), indicator));
            FigurePeriods periods = FigurePeriods.of(query.period());
            Node root = plan(code, Set.of(), shown, 0, null);
            return load(root, periods, query).map(loaded -> build(root, query, periods, shown, loaded));
        });
    }

    // ---- the plan: what each node of the tree reads ----

    private enum Source { REPORT_ITEM, RECORD_MEASURE, DERIVED, IMPORTED, OTHER }

    /**
     * One node of the lineage tree, before anything is read; {@code weightedBy}: a report item read as the rate of a
     * weighted average, the weight item its lines are paired with.
     */
    private record Node(String code, @Nullable IndicatorDefinition definition, @Nullable Item item, Source source,
                        Set<Role> wanted, @Nullable RecordMeasure<?> measure, @Nullable String formula, List<Node> inputs,
                        @Nullable String weightedBy) {

        Node(String code, @Nullable IndicatorDefinition definition, @Nullable Item item, Source source, Set<Role> wanted,
             @Nullable RecordMeasure<?> measure, @Nullable String formula, List<Node> inputs) {
            this(code, definition, item, source, wanted, measure, formula, inputs, null);
        }
    }

    private Node plan(String code, Set<Role> wanted, Map<String, IndicatorDto> shown, int depth, @Nullable String weightedBy) {
        boolean reports = reportSource.getIfAvailable() != null;
        IndicatorDefinition report = reports ? reportDefinitions.get(code) : null;
        Item item = items.get(code);
        if (report != null && item != null && report.inputs().equals(Set.of(code)) && "item".equals(kindOf(report, code))) {
            return new Node(code, report, item, Source.REPORT_ITEM, wanted, null, null, List.of(), weightedBy);
        }
        if (report != null) {
            return derived(code, report, wanted, shown, depth);
        }
        RecordMeasure<?> measure = measures.get(code);
        if (measure != null) {
            return new Node(code, measure.definition(), null, Source.RECORD_MEASURE, wanted, measure,
                    measure.rows().isTraced() ? null : "measured on rows read without their versions: totals only",
                    List.of());
        }
        Imported imported = imports.get(code);
        if (imported != null) {
            return new Node(code, imported.definition(), null, Source.IMPORTED, Set.of(), null,
                    imported.serviceName() + " " + imported.code(), List.of());
        }
        IndicatorDefinition recordDerived = recordDefinitions.get(code);
        if (recordDerived != null) {
            return derived(code, recordDerived, wanted, shown, depth);
        }
        if (reports && item != null) {
            // an item that only feeds other indicators (a rate of a weighted average)
            return new Node(code, null, item, Source.REPORT_ITEM, wanted, null, null, List.of(), weightedBy);
        }
        return new Node(code, null, null, Source.OTHER, Set.of(), null,
                shown.containsKey(code) ? "computed by another indicator source of " + catalogue.service() + " (no lineage)"
                        : "unknown input " + code, List.of());
    }

    /** "item" when the definition is the item's own sum. */
    private static String kindOf(IndicatorDefinition definition, String code) {
        return Formula.describe(definition.formula()).equals(code) ? "item" : "derived";
    }

    /**
     * A derived indicator's inputs are read at every period it evaluates its formula on ({@link IndicatorCells}): P and
     * P−1y; the year start for a stock or a ratio or when the formula reads it; P−1y's year start when it reads it; and
     * wherever the indicator itself is read as an input. An input the formula reads as the rate of a weighted average
     * ({@link IndicatorCells#weightings()}) is read weighted by its weight item (the first by code, should there be two).
     */
    private Node derived(String code, IndicatorDefinition definition, Set<Role> wanted, Map<String, IndicatorDto> shown, int depth) {
        IndicatorCells cells = IndicatorCells.of(definition);
        Set<Role> read = EnumSet.of(Role.PERIOD, Role.YEAR_EARLIER);
        read.addAll(wanted);
        if (definition.kind() != Kind.FLOW || cells.readsYearStart()) {
            read.add(Role.YEAR_START);
        }
        if (cells.readsYearStart()) {
            read.add(Role.YEAR_EARLIER_YEAR_START);
        }
        List<Node> inputs = new ArrayList<>();
        if (depth < MAX_DEPTH) {
            new TreeSet<>(cells.items()).stream().filter(input -> !input.equals(code))
                    .forEach(input -> inputs.add(plan(input, read, shown, depth + 1, cells.weightings().stream()
                            .filter(weighting -> weighting.rateItem().equals(input))
                            .map(MapFigures.Weighting::weightItem).sorted().findFirst().orElse(null))));
        }
        return new Node(code, definition, null, Source.DERIVED, read, null,
                Formula.describe(definition.formula()), inputs);
    }

    /** The roles a measured node reads: P and P−1y, the year start for a stock or a ratio, and whatever a derived indicator reading it reads. */
    private static Map<Role, Period> roles(Node node, FigurePeriods periods) {
        Map<Role, Period> roles = new LinkedHashMap<>();
        Kind kind = node.definition() != null ? node.definition().kind() : node.item() != null ? node.item().kind() : Kind.FLOW;
        roles.put(Role.PERIOD, periods.at());
        if ((kind != Kind.FLOW || node.wanted().contains(Role.YEAR_START)) && periods.yearStart() != null) {
            roles.put(Role.YEAR_START, periods.yearStart());
        }
        if (periods.previousYear() != null) {
            roles.put(Role.YEAR_EARLIER, periods.previousYear());
        }
        if (node.wanted().contains(Role.YEAR_EARLIER_YEAR_START) && periods.previousYearStart() != null) {
            roles.put(Role.YEAR_EARLIER_YEAR_START, periods.previousYearStart());
        }
        return roles;
    }

    // ---- reading: one statement for every report line, each record source once ----

    /** What was read: report lines per (item, period), record entries per (measure, day). */
    private record Loaded(Map<String, List<ReportLineage.LineRow>> lines, Map<String, List<RecordEntry>> records,
                          Map<String, BigDecimal> recordTotals) {
    }

    private static String key(String code, Object at) {
        return code + "@" + at;
    }

    private Mono<Loaded> load(Node root, FigurePeriods periods, IndicatorQuery query) {
        Set<String> reportItems = new HashSet<>();
        Set<Period> reportPeriods = new HashSet<>();
        Map<RecordRows<?>, Map<RecordMeasure<?>, Set<LocalDate>>> recordReads = new IdentityHashMap<>();
        collect(root, periods, reportItems, reportPeriods, recordReads);
        ReportLineage port = reportLineage.getIfAvailable();
        Mono<Map<String, List<ReportLineage.LineRow>>> lines = port == null || reportItems.isEmpty() ? Mono.just(Map.of())
                : port.lines(reportPeriods, reportItems, query.region())
                        .collect(HashMap::new, (map, row) -> map.computeIfAbsent(key(row.item(), row.period()), k -> new ArrayList<>()).add(row));
        String region = query.region().isCity() ? null : query.region().code();
        Map<String, List<RecordEntry>> entries = new HashMap<>();
        Map<String, BigDecimal> totals = new HashMap<>();
        Mono<Void> records = Flux.fromIterable(recordReads.entrySet())
                .concatMap(read -> readRecords(read.getKey(), read.getValue(), region, entries, totals))
                .then();
        return records.then(lines).map(read -> new Loaded(read, entries, totals));
    }

    private void collect(Node node, FigurePeriods periods, Set<String> reportItems, Set<Period> reportPeriods,
                         Map<RecordRows<?>, Map<RecordMeasure<?>, Set<LocalDate>>> recordReads) {
        switch (node.source()) {
            case REPORT_ITEM -> {
                reportItems.add(node.code());
                if (node.weightedBy() != null) {
                    reportItems.add(node.weightedBy());
                }
                reportPeriods.addAll(roles(node, periods).values());
            }
            case RECORD_MEASURE -> {
                Set<LocalDate> days = recordReads.computeIfAbsent(node.measure().rows(), rows -> new LinkedHashMap<>())
                        .computeIfAbsent(node.measure(), measure -> new HashSet<>());
                roles(node, periods).values().forEach(period -> days.add(period.lastDay()));
            }
            default -> node.inputs().forEach(input -> collect(input, periods, reportItems, reportPeriods, recordReads));
        }
    }

    /**
     * The order versions are listed and credited in: the earliest ({@code recordedAt}), then the smaller id (or, for a
     * registry version, code) as text, then the smaller version. Total, so what a lineage lists, and which version it
     * credits for a distinct key, never depends on the order rows are read in.
     */
    static final Comparator<RecordRef> LISTED_FIRST = Comparator.comparing(RecordRef::recordedAt)
            .thenComparing(ref -> ref.id() != null ? ref.id().toString() : String.valueOf(ref.key()))
            .thenComparingInt(RecordRef::version);

    /** Credited first among a distinct key's counting rows: {@link #LISTED_FIRST} of their versions. */
    static final Comparator<RecordRows.Traced<?>> CREDITED_FIRST = Comparator.comparing(RecordRows.Traced::source, LISTED_FIRST);

    /**
     * One pass over one row source: each measure at each day. A plain measure lists each row adding a value. A
     * distinct measure adds 1 per key and credits it to the key's row that comes first by {@link #CREDITED_FIRST}.
     * Either lists its entries by {@link #LISTED_FIRST}.
     */
    @SuppressWarnings("unchecked")
    private static Mono<Void> readRecords(RecordRows<?> source, Map<RecordMeasure<?>, Set<LocalDate>> wanted, @Nullable String region,
                                          Map<String, List<RecordEntry>> entries, Map<String, BigDecimal> totals) {
        RecordRows<Object> rows = (RecordRows<Object>) source;
        wanted.forEach((measure, days) -> days.forEach(day -> {
            totals.put(key(measure.definition().code(), day), BigDecimal.ZERO);
            entries.put(key(measure.definition().code(), day), new ArrayList<>());
        }));
        // per (measure, day): each distinct key's credited row so far (a row without a key: the key null, counted once)
        Map<String, Map<Object, RecordRows.Traced<Object>>> credited = new HashMap<>();
        Flux<RecordRows.Traced<Object>> read = rows.isTraced() ? rows.readTraced() : rows.read().map(row -> new RecordRows.Traced<>(UNTRACED, List.of(), row));
        return read.doOnNext(traced -> wanted.forEach((measure, days) -> {
            RecordMeasure<Object> counted = (RecordMeasure<Object>) measure;
            for (LocalDate day : days) {
                BigDecimal value = counted.at(traced.row(), day, region);
                String at = key(measure.definition().code(), day);
                if (value == null) {
                    continue;
                }
                if (counted.isDistinct()) {
                    credited.computeIfAbsent(at, k -> new HashMap<>()).merge(counted.distinctKey(traced.row()), traced,
                            (kept, next) -> CREDITED_FIRST.compare(next, kept) < 0 ? next : kept);
                    continue;
                }
                totals.merge(at, value, BigDecimal::add);
                if (rows.isTraced()) {
                    entries.get(at).add(entry(traced, value));
                }
            }
        })).then(Mono.fromRunnable(() -> {
            credited.forEach((at, byKey) -> {
                totals.merge(at, BigDecimal.valueOf(byKey.size()), BigDecimal::add);
                if (rows.isTraced()) {
                    byKey.values().forEach(traced -> entries.get(at).add(entry(traced, BigDecimal.ONE)));
                }
            });
            wanted.forEach((measure, days) -> days.forEach(day -> entries.get(key(measure.definition().code(), day))
                    .sort(Comparator.comparing(RecordEntry::ref, LISTED_FIRST))));
        }));
    }

    private static RecordEntry entry(RecordRows.Traced<?> traced, BigDecimal adds) {
        return RecordEntry.of(traced.source(), adds, traced.joined());
    }

    // ---- the answer ----

    private IndicatorLineage build(Node node, IndicatorQuery query, FigurePeriods periods, Map<String, IndicatorDto> shown, Loaded loaded) {
        IndicatorDto dto = shown.get(node.code());
        String nameZh = node.definition() != null ? node.definition().nameZh() : node.item() != null ? node.item().nameZh()
                : dto != null ? dto.getNameZh() : node.code();
        String nameEn = node.definition() != null ? node.definition().nameEn() : node.item() != null ? node.item().nameEn()
                : dto != null ? dto.getNameEn() : node.code();
        String unit = node.definition() != null ? node.definition().unit().name() : node.item() != null ? node.item().unit().name()
                : dto != null ? String.valueOf(dto.getUnit()) : "";
        String kind = node.definition() != null ? node.definition().kind().name() : node.item() != null ? node.item().kind().name()
                : dto != null ? String.valueOf(dto.getKind()) : "";
        List<Reading> readings = new ArrayList<>();
        if (node.source() == Source.REPORT_ITEM && node.weightedBy() != null) {
            String weight = node.weightedBy();
            roles(node, periods).forEach((role, period) -> readings.add(weightedReading(role, period, node.code(),
                    loaded.lines().getOrDefault(key(node.code(), period), List.of()), weight,
                    loaded.lines().getOrDefault(key(weight, period), List.of()))));
        } else if (node.source() == Source.REPORT_ITEM) {
            roles(node, periods).forEach((role, period) -> readings.add(reportReading(role, period, node.code(),
                    loaded.lines().getOrDefault(key(node.code(), period), List.of()))));
        } else if (node.source() == Source.RECORD_MEASURE) {
            roles(node, periods).forEach((role, period) -> {
                String at = key(node.code(), period.lastDay());
                readings.add(new Reading(role, period, null, loaded.recordTotals().get(at), List.of(),
                        loaded.records().getOrDefault(at, List.of())));
            });
        }
        List<IndicatorLineage> inputs = node.inputs().stream().map(input -> build(input, query, periods, shown, loaded)).toList();
        return new IndicatorLineage(catalogue.service(), node.code(), nameZh, nameEn, unit, kind, query.period(), query.region(),
                dto == null ? null : dto.getValue(), node.formula(), readings, inputs);
    }

    /** The latest versions' lines of one item at one period, by institution; the total is their sum (null: no line). */
    private static Reading reportReading(Role role, Period period, String item, List<ReportLineage.LineRow> rows) {
        Map<String, List<ReportLineage.LineRow>> byInstitution = new LinkedHashMap<>();
        rows.stream().sorted(Comparator.comparing(ReportLineage.LineRow::institutionCode).thenComparing(ReportLineage.LineRow::region))
                .forEach(row -> byInstitution.computeIfAbsent(row.institutionCode(), code -> new ArrayList<>()).add(row));
        BigDecimal total = null;
        List<ReportVersion> versions = new ArrayList<>();
        for (List<ReportLineage.LineRow> lines : byInstitution.values()) {
            ReportLineage.LineRow first = lines.get(0);
            versions.add(new ReportVersion(first.institutionCode(), first.institutionName(), first.version(), first.receivedAt(),
                    first.contentHash(), lines.stream().map(line -> new Line(line.item(), line.region(), line.value())).toList()));
            for (ReportLineage.LineRow line : lines) {
                total = total == null ? line.value() : total.add(line.value());
            }
        }
        return new Reading(role, period, item, total, versions, List.of());
    }

    /**
     * A rate's latest lines at one period, by institution, each with the weight item's line of the same institution and
     * region (as {@code R2dbcReportFigures} pairs them for the weighted average); the total is Σ(rate × weight) / Σ
     * weight over the paired lines, at the precision of {@link Formula#weightedAverage} (null: no pair, or the weights
     * add up to 0). A rate line without a weight is listed with none and counts in no total.
     */
    private static Reading weightedReading(Role role, Period period, String item, List<ReportLineage.LineRow> rows, String weightItem,
                                           List<ReportLineage.LineRow> weightRows) {
        Map<String, BigDecimal> weights = new HashMap<>();
        weightRows.forEach(row -> weights.put(row.institutionCode() + "\u001f" + row.region(), row.value()));
        Map<String, List<ReportLineage.LineRow>> byInstitution = new LinkedHashMap<>();
        rows.stream().sorted(Comparator.comparing(ReportLineage.LineRow::institutionCode).thenComparing(ReportLineage.LineRow::region))
                .forEach(row -> byInstitution.computeIfAbsent(row.institutionCode(), code -> new ArrayList<>()).add(row));
        BigDecimal weighted = null;
        BigDecimal weightSum = null;
        List<ReportVersion> versions = new ArrayList<>();
        for (List<ReportLineage.LineRow> lines : byInstitution.values()) {
            ReportLineage.LineRow first = lines.get(0);
            List<Line> listed = new ArrayList<>();
            for (ReportLineage.LineRow line : lines) {
                BigDecimal weight = weights.get(line.institutionCode() + "\u001f" + line.region());
                listed.add(new Line(line.item(), line.region(), line.value(), weight));
                if (weight != null) {
                    weighted = weighted == null ? line.value().multiply(weight) : weighted.add(line.value().multiply(weight));
                    weightSum = weightSum == null ? weight : weightSum.add(weight);
                }
            }
            versions.add(new ReportVersion(first.institutionCode(), first.institutionName(), first.version(), first.receivedAt(),
                    first.contentHash(), listed));
        }
        return new Reading(role, period, item, Decimals.divide(weighted, weightSum), versions, List.of(), weightItem);
    }
}
