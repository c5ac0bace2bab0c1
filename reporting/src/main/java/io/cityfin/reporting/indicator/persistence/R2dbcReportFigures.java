package io.cityfin.reporting.indicator.persistence;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * plan is the same as a custom one (every condition is an equality on a key column).
 */
@Component
class R2dbcReportFigures implements ReportFigures {

    private final DatabaseClient database;

    R2dbcReportFigures(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Loaded> load(FigurePeriods periods, Region region, List<MapFigures.Weighting> weightings) {
        String[] names = periods.existing().map(Period::toString).toArray(String[]::new);
        Mono<List<Sum>> sums = sums(names, region).collectList();
        Mono<List<Weighted>> weighted = Flux.fromIterable(weightings).flatMap(weighting -> weighted(names, region, weighting)).collectList();
        Mono<List<Contribution>> contributions = contributions(periods.at(), region);
        return Mono.zip(sums, weighted, contributions).map(all -> {
            Map<Period, MapFigures.Builder> builders = new HashMap<>();
            all.getT1().forEach(sum -> builder(builders, sum.period()).add(sum.item(), sum.total()));
            all.getT2().forEach(w -> builder(builders, w.period())
                    .addWeighted(w.weighting().rateItem(), w.weighting().weightItem(), w.weighted(), w.weights()));
            Map<Period, Figures> figures = new HashMap<>();
            builders.forEach((period, builder) -> figures.put(period, builder.build()));
            return new Loaded(figures, all.getT3());
        });
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
                .map(row -> new Sum(Period.parse(row.get("period", String.class)), row.get("item", String.class),
                        row.get("total", BigDecimal.class)))
                .all();
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

    private record Sum(Period period, String item, BigDecimal total) {
    }

    private record Weighted(Period period, MapFigures.Weighting weighting, BigDecimal weighted, BigDecimal weights) {
    }
}
