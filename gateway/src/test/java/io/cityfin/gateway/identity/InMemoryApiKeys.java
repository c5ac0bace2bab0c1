package io.cityfin.gateway.identity;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The API key store in memory, counting look-ups and use records so tests can see the cache at work. */
class InMemoryApiKeys implements ApiKeys {

    private final Map<String, ApiKey> byHash = new ConcurrentHashMap<>();
    final AtomicInteger lookUps = new AtomicInteger();
    final AtomicInteger useRecords = new AtomicInteger();

    @Override
    public Mono<ApiKey> insert(ApiKey key, String secretHash) {
        byHash.put(secretHash, key);
        return Mono.just(key);
    }

    @Override
    public Mono<ApiKey> findBySecretHash(String secretHash) {
        lookUps.incrementAndGet();
        return Mono.justOrEmpty(byHash.get(secretHash));
    }

    @Override
    public Flux<ApiKey> findAll() {
        return Flux.fromIterable(byHash.values()).sort(Comparator.comparing(ApiKey::createdAt).reversed());
    }

    @Override
    public Mono<ApiKey> revoke(UUID id, OffsetDateTime at) {
        return Mono.justOrEmpty(byHash.entrySet().stream().filter(e -> e.getValue().id().equals(id)).findFirst())
                .map(entry -> {
                    ApiKey key = entry.getValue();
                    ApiKey revoked = key.isRevoked() ? key : new ApiKey(key.id(), key.prefix(), key.label(), key.roles(),
                            key.institutionCode(), key.createdAt(), at, key.lastUsedAt());
                    byHash.put(entry.getKey(), revoked);
                    return revoked;
                });
    }

    @Override
    public Mono<Void> recordUse(UUID id, OffsetDateTime at) {
        useRecords.incrementAndGet();
        return Mono.empty();
    }
}
