package io.cityfin.reporting.indicator.persistence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import io.cityfin.reporting.indicator.ExpectedReports;
import io.cityfin.reporting.indicator.FigurePeriods;
import io.cityfin.reporting.indicator.Figures;
import io.cityfin.reporting.indicator.MapFigures;
import io.cityfin.reporting.indicator.ReportFigures;
import reactor.core.publisher.Mono;

/**
 * Reads the latest versions' figures that the append transaction keeps (V1004): sums per (period, region, item) from
 * {@code latest_sum}, who contributes from {@code latest_coverage}, and the line-level weighted sums of each
 * rate-and-weight pair from {@code latest_line}. A withdrawn version has no lines, so it counts nowhere. All three are
 * one statement ({@code UNION ALL} of the reads, each planned as on its own): one pooled connection and one round trip
 * per query, which costs the app less CPU than a statement each run at once; none needs a planner hint, and a cached
 * generic plan is the same as a custom one (every condition is an equality on a key column). For disclosure control
 * the sums are widened to every county, whose line counts come with them, and {@link #contributors} reads the
 * institution codes of the county cells asked from {@code latest_line} in one statement.
 */
@Component
class R2dbcReportFigures implements ReportFigures {

    private final DatabaseClient database;

    R2dbcReportFigures(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Loaded> load(FigurePeriods periods, Region region, List<MapFigures.Weighting> weightings, boolean countyLines,
                             List<Optional<Set<String>>> tallied) {
        Map<String, Period> named = new HashMap<>();
        periods.existing().forEach(period -> named.put(period.toString(), period));
        String[] names = named.keySet().toArray(String[]::new);
        DatabaseClient.GenericExecuteSpec statement = database.sql(statement(region, weightings.size(), countyLines, tallied))
                .bind("periods", names).bind("at", periods.at().toString()).bind("region", region.code());
        for (int i = 0; i < weightings.size(); i++) {
            statement = statement.bind("rate" + i, weightings.get(i).rateItem()).bind("weight" + i, weightings.get(i).weightItem());
        }
        if (tallied.stream().anyMatch(types -> types.isEmpty() || !types.get().isEmpty())) {
            statement = statement.bind("period", periods.at().toString()).bind("day", periods.at().lastDay());
        }
        for (int i = 0; i < tallied.size(); i++) {
            Optional<Set<String>> types = tallied.get(i);
            if (types.isPresent() && !types.get().isEmpty()) {
                statement = statement.bind("types" + i, types.get().stream().sorted().toList());
            }
        }
        return statement.map(row -> new Fetched(row.get("kind", String.class), row.get("period", String.class),
                        row.get("item", String.class), row.get("region", String.class), row.get("a", BigDecimal.class),
                        row.get("b", BigDecimal.class), row.get("lines", Integer.class), row.get("items", String[].class)))
                .all().collect(() -> new Reading(named, weightings, tallied, region, countyLines), Reading::add)
                .map(Reading::loaded);
    }

    /**
     * One statement, so one pooled connection and one round trip per indicator query (they were 3 + one per weighting):
     * {@code S} rows are sums (with {@code region} and {@code lines} when every county is read), {@code W} rows the
     * weighted sums of weighting {@code lines} (its index), {@code C} rows the contributions at the period shown, a
     * {@code T} row per type set tallied (index in {@code item}, expected in {@code lines}, reported in {@code a}). Each
     * branch is the statement it was on its own, so the plans are the same.
     */
    private static String statement(Region region, int weightings, boolean everyCounty, List<Optional<Set<String>>> tallied) {
        StringBuilder sql = new StringBuilder();
        if (everyCounty) {
            sql.append("""
                    SELECT 'S' AS kind, period, item, region, total AS a, NULL::numeric AS b, lines, NULL::text[] AS items
                    FROM latest_sum WHERE period = ANY(:periods) AND lines > 0""");
        } else if (region.isCity()) {
            sql.append("""
                    SELECT 'S' AS kind, period, item, NULL::text AS region, sum(total) AS a, NULL::numeric AS b, 0 AS lines,
                        NULL::text[] AS items
                    FROM latest_sum WHERE period = ANY(:periods) AND lines > 0 GROUP BY period, item""");
        } else {
            sql.append("""
                    SELECT 'S' AS kind, period, item, NULL::text AS region, total AS a, NULL::numeric AS b, 0 AS lines,
                        NULL::text[] AS items
                    FROM latest_sum WHERE period = ANY(:periods) AND region = :region AND lines > 0""");
        }
        for (int i = 0; i < weightings; i++) {
            sql.append("""

                    UNION ALL
                    SELECT 'W', p.period, NULL, NULL, w.weighted, w.weights, %d, NULL
                    FROM unnest(:periods::text[]) AS p(period) CROSS JOIN LATERAL (
                        SELECT sum(rate.value * weight.value) AS weighted, sum(weight.value) AS weights
                        FROM latest_line rate
                        JOIN latest_line weight ON weight.period = rate.period AND weight.item = :weight%d
                            AND weight.region = rate.region AND weight.institution_code = rate.institution_code
                        WHERE rate.period = p.period AND rate.item = :rate%d%s
                    ) w
                    WHERE w.weights IS NOT NULL""".formatted(i, i, i, region.isCity() ? "" : " AND rate.region = :region"));
        }
        sql.append("""

                UNION ALL
                SELECT 'C', NULL, NULL, NULL, NULL, NULL, count(*)::int, items
                FROM latest_coverage WHERE period = :at AND region = :region GROUP BY items""");
        for (int i = 0; i < tallied.size(); i++) {
            Optional<Set<String>> types = tallied.get(i);
            if (types.isPresent() && types.get().isEmpty()) {
                continue; // nobody is expected: no statement needed
            }
            sql.append("\nUNION ALL\nSELECT 'T', NULL, '").append(i).append("', NULL, t.reported::numeric, NULL, t.expected, NULL FROM (")
                    .append(R2dbcExpectedReports.TALLY.formatted(types.isPresent() ? " AND i.type IN (:types" + i + ")" : ""))
                    .append(") t");
        }
        return sql.toString();
    }

    /** Adds the rows of {@link #statement} up into the figures per period, the county line counts and the contributions. */
    private static final class Reading {

        private final Map<String, Period> periods;
        private final List<MapFigures.Weighting> weightings;
        private final List<Optional<Set<String>>> tallied;
        private final Region region;
        private final boolean everyCounty;
        private final Map<Period, MapFigures.Builder> builders = new HashMap<>();
        private final Map<ItemPeriod, Map<Region, Integer>> lines = new HashMap<>();
        private final List<Contribution> contributions = new ArrayList<>();
        private final Map<Optional<Set<String>>, ExpectedReports.Tally> tallies = new HashMap<>();

        Reading(Map<String, Period> periods, List<MapFigures.Weighting> weightings, List<Optional<Set<String>>> tallied,
                Region region, boolean everyCounty) {
            this.periods = periods;
            this.weightings = weightings;
            this.tallied = tallied;
            tallied.stream().filter(types -> types.isPresent() && types.get().isEmpty())
                    .forEach(types -> tallies.put(types, new ExpectedReports.Tally(0, 0)));
            this.region = region;
            this.everyCounty = everyCounty;
        }

        void add(Fetched row) {
            switch (row.kind()) {
                case "S" -> sum(row);
                case "W" -> {
                    MapFigures.Weighting weighting = weightings.get(row.lines());
                    builder(period(row.period())).addWeighted(weighting.rateItem(), weighting.weightItem(), row.a(), row.b());
                }
                case "C" -> contributions.add(new Contribution(Set.of(row.items()), row.lines()));
                case "T" -> tallies.put(tallied.get(Integer.parseInt(row.item())), new ExpectedReports.Tally(row.lines(), row.a().intValueExact()));
                default -> throw new IllegalStateException("unknown row kind " + row.kind());
            }
        }

        private void sum(Fetched row) {
            Period period = period(row.period());
            if (!everyCounty) {
                builder(period).add(row.item(), row.a());
                return;
            }
            Region county = county(row.region());
            if (county == region || region.isCity()) {
                builder(period).add(row.item(), row.a());
            }
            lines.computeIfAbsent(new ItemPeriod(row.item(), period), cell -> new EnumMap<>(Region.class)).put(county, row.lines());
        }

        /** The periods asked for are known: no parsing per row. */
        private Period period(String name) {
            Period period = periods.get(name);
            return period != null ? period : Period.parse(name);
        }

        private MapFigures.Builder builder(Period period) {
            return builders.computeIfAbsent(period, p -> MapFigures.builder());
        }

        Loaded loaded() {
            Map<Period, Figures> figures = new HashMap<>();
            builders.forEach((period, builder) -> figures.put(period, builder.build()));
            return new Loaded(figures, contributions, lines, tallies);
        }
    }

    /** The institutions with a line per (item, period) and county asked; one statement whatever the number of cells. */
    @Override
    public Mono<Map<ItemPeriod, Map<Region, Set<String>>>> contributors(Map<ItemPeriod, Set<Region>> cells) {
        List<String> periods = new ArrayList<>();
        List<String> items = new ArrayList<>();
        List<String> regions = new ArrayList<>();
        cells.forEach((cell, counties) -> counties.forEach(county -> {
            periods.add(cell.period().toString());
            items.add(cell.item());
            regions.add(county.code());
        }));
        if (periods.isEmpty()) {
            return Mono.just(Map.of());
        }
        return database.sql("""
                        SELECT l.period, l.item, l.region, l.institution_code
                        FROM unnest(:periods::text[], :items::text[], :regions::text[]) AS c(period, item, region)
                        JOIN latest_line l ON l.period = c.period AND l.item = c.item AND l.region = c.region""")
                .bind("periods", periods.toArray(String[]::new)).bind("items", items.toArray(String[]::new))
                .bind("regions", regions.toArray(String[]::new))
                .map(row -> new Line(new ItemPeriod(row.get("item", String.class), Period.parse(row.get("period", String.class))),
                        county(row.get("region", String.class)), row.get("institution_code", String.class)))
                .all()
                .collect(() -> new HashMap<ItemPeriod, Map<Region, Set<String>>>(), (found, line) -> found
                        .computeIfAbsent(line.cell(), cell -> new HashMap<>())
                        .computeIfAbsent(line.region(), county -> new HashSet<>())
                        .add(line.institution()))
                .map(found -> found);
    }

    private static Region county(String code) {
        return Region.ofCode(code).orElseThrow(() -> new IllegalStateException("a latest figure in unknown region " + code));
    }

    private record Line(ItemPeriod cell, Region region, String institution) {
    }

    /** A row of {@link #statement}; which columns are set depends on its kind. */
    private record Fetched(String kind, @Nullable String period, @Nullable String item, @Nullable String region,
                           @Nullable BigDecimal a, @Nullable BigDecimal b, @Nullable Integer lines, String @Nullable [] items) {
    }

}
