package io.cityfin.reporting.indicator.persistence;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import io.cityfin.reporting.indicator.FigurePeriods;
import io.cityfin.reporting.indicator.Figures;
import io.cityfin.reporting.indicator.MapFigures;
import io.cityfin.reporting.indicator.ReportFigures;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads the latest versions' figures that the append transaction keeps (V1004): sums per (period, region, item) from
 * {@code latest_sum}, who contributes from {@code latest_coverage}, and the line-level weighted sums of each
 * rate-and-weight pair from {@code latest_line}. A withdrawn version has no lines, so it counts nowhere. The
 * statements run at once, each on a pooled connection of its own; none needs a planner hint, and a cached generic
 * plan is the same as a custom one (every condition is an equality on a key column). For disclosure control the sums
 * statement is widened to every county, whose line counts come with it, and {@link #contributors} reads the
 * institution codes of the county cells asked from {@code latest_line} in one statement.
 */
@Component
class R2dbcReportFigures implements ReportFigures {

    private final DatabaseClient database;

    R2dbcReportFigures(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Loaded> load(FigurePeriods periods, Region region, List<MapFigures.Weighting> weightings, boolean countyLines) {
        String[] names = periods.existing().map(Period::toString).toArray(String[]::new);
        Mono<List<Sum>> sums = (countyLines ? everyCounty(names) : sums(names, region)).collectList();
        Mono<List<Weighted>> weighted = Flux.fromIterable(weightings).flatMap(weighting -> weighted(names, region, weighting)).collectList();
        Mono<List<Contribution>> contributions = contributions(periods.at(), region);
        return Mono.zip(sums, weighted, contributions).map(all -> {
            Map<Period, MapFigures.Builder> builders = new HashMap<>();
            Map<ItemPeriod, Map<Region, Integer>> lines = new HashMap<>();
            for (Sum sum : all.getT1()) {
                if (sum.region() == null || sum.region() == region || region.isCity()) {
                    builder(builders, sum.period()).add(sum.item(), sum.total());
                }
                if (sum.region() != null) {
                    lines.computeIfAbsent(new ItemPeriod(sum.item(), sum.period()), cell -> new HashMap<>())
                            .put(sum.region(), sum.lines());
                }
            }
            all.getT2().forEach(w -> builder(builders, w.period())
                    .addWeighted(w.weighting().rateItem(), w.weighting().weightItem(), w.weighted(), w.weights()));
            Map<Period, Figures> figures = new HashMap<>();
            builders.forEach((period, builder) -> figures.put(period, builder.build()));
            return new Loaded(figures, all.getT3(), lines);
        });
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

    private static MapFigures.Builder builder(Map<Period, MapFigures.Builder> builders, Period period) {
        return builders.computeIfAbsent(period, p -> MapFigures.builder());
    }

    /** A county's sums are its rows; the city's add up the counties'. Rows with no lines left mean "nobody reported". */
    private Flux<Sum> sums(String[] periods, Region region) {
        DatabaseClient.GenericExecuteSpec query = region.isCity()
                ? database.sql("""
                        SELECT period, item, sum(total) AS total FROM latest_sum
                        WHERE period = ANY(:periods) AND lines > 0 GROUP BY period, item""")
                : database.sql("""
                        SELECT period, item, total FROM latest_sum
                        WHERE period = ANY(:periods) AND region = :region AND lines > 0""").bind("region", region.code());
        return query.bind("periods", periods)
                .map(row -> new Sum(Period.parse(row.get("period", String.class)), null, row.get("item", String.class),
                        row.get("total", BigDecimal.class), 0))
                .all();
    }

    /** Every county's rows with their line counts; the region's figures are then its own rows (the city's: all). */
    private Flux<Sum> everyCounty(String[] periods) {
        return database.sql("""
                        SELECT period, region, item, total, lines FROM latest_sum
                        WHERE period = ANY(:periods) AND lines > 0""")
                .bind("periods", periods)
                .map(row -> new Sum(Period.parse(row.get("period", String.class)), county(row.get("region", String.class)),
                        row.get("item", String.class), row.get("total", BigDecimal.class), row.get("lines", Integer.class)))
                .all();
    }

    private static Region county(String code) {
        return Region.ofCode(code).orElseThrow(() -> new IllegalStateException("a latest figure in unknown region " + code));
    }

    /** Institutions grouped by the items they have lines for in the region (the city: anywhere) at the period shown. */
    private Mono<List<Contribution>> contributions(Period at, Region region) {
        return database.sql("""
                        SELECT items, count(*) AS institutions FROM latest_coverage
                        WHERE period = :period AND region = :region GROUP BY items""")
                .bind("period", at.toString()).bind("region", region.code())
                .map(row -> new Contribution(Set.copyOf(Arrays.asList(row.get("items", String[].class))),
                        row.get("institutions", Long.class).intValue()))
                .all().collectList();
    }

    /**
     * Σ rate × weight and Σ weight over the lines that carry both (one institution, one region), per period. The
     * lateral subquery has one period at a time, so both sides come out of the key in the same order and merge.
     */
    private Flux<Weighted> weighted(String[] periods, Region region, MapFigures.Weighting weighting) {
        DatabaseClient.GenericExecuteSpec query = database.sql("""
                        SELECT p.period, w.weighted, w.weights
                        FROM unnest(:periods::text[]) AS p(period) CROSS JOIN LATERAL (
                            SELECT sum(rate.value * weight.value) AS weighted, sum(weight.value) AS weights
                            FROM latest_line rate
                            JOIN latest_line weight ON weight.period = rate.period AND weight.item = :weight
                                AND weight.region = rate.region AND weight.institution_code = rate.institution_code
                            WHERE rate.period = p.period AND rate.item = :rate%s
                        ) w
                        WHERE w.weights IS NOT NULL""".formatted(region.isCity() ? "" : " AND rate.region = :region"))
                .bind("periods", periods).bind("rate", weighting.rateItem()).bind("weight", weighting.weightItem());
        if (!region.isCity()) {
            query = query.bind("region", region.code());
        }
        return query.map(row -> new Weighted(Period.parse(row.get("period", String.class)), weighting,
                        row.get("weighted", BigDecimal.class), row.get("weights", BigDecimal.class)))
                .all();
    }

    /** A row of {@code latest_sum}; {@code region} and {@code lines} only when every county is read. */
    private record Sum(Period period, @Nullable Region region, String item, BigDecimal total, int lines) {
    }

    private record Line(ItemPeriod cell, Region region, String institution) {
    }

    private record Weighted(Period period, MapFigures.Weighting weighting, BigDecimal weighted, BigDecimal weights) {
    }
}
