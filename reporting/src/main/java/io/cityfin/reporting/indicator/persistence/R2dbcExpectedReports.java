package io.cityfin.reporting.indicator.persistence;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.cityfin.common.period.Period;
import io.cityfin.reporting.indicator.ExpectedReports;
import reactor.core.publisher.Mono;

/**
 * Counts in one statement, so an indicator query no longer reads the whole registry and every report head of the
 * period: the latest version of each institution active on the period's last day (of the types asked for, if any),
 * and whether its latest report version for the period is a report rather than a withdrawal.
 */
@Component
class R2dbcExpectedReports implements ExpectedReports {

    private final DatabaseClient database;

    R2dbcExpectedReports(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Tally> tally(Period period, Optional<Set<String>> types) {
        if (types.isPresent() && types.get().isEmpty()) {
            return Mono.just(new Tally(0, 0));
        }
        LocalDate lastDay = period.lastDay();
        DatabaseClient.GenericExecuteSpec statement = database.sql("""
                        SELECT count(*) AS expected, count(v.id) AS reported
                        FROM (SELECT DISTINCT ON (code) code, type, active_from, active_to
                              FROM institution_version ORDER BY code, version DESC) i
                        LEFT JOIN report r ON r.institution_code = i.code AND r.period = :period
                        LEFT JOIN report_version v ON v.id = r.latest_version_id AND v.status <> 'WITHDRAWN'
                        WHERE i.active_from <= :day AND (i.active_to IS NULL OR i.active_to >= :day)"""
                        + (types.isPresent() ? " AND i.type IN (:types)" : ""))
                .bind("period", period.toString()).bind("day", lastDay);
        if (types.isPresent()) {
            statement = statement.bind("types", types.get().stream().sorted().toList());
        }
        return statement
                .map(row -> new Tally(row.get("expected", Long.class).intValue(), row.get("reported", Long.class).intValue()))
                .one();
    }
}
