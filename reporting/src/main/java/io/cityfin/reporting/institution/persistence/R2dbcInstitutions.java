package io.cityfin.reporting.institution.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.cityfin.common.region.Region;
import io.cityfin.reporting.institution.Institution;
import io.cityfin.reporting.institution.InstitutionChange;
import io.cityfin.reporting.institution.Institutions;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

@Component
class R2dbcInstitutions implements Institutions {

    private static final String LATEST = """
            SELECT DISTINCT ON (code) code, version, name, type, region, active_from, active_to, changed_at, changed_by
            FROM institution_version""";

    private final DatabaseClient database;

    R2dbcInstitutions(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Institution> latest(String code) {
        return database.sql(LATEST + " WHERE code = :code ORDER BY code, version DESC")
                .bind("code", code)
                .map(R2dbcInstitutions::institution)
                .one();
    }

    @Override
    public Flux<Institution> allLatest() {
        return database.sql(LATEST + " ORDER BY code, version DESC").map(R2dbcInstitutions::institution).all();
    }

    @Override
    public Flux<Institution> activeOn(LocalDate day) {
        return allLatest().filter(institution -> institution.isActiveOn(day));
    }

    @Override
    public Mono<Institution> append(String code, InstitutionChange change, OffsetDateTime at, String changedBy) {
        // The next number in one statement; two admins racing meet the primary key and the loser tries again.
        DatabaseClient.GenericExecuteSpec insert = database.sql("""
                        INSERT INTO institution_version (code, version, name, type, region, active_from, active_to, changed_at, changed_by)
                        SELECT :code, COALESCE(MAX(version), 0) + 1, :name, :type, :region, :activeFrom, :activeTo, :at, :by
                        FROM institution_version WHERE code = :code
                        RETURNING code, version, name, type, region, active_from, active_to, changed_at, changed_by""")
                .bind("code", code)
                .bind("name", change.name())
                .bind("type", change.type())
                .bind("region", change.region())
                .bind("activeFrom", change.activeFrom())
                .bind("at", at)
                .bind("by", changedBy);
        insert = change.activeTo() == null ? insert.bindNull("activeTo", LocalDate.class) : insert.bind("activeTo", change.activeTo());
        return insert.map(R2dbcInstitutions::institution)
                .one()
                .retryWhen(Retry.max(3).filter(DuplicateKeyException.class::isInstance));
    }

    private static Institution institution(Readable row) {
        return new Institution(row.get("code", String.class), row.get("name", String.class), row.get("type", String.class),
                Region.ofCode(row.get("region", String.class)).orElseThrow(), row.get("active_from", LocalDate.class),
                row.get("active_to", LocalDate.class), row.get("version", Integer.class),
                row.get("changed_at", OffsetDateTime.class), row.get("changed_by", String.class));
    }
}
