package io.cityfin.reporting.institution.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.cityfin.common.region.Region;
import io.cityfin.reporting.institution.GuaranteeListing;
import io.cityfin.reporting.institution.Institution;
import io.cityfin.reporting.institution.InstitutionChange;
import io.cityfin.reporting.institution.Institutions;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The registry in {@code institution_version}: {@code active_to} is the effective end the queries read, the earlier of
 * {@code registered_active_to} (the ADMIN's) and {@code ended_on} (an action's); each append computes it in the same
 * statement that copies the other part from the previous version, so an ADMIN's change and an action's end never undo
 * each other.
 */
@Component
class R2dbcInstitutions implements Institutions {

    private static final String COLUMNS = "code, version, name, type, region, active_from, active_to, changed_at, changed_by,"
            + " registered_active_to, ended_on, gov_guarantee_batch, gov_guarantee_listed_on, mainly_small_and_agricultural";
    private static final String LATEST = "SELECT DISTINCT ON (code) " + COLUMNS + " FROM institution_version";

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
        // The next number in one statement; two writers racing meet the primary key and the loser tries again.
        GuaranteeListing listing = change.govGuaranteeList();
        DatabaseClient.GenericExecuteSpec insert = database.sql("""
                        INSERT INTO institution_version (code, version, name, type, region, active_from, registered_active_to, ended_on,
                            active_to, gov_guarantee_batch, gov_guarantee_listed_on, mainly_small_and_agricultural, changed_at, changed_by)
                        SELECT :code, COALESCE(p.version, 0) + 1, :name, :type, :region, :activeFrom, CAST(:activeTo AS DATE), p.ended_on,
                            LEAST(CAST(:activeTo AS DATE), p.ended_on), CAST(:batch AS INT), CAST(:listedOn AS DATE), :mainly, :at, :by
                        FROM (SELECT 1) AS one
                        LEFT JOIN (SELECT version, ended_on FROM institution_version WHERE code = :code ORDER BY version DESC LIMIT 1) p ON true
                        RETURNING""" + " " + COLUMNS)
                .bind("code", code)
                .bind("name", change.name())
                .bind("type", change.type())
                .bind("region", change.region())
                .bind("activeFrom", change.activeFrom())
                .bind("mainly", change.mainlySmallAndAgricultural())
                .bind("at", at)
                .bind("by", changedBy);
        insert = bindNullable(insert, "activeTo", change.activeTo(), LocalDate.class);
        insert = bindNullable(insert, "batch", listing == null ? null : listing.batch(), Integer.class);
        insert = bindNullable(insert, "listedOn", listing == null ? null : listing.listedOn(), LocalDate.class);
        return insert.map(R2dbcInstitutions::institution)
                .one()
                .retryWhen(Retry.max(3).filter(DuplicateKeyException.class::isInstance));
    }

    @Override
    public Mono<Institution> end(String code, @Nullable LocalDate endedOn, OffsetDateTime at, String changedBy) {
        DatabaseClient.GenericExecuteSpec insert = database.sql("""
                        INSERT INTO institution_version (code, version, name, type, region, active_from, registered_active_to, ended_on,
                            active_to, gov_guarantee_batch, gov_guarantee_listed_on, mainly_small_and_agricultural, changed_at, changed_by)
                        SELECT code, version + 1, name, type, region, active_from, registered_active_to, CAST(:endedOn AS DATE),
                            LEAST(registered_active_to, CAST(:endedOn AS DATE)), gov_guarantee_batch, gov_guarantee_listed_on,
                            mainly_small_and_agricultural, :at, :by
                        FROM institution_version WHERE code = :code ORDER BY version DESC LIMIT 1
                        RETURNING""" + " " + COLUMNS)
                .bind("code", code)
                .bind("at", at)
                .bind("by", changedBy);
        insert = bindNullable(insert, "endedOn", endedOn, LocalDate.class);
        return insert.map(R2dbcInstitutions::institution)
                .one()
                .retryWhen(Retry.max(3).filter(DuplicateKeyException.class::isInstance));
    }

    private static <V> DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec, String name, @Nullable V value,
                                                                      Class<V> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private static Institution institution(Readable row) {
        Integer batch = row.get("gov_guarantee_batch", Integer.class);
        LocalDate listedOn = row.get("gov_guarantee_listed_on", LocalDate.class);
        return new Institution(row.get("code", String.class), row.get("name", String.class), row.get("type", String.class),
                Region.ofCode(row.get("region", String.class)).orElseThrow(), row.get("active_from", LocalDate.class),
                row.get("active_to", LocalDate.class), row.get("version", Integer.class),
                row.get("changed_at", OffsetDateTime.class), row.get("changed_by", String.class),
                batch == null || listedOn == null ? null : new GuaranteeListing(batch, listedOn),
                Boolean.TRUE.equals(row.get("mainly_small_and_agricultural", Boolean.class)),
                row.get("registered_active_to", LocalDate.class), row.get("ended_on", LocalDate.class));
    }
}
