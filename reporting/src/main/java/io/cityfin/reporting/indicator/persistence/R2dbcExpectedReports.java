package io.cityfin.reporting.indicator.persistence;

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

    /**
     * Institutions expected and how many of them reported, for {@code :period} with its last day {@code :day}; {@code %s}
     * is empty or the condition on the types ({@code :types}). Also a branch of {@link R2dbcReportFigures}'s statement.
     */
    static final String TALLY = """
            SELECT count(*)::int AS expected, count(v.id)::int AS reported
            FROM (SELECT DISTINCT ON (code) code, type, active_from, active_to
                  FROM institution_version ORDER BY code, version DESC) i
            LEFT JOIN report r ON r.institution_code = i.code AND r.period = :period
            LEFT JOIN report_version v ON v.id = r.latest_version_id AND v.status <> 'WITHDRAWN'
            WHERE i.active_from <= :day AND (i.active_to IS NULL OR i.active_to >= :day)%s""";

    private final DatabaseClient database;

    R2dbcExpectedReports(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Tally> tally(Period period, Optional<Set<String>> types) {
        if (types.isPresent() && types.get().isEmpty()) {
            return Mono.just(new Tally(0, 0));
        }
        DatabaseClient.GenericExecuteSpec statement = database.sql(TALLY.formatted(types.isPresent() ? " AND i.type IN (:types)" : ""))
                .bind("period", period.toString()).bind("day", period.lastDay());
        if (types.isPresent()) {
            statement = statement.bind("types", types.get().stream().sorted().toList());
        }
        return statement
                .map(row -> new Tally(row.get("expected", Integer.class), row.get("reported", Integer.class)))
                .one();
    }
}
