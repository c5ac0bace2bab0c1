package io.cityfin.gateway.indicator.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.gateway.indicator.AnswerKey;
import io.cityfin.gateway.indicator.KeptAnswer;
import io.cityfin.gateway.indicator.KeptAnswers;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Table {@code kept_indicator_answer}: the indicators as JSON, written with the app's own mapper (so read back alike). */
@Component
class R2dbcKeptAnswers implements KeptAnswers {

    private static final TypeReference<List<IndicatorDto>> INDICATORS = new TypeReference<>() {
    };

    private final DatabaseClient db;
    private final JsonMapper json;

    R2dbcKeptAnswers(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    @Override
    public Mono<KeptAnswer> find(AnswerKey key) {
        return db.sql("""
                        SELECT etag, indicators, generation, answered_at, confirmed_at FROM kept_indicator_answer
                        WHERE service = :service AND period = :period AND region = :region AND view = :view""")
                .bind("service", key.service()).bind("period", key.period().toString())
                .bind("region", key.region().code()).bind("view", key.view().name())
                .map(row -> toAnswer(key, row))
                .one();
    }

    @Override
    public Mono<Void> save(KeptAnswer answer) {
        AnswerKey key = answer.key();
        // a slower replica never replaces a newer answer with an older one
        DatabaseClient.GenericExecuteSpec insert = db.sql("""
                        INSERT INTO kept_indicator_answer (service, period, region, view, etag, indicators, generation, answered_at, confirmed_at)
                        VALUES (:service, :period, :region, :view, :etag, :indicators, :generation, :answeredAt, :confirmedAt)
                        ON CONFLICT (service, period, region, view) DO UPDATE SET etag = EXCLUDED.etag,
                            indicators = EXCLUDED.indicators, generation = EXCLUDED.generation,
                            answered_at = EXCLUDED.answered_at, confirmed_at = EXCLUDED.confirmed_at
                        WHERE kept_indicator_answer.answered_at <= EXCLUDED.answered_at""")
                .bind("service", key.service()).bind("period", key.period().toString())
                .bind("region", key.region().code()).bind("view", key.view().name())
                .bind("indicators", json.writeValueAsBytes(answer.indicators()))
                .bind("generation", answer.generation())
                .bind("answeredAt", utc(answer.answeredAt()))
                .bind("confirmedAt", utc(answer.confirmedAt()));
        return (answer.etag() == null ? insert.bindNull("etag", String.class) : insert.bind("etag", answer.etag())).then();
    }

    @Override
    public Mono<Void> confirm(AnswerKey key, String etag, long generation, Instant at) {
        return db.sql("""
                        UPDATE kept_indicator_answer SET generation = GREATEST(generation, :generation), confirmed_at = GREATEST(confirmed_at, :at)
                        WHERE service = :service AND period = :period AND region = :region AND view = :view AND etag = :etag""")
                .bind("service", key.service()).bind("period", key.period().toString())
                .bind("region", key.region().code()).bind("view", key.view().name())
                .bind("etag", etag).bind("generation", generation).bind("at", utc(at))
                .then();
    }

    private KeptAnswer toAnswer(AnswerKey key, Readable row) {
        byte[] indicators = row.get("indicators", byte[].class);
        return new KeptAnswer(key, row.get("etag", String.class), json.readValue(indicators, INDICATORS),
                row.get("generation", Long.class), row.get("answered_at", OffsetDateTime.class).toInstant(),
                row.get("confirmed_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
