package io.cityfin.reporting.submission.persistence;

import java.time.OffsetDateTime;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.cityfin.common.period.Period;
import io.cityfin.reporting.report.ReportStatus;
import io.cityfin.reporting.submission.LatestVersion;
import io.cityfin.reporting.submission.LatestVersions;
import reactor.core.publisher.Flux;

/** One query along {@code report_by_period}: each report's pointer to its latest version, and that version's header. */
@Component
class R2dbcLatestVersions implements LatestVersions {

    private final DatabaseClient database;

    R2dbcLatestVersions(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Flux<LatestVersion> of(Period reportPeriod) {
        return database.sql("""
                        SELECT r.institution_code, v.version, v.status, v.received_at
                        FROM report r JOIN report_version v ON v.id = r.latest_version_id
                        WHERE r.period = :period
                        ORDER BY r.institution_code""")
                .bind("period", reportPeriod.toString())
                .map(row -> new LatestVersion(row.get("institution_code", String.class), row.get("version", Integer.class),
                        ReportStatus.valueOf(row.get("status", String.class)), row.get("received_at", OffsetDateTime.class)))
                .all();
    }
}
