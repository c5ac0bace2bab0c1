package io.cityfin.reporting.indicator.persistence;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Set;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import io.cityfin.reporting.indicator.ReportLineage;
import reactor.core.publisher.Flux;

/**
 * The latest lines ({@code latest_line}, kept with every appended version, V1004) with the version they belong to
 * ({@code report.latest_version_id}) and the institution's latest registry name: one statement for every period and
 * item a lineage reads. A withdrawn report has no latest lines, so it lists nothing.
 */
@Component
class R2dbcReportLineage implements ReportLineage {

    private static final String CITY = """
            SELECT l.period, l.institution_code, n.name, v.version, v.received_at, v.content_hash, l.item, l.region, l.value
            FROM latest_line l
            JOIN report r ON r.institution_code = l.institution_code AND r.period = l.period
            JOIN report_version v ON v.id = r.latest_version_id
            LEFT JOIN LATERAL (SELECT i.name FROM institution_version i WHERE i.code = l.institution_code
                               ORDER BY i.version DESC LIMIT 1) n ON true
            WHERE l.period = ANY(:periods) AND l.item = ANY(:items)""";

    private final DatabaseClient database;

    R2dbcReportLineage(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Flux<LineRow> lines(Set<Period> periods, Set<String> items, Region region) {
        if (periods.isEmpty() || items.isEmpty()) {
            return Flux.empty();
        }
        String sql = CITY + (region.isCity() ? "" : " AND l.region = :region")
                + "\nORDER BY l.period, l.institution_code, l.item, l.region";
        DatabaseClient.GenericExecuteSpec statement = database.sql(sql)
                .bind("periods", periods.stream().map(Period::toString).sorted().toArray(String[]::new))
                .bind("items", items.stream().sorted().toArray(String[]::new));
        if (!region.isCity()) {
            statement = statement.bind("region", region.code());
        }
        return statement.map(row -> new LineRow(Period.parse(row.get("period", String.class)), row.get("institution_code", String.class),
                        row.get("name", String.class), row.get("version", Integer.class), row.get("received_at", OffsetDateTime.class),
                        row.get("content_hash", String.class), row.get("item", String.class), row.get("region", String.class),
                        row.get("value", BigDecimal.class)))
                .all();
    }
}
