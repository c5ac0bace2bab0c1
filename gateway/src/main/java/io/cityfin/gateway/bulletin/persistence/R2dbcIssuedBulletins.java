package io.cityfin.gateway.bulletin.persistence;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import io.cityfin.gateway.bulletin.BulletinNumberTakenException;
import io.cityfin.gateway.bulletin.FigureKey;
import io.cityfin.gateway.bulletin.IssuedBulletin;
import io.cityfin.gateway.bulletin.IssuedBulletins;
import io.cityfin.gateway.bulletin.UsedFigure;
import io.cityfin.gateway.indicator.SourceStatus;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tables {@code issued_bulletin} (the bytes as sent), {@code issued_bulletin_figure} (what it showed) and
 * {@code issued_bulletin_source} (each source's status and ETag), written in one transaction.
 */
@Component
class R2dbcIssuedBulletins implements IssuedBulletins {

    private final DatabaseClient db;
    private final TransactionalOperator transaction;

    R2dbcIssuedBulletins(DatabaseClient db, ReactiveTransactionManager transactions) {
        this.db = db;
        this.transaction = TransactionalOperator.create(transactions);
    }

    @Override
    public Mono<Integer> nextNumber(Period period, Region region) {
        return db.sql("SELECT COALESCE(MAX(number), 0) + 1 AS next FROM issued_bulletin WHERE period = :period AND region = :region")
                .bind("period", period.toString()).bind("region", region.code())
                .map(row -> row.get("next", Integer.class))
                .one();
    }

    @Override
    public Mono<Void> save(IssuedBulletin bulletin) {
        UUID id = UUID.randomUUID();
        Mono<Void> head = db.sql("""
                        INSERT INTO issued_bulletin (id, period, region, number, issued_at, issued_by, html, pdf, sha256_html, sha256_pdf)
                        VALUES (:id, :period, :region, :number, :issuedAt, :issuedBy, :html, :pdf, :sha256Html, :sha256Pdf)""")
                .bind("id", id).bind("period", bulletin.period().toString()).bind("region", bulletin.region().code())
                .bind("number", bulletin.number()).bind("issuedAt", OffsetDateTime.ofInstant(bulletin.issuedAt(), ZoneOffset.UTC))
                .bind("issuedBy", bulletin.issuedBy()).bind("html", bulletin.html()).bind("pdf", bulletin.pdf())
                .bind("sha256Html", bulletin.sha256Html()).bind("sha256Pdf", bulletin.sha256Pdf())
                .then();
        Mono<Void> figures = Flux.fromIterable(bulletin.figures()).concatMap(figure -> db.sql("""
                        INSERT INTO issued_bulletin_figure (bulletin_id, service, code, field, period, region, value)
                        VALUES (:id, :service, :code, :field, :period, :region, :value)""")
                .bind("id", id).bind("service", figure.key().service()).bind("code", figure.key().code())
                .bind("field", figure.key().field()).bind("period", figure.key().period()).bind("region", figure.key().region())
                .bind("value", figure.value())
                .then()).then();
        Mono<Void> sources = Flux.fromIterable(bulletin.sources()).concatMap(source -> {
            DatabaseClient.GenericExecuteSpec insert = db.sql("""
                            INSERT INTO issued_bulletin_source (bulletin_id, service, status, etag, detail, served_from_cache_at)
                            VALUES (:id, :service, :status, :etag, :detail, :servedFromCacheAt)""")
                    .bind("id", id).bind("service", source.service()).bind("status", source.status().name());
            insert = source.etag() == null ? insert.bindNull("etag", String.class) : insert.bind("etag", source.etag());
            insert = source.detail() == null ? insert.bindNull("detail", String.class) : insert.bind("detail", source.detail());
            insert = source.servedFromCacheAt() == null ? insert.bindNull("servedFromCacheAt", OffsetDateTime.class)
                    : insert.bind("servedFromCacheAt", source.servedFromCacheAt());
            return insert.then();
        }).then();
        return transaction.transactional(head.then(figures).then(sources))
                .onErrorMap(DataIntegrityViolationException.class, // the unique (period, region, number)
                         taken -> new BulletinNumberTakenException(
                        "Bulletin " + bulletin.number() + " of " + bulletin.period() + " " + bulletin.region().code() + " was taken", taken));
    }

    @Override
    public Mono<IssuedBulletin> latest(Period period, Region region) {
        return db.sql("""
                        SELECT number, issued_at, issued_by, html, pdf, sha256_html, sha256_pdf FROM issued_bulletin
                        WHERE period = :period AND region = :region ORDER BY number DESC LIMIT 1""")
                .bind("period", period.toString()).bind("region", region.code())
                .map(row -> toBulletin(period, region, row))
                .one();
    }

    @Override
    public Mono<IssuedBulletin> numbered(Period period, Region region, int number) {
        return db.sql("""
                        SELECT number, issued_at, issued_by, html, pdf, sha256_html, sha256_pdf FROM issued_bulletin
                        WHERE period = :period AND region = :region AND number = :number""")
                .bind("period", period.toString()).bind("region", region.code()).bind("number", number)
                .map(row -> toBulletin(period, region, row))
                .one();
    }

    @Override
    public Flux<IssuedBulletin> list(Period period, Region region) {
        return db.sql("""
                        SELECT number, issued_at, issued_by, sha256_html, sha256_pdf FROM issued_bulletin
                        WHERE period = :period AND region = :region ORDER BY number DESC LIMIT 1000""")
                .bind("period", period.toString()).bind("region", region.code())
                .map(row -> new IssuedBulletin(period, region, row.get("number", Integer.class),
                        row.get("issued_at", OffsetDateTime.class).toInstant(), row.get("issued_by", String.class), new byte[0],
                        new byte[0], row.get("sha256_html", String.class), row.get("sha256_pdf", String.class),
                        List.<UsedFigure>of(), List.<SourceStatus>of()))
                .all();
    }

    @Override
    public Mono<Map<FigureKey, BigDecimal>> latestFigures(Period period, Region region) {
        return db.sql("""
                        SELECT f.service, f.code, f.field, f.period, f.region, f.value FROM issued_bulletin_figure f
                        WHERE f.bulletin_id = (SELECT id FROM issued_bulletin WHERE period = :period AND region = :region
                                               ORDER BY number DESC LIMIT 1)""")
                .bind("period", period.toString()).bind("region", region.code())
                .map(row -> new UsedFigure(new FigureKey(row.get("service", String.class), row.get("code", String.class),
                        row.get("field", String.class), row.get("period", String.class), row.get("region", String.class)),
                        row.get("value", BigDecimal.class)))
                .all()
                .collectList()
                .map(R2dbcIssuedBulletins::byKey);
    }

    private static Map<FigureKey, BigDecimal> byKey(List<UsedFigure> figures) {
        Map<FigureKey, BigDecimal> byKey = new LinkedHashMap<>();
        figures.forEach(figure -> byKey.put(figure.key(), figure.value()));
        return byKey;
    }

    private static IssuedBulletin toBulletin(Period period, Region region, Readable row) {
        return new IssuedBulletin(period, region, row.get("number", Integer.class), row.get("issued_at", OffsetDateTime.class).toInstant(),
                row.get("issued_by", String.class), row.get("html", byte[].class), row.get("pdf", byte[].class),
                row.get("sha256_html", String.class), row.get("sha256_pdf", String.class), List.<UsedFigure>of(), List.<SourceStatus>of());
    }
}
