package io.cityfin.gateway.identity.persistence;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.stereotype.Component;

import io.cityfin.common.identity.Role;
import io.cityfin.gateway.identity.ApiKey;
import io.cityfin.gateway.identity.ApiKeys;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Component
class R2dbcApiKeys implements ApiKeys {

    private final ApiKeyRowRepository rows;
    private final R2dbcEntityTemplate template;

    R2dbcApiKeys(ApiKeyRowRepository rows, R2dbcEntityTemplate template) {
        this.rows = rows;
        this.template = template;
    }

    @Override
    public Mono<ApiKey> insert(ApiKey key, String secretHash) {
        // insert, not save: the id is ours, so save() would take the row for an existing one and update nothing
        return template.insert(toRow(key, secretHash)).map(R2dbcApiKeys::toDomain);
    }

    @Override
    public Mono<ApiKey> findBySecretHash(String secretHash) {
        return rows.findBySecretHash(secretHash).map(R2dbcApiKeys::toDomain);
    }

    @Override
    public Flux<ApiKey> findAll() {
        return rows.findAllByOrderByCreatedAtDesc().map(R2dbcApiKeys::toDomain);
    }

    @Override
    public Mono<ApiKey> revoke(UUID id, OffsetDateTime at) {
        return rows.revoke(id, at).then(rows.findById(id)).map(R2dbcApiKeys::toDomain);
    }

    @Override
    public Mono<Void> recordUse(UUID id, OffsetDateTime at) {
        return rows.recordUse(id, at).then();
    }

    private static ApiKeyRow toRow(ApiKey key, String secretHash) {
        String[] roles = key.roles().stream().map(Enum::name).sorted().toArray(String[]::new);
        return new ApiKeyRow(key.id(), secretHash, key.prefix(), key.label(), roles, key.institutionCode(), key.createdAt(),
                key.revokedAt(), key.lastUsedAt());
    }

    private static ApiKey toDomain(ApiKeyRow row) {
        Set<Role> roles = Arrays.stream(row.roles()).map(Role::valueOf).collect(Collectors.toSet());
        return new ApiKey(row.id(), row.prefix(), row.label(), roles, row.institutionCode(), row.createdAt(), row.revokedAt(),
                row.lastUsedAt());
    }
}
