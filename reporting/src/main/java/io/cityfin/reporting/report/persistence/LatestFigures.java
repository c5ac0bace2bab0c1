package io.cityfin.reporting.report.persistence;

import org.springframework.r2dbc.core.DatabaseClient;

import io.cityfin.common.region.Region;
import reactor.core.publisher.Mono;

/**
 * Keeps {@code latest_line}, {@code latest_coverage} and {@code latest_sum} (V1004) equal to the lines of the latest
 * versions: when a version replaces another, the replaced version's lines go out and the new one's come in. It runs
 * inside the append transaction, after the head row of (institution, period) is locked, so the replaced version is
 * exactly what these tables hold for that institution and period. Each statement works from the two versions'
 * stored lines in {@code report_line}, never from what was submitted.
 */
final class LatestFigures {

    private final DatabaseClient database;

    LatestFigures(DatabaseClient database) {
        this.database = database;
    }

    /** {@code replacedVersionId} is 0 for an institution's first version of the period. */
    Mono<Void> replace(String institutionCode, String period, long replacedVersionId, long versionId) {
        return lines(institutionCode, period, replacedVersionId, versionId)
                .then(coverage(institutionCode, period, replacedVersionId, versionId))
                // Last before the commit: these rows are shared by every institution of the period, and their locks
                // are held until then.
                .then(sums(period, replacedVersionId, versionId));
    }

    private Mono<Void> lines(String institutionCode, String period, long replacedVersionId, long versionId) {
        return database.sql("""
                        DELETE FROM latest_line l USING report_line replaced
                        WHERE replaced.version_id = :replaced AND l.period = :period AND l.item = replaced.item
                            AND l.region = replaced.region AND l.institution_code = :code""")
                .bind("replaced", replacedVersionId).bind("period", period).bind("code", institutionCode)
                .then()
                .then(database.sql("""
                                INSERT INTO latest_line (period, item, region, institution_code, value)
                                SELECT :period, item, region, :code, value FROM report_line WHERE version_id = :id""")
                        .bind("period", period).bind("code", institutionCode).bind("id", versionId)
                        .then());
    }

    private Mono<Void> coverage(String institutionCode, String period, long replacedVersionId, long versionId) {
        return database.sql("""
                        DELETE FROM latest_coverage
                        WHERE period = :period AND institution_code = :code
                            AND region IN (SELECT region FROM report_line WHERE version_id = :replaced UNION SELECT :city)""")
                .bind("period", period).bind("code", institutionCode).bind("replaced", replacedVersionId)
                .bind("city", Region.CITY.code())
                .then()
                .then(database.sql("""
                                INSERT INTO latest_coverage (period, region, institution_code, items)
                                SELECT :period, region, :code, array_agg(item ORDER BY item)
                                FROM report_line WHERE version_id = :id GROUP BY region
                                UNION ALL
                                SELECT :period, :city, :code, array_agg(DISTINCT item ORDER BY item)
                                FROM report_line WHERE version_id = :id HAVING count(*) > 0""")
                        .bind("period", period).bind("code", institutionCode).bind("id", versionId)
                        .bind("city", Region.CITY.code())
                        .then());
    }

    /**
     * Adds the difference per (region, item), skipping lines that did not change. Rows are locked in (region, item)
     * order, the same in every transaction, so two appends of one period wait for each other but never deadlock.
     */
    private Mono<Void> sums(String period, long replacedVersionId, long versionId) {
        return database.sql("""
                        INSERT INTO latest_sum AS s (period, region, item, total, lines)
                        SELECT :period, region, item, sum(value), sum(lines)
                        FROM (SELECT region, item, value, 1 AS lines FROM report_line WHERE version_id = :id
                              UNION ALL
                              SELECT region, item, -value, -1 FROM report_line WHERE version_id = :replaced) change
                        GROUP BY region, item
                        HAVING sum(value) <> 0 OR sum(lines) <> 0
                        ORDER BY region, item
                        ON CONFLICT (period, region, item)
                            DO UPDATE SET total = s.total + EXCLUDED.total, lines = s.lines + EXCLUDED.lines""")
                .bind("period", period).bind("id", versionId).bind("replaced", replacedVersionId)
                .then();
    }
}
