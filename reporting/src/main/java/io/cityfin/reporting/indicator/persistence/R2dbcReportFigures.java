package io.cityfin.reporting.indicator.persistence;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import io.cityfin.reporting.indicator.Figures;
import io.cityfin.reporting.indicator.MapFigures;
import io.cityfin.reporting.indicator.ReportFigures;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One aggregate per question over the latest versions ({@code report.latest_version_id}): sums and contributing
 * institutions per (period, item), and the line-level weighted sums of each rate-and-weight pair. A withdrawn
 * version has no lines, so it counts nowhere. The city is every region; a county filters on the line's region
 * with a statement of its own, never {@code :region = '361000' OR ...}, which keeps a cached generic plan from
 * using the region index (bench/README.md). In a region an institution has at most one line per item (the primary
 * key), so its contributors need no DISTINCT, which costs a sort; the city's do.
 */
@Component
class R2dbcReportFigures implements ReportFigures {

    private final DatabaseClient database;
    private final TransactionalOperator transaction;

    R2dbcReportFigures(DatabaseClient database, ReactiveTransactionManager transactions) {
        this.database = database;
        this.transaction = TransactionalOperator.create(transactions);
    }

    @Override
    public Mono<Loaded> load(List<Period> periods, Region region, List<MapFigures.Weighting> weightings) {
        String[] names = periods.stream().map(Period::toString).distinct().toArray(String[]::new);
        Map<Period, MapFigures.Builder> builders = new HashMap<>();
        Map<Period, Map<String, Set<String>>> contributors = new HashMap<>();
        Mono<Void> sums = inRegion(database.sql("""
                        SELECT r.period, l.item, sum(l.value) AS total, array_agg(""" + (region.isCity() ? "DISTINCT " : "") + """
                        r.institution_code) AS institutions
                        FROM report r JOIN report_line l ON l.version_id = r.latest_version_id
                        WHERE r.period = ANY(:periods)""" + regionCondition(region, "l") + " GROUP BY r.period, l.item"), region)
                .bind("periods", names)
                .map(row -> {
                    Period period = Period.parse(row.get("period", String.class));
                    String item = row.get("item", String.class);
                    builders.computeIfAbsent(period, p -> MapFigures.builder()).add(item, row.get("total", BigDecimal.class));
                    contributors.computeIfAbsent(period, p -> new HashMap<>())
                            .put(item, new HashSet<>(List.of(row.get("institutions", String[].class))));
                    return period;
                })
                .all().then();
        Mono<Void> weighted = Flux.fromIterable(weightings).concatMap(weighting -> inRegion(database.sql("""
                        SELECT r.period, sum(rate.value * weight.value) AS weighted, sum(weight.value) AS weights
                        FROM report r
                        JOIN report_line rate ON rate.version_id = r.latest_version_id AND rate.item = :rate
                        JOIN report_line weight ON weight.version_id = r.latest_version_id AND weight.item = :weight
                            AND weight.region = rate.region
                        WHERE r.period = ANY(:periods)""" + regionCondition(region, "rate") + " GROUP BY r.period"), region)
                .bind("rate", weighting.rateItem()).bind("weight", weighting.weightItem()).bind("periods", names)
                .map(row -> {
                    Period period = Period.parse(row.get("period", String.class));
                    builders.computeIfAbsent(period, p -> MapFigures.builder()).addWeighted(weighting.rateItem(), weighting.weightItem(),
                            row.get("weighted", BigDecimal.class), row.get("weights", BigDecimal.class));
                    return period;
                })
                .all()).then();
        // random_page_cost 1.1 (SSD storage) for these statements only: with the default 4 the planner prefers a parallel
        // sequential scan of all lines over the covering index, 120 ms against 35-47 ms at 1,000 banks x 36 months.
        Mono<Void> hint = database.sql("SET LOCAL random_page_cost = 1.1").then();
        return transaction.transactional(hint.then(sums).then(weighted)).then(Mono.fromSupplier(() -> {
            Map<Period, Figures> figures = new HashMap<>();
            builders.forEach((period, builder) -> figures.put(period, builder.build()));
            return new Loaded(figures, contributors);
        }));
    }

    private static String regionCondition(Region region, String lineAlias) {
        return region.isCity() ? "" : " AND " + lineAlias + ".region = :region";
    }

    private static DatabaseClient.GenericExecuteSpec inRegion(DatabaseClient.GenericExecuteSpec query, Region region) {
        return region.isCity() ? query : query.bind("region", region.code());
    }
}
