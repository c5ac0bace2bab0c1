package io.cityfin.reporting.indicator.persistence;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

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
 * version has no lines, so it counts nowhere. The city is every region; a county filters on the line's region.
 */
@Component
class R2dbcReportFigures implements ReportFigures {

    private final DatabaseClient database;

    R2dbcReportFigures(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Loaded> load(List<Period> periods, Region region, List<MapFigures.Weighting> weightings) {
        String[] names = periods.stream().map(Period::toString).distinct().toArray(String[]::new);
        Map<Period, MapFigures.Builder> builders = new HashMap<>();
        Map<Period, Map<String, Set<String>>> contributors = new HashMap<>();
        Mono<Void> sums = database.sql("""
                        SELECT r.period, l.item, sum(l.value) AS total, array_agg(DISTINCT r.institution_code) AS institutions
                        FROM report r JOIN report_line l ON l.version_id = r.latest_version_id
                        WHERE r.period = ANY(:periods) AND (:region = '361000' OR l.region = :region)
                        GROUP BY r.period, l.item""")
                .bind("periods", names).bind("region", region.code())
                .map(row -> {
                    Period period = Period.parse(row.get("period", String.class));
                    String item = row.get("item", String.class);
                    builders.computeIfAbsent(period, p -> MapFigures.builder()).add(item, row.get("total", BigDecimal.class));
                    contributors.computeIfAbsent(period, p -> new HashMap<>())
                            .put(item, new HashSet<>(List.of(row.get("institutions", String[].class))));
                    return period;
                })
                .all().then();
        Mono<Void> weighted = Flux.fromIterable(weightings).concatMap(weighting -> database.sql("""
                        SELECT r.period, sum(rate.value * weight.value) AS weighted, sum(weight.value) AS weights
                        FROM report r
                        JOIN report_line rate ON rate.version_id = r.latest_version_id AND rate.item = :rate
                        JOIN report_line weight ON weight.version_id = r.latest_version_id AND weight.item = :weight
                            AND weight.region = rate.region
                        WHERE r.period = ANY(:periods) AND (:region = '361000' OR rate.region = :region)
                        GROUP BY r.period""")
                .bind("rate", weighting.rateItem()).bind("weight", weighting.weightItem())
                .bind("periods", names).bind("region", region.code())
                .map(row -> {
                    Period period = Period.parse(row.get("period", String.class));
                    builders.computeIfAbsent(period, p -> MapFigures.builder()).addWeighted(weighting.rateItem(), weighting.weightItem(),
                            row.get("weighted", BigDecimal.class), row.get("weights", BigDecimal.class));
                    return period;
                })
                .all()).then();
        return sums.then(weighted).then(Mono.fromSupplier(() -> {
            Map<Period, Figures> figures = new HashMap<>();
            builders.forEach((period, builder) -> figures.put(period, builder.build()));
            return new Loaded(figures, contributors);
        }));
    }
}
