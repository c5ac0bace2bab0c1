package io.cityfin.gateway.identity;

import java.time.OffsetDateTime;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Port: the stored API keys, found by the hash of their secret. */
public interface ApiKeys {

    Mono<ApiKey> insert(ApiKey key, String secretHash);

    Mono<ApiKey> findBySecretHash(String secretHash);

    /** Newest first. */
    Flux<ApiKey> findAll();

    /** Sets the revocation time if the key is not revoked yet; empty if there is no such key. */
    Mono<ApiKey> revoke(UUID id, OffsetDateTime at);

    Mono<Void> recordUse(UUID id, OffsetDateTime at);
}
