package io.cityfin.gateway.identity.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.springframework.data.r2dbc.repository.Modifying;
import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

interface ApiKeyRowRepository extends ReactiveCrudRepository<ApiKeyRow, UUID> {

    Mono<ApiKeyRow> findBySecretHash(String secretHash);

    Flux<ApiKeyRow> findAllByOrderByCreatedAtDesc();

    @Modifying
    @Query("UPDATE api_key SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL")
    Mono<Integer> revoke(UUID id, OffsetDateTime at);

    @Modifying
    @Query("UPDATE api_key SET last_used_at = :at WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :at)")
    Mono<Integer> recordUse(UUID id, OffsetDateTime at);
}
