package io.cityfin.reporting.test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Compares the figures the append transaction maintains (V1004: {@code latest_line}, {@code latest_sum},
 * {@code latest_coverage}) with the same figures computed the plain way, by aggregating the lines of the latest
 * versions ({@code report.latest_version_id}). Whole tables, both directions ({@code EXCEPT ALL}): a missing, extra
 * or different row counts.
 */
public final class LatestFiguresCheck {

    private static final String LATEST_LINES = """
            SELECT r.period, l.item, l.region, r.institution_code, l.value
            FROM report r JOIN report_line l ON l.version_id = r.latest_version_id""";

    private static final Map<String, String[]> MAINTAINED_AND_COMPUTED = Map.of(
            "latest_line", new String[] {
                "SELECT period, item, region, institution_code, value FROM latest_line",
                LATEST_LINES},
            "latest_sum", new String[] {
                // A row whose lines fell to 0 means "nobody reported" and must have nothing left in its total.
                "SELECT period, region, item, total, lines FROM latest_sum WHERE lines > 0 OR total <> 0",
                "SELECT period, region, item, sum(value), count(*) FROM (" + LATEST_LINES + ") l GROUP BY period, region, item"},
            "latest_coverage", new String[] {
                "SELECT period, region, institution_code, items FROM latest_coverage",
                "SELECT period, region, institution_code, array_agg(item ORDER BY item)::text[] FROM (" + LATEST_LINES + ") l"
                        + " GROUP BY period, region, institution_code"
                        + " UNION ALL SELECT period, '361000', institution_code, array_agg(DISTINCT item ORDER BY item)::text[]"
                        + " FROM (" + LATEST_LINES + ") l GROUP BY period, institution_code"});

    private LatestFiguresCheck() {
    }

    /** Per maintained table, how many rows differ from the plain aggregate (0 everywhere when all is well). */
    public static Map<String, Long> differences(DatabaseClient database) {
        Map<String, Long> differences = new LinkedHashMap<>();
        MAINTAINED_AND_COMPUTED.forEach((table, queries) -> differences.put(table, database.sql(
                        "SELECT count(*) AS n FROM (((" + queries[0] + ") EXCEPT ALL (" + queries[1] + "))"
                                + " UNION ALL ((" + queries[1] + ") EXCEPT ALL (" + queries[0] + "))) difference")
                .map(row -> row.get("n", Long.class))
                .one()
                .block(Duration.ofSeconds(30))));
        return differences;
    }

    /** Rows of {@code latest_line} for these institutions, to show a comparison was not made over nothing. */
    public static long latestLines(DatabaseClient database, String... institutions) {
        return database.sql("SELECT count(*) AS n FROM latest_line WHERE institution_code = ANY(:codes)")
                .bind("codes", institutions)
                .map(row -> row.get("n", Long.class))
                .one()
                .block(Duration.ofSeconds(30));
    }
}
