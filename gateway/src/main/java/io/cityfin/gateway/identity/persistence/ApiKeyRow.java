package io.cityfin.gateway.identity.persistence;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

@Table("api_key")
record ApiKeyRow(@Id UUID id, @Column("secret_hash") String secretHash, String prefix, String label, String[] roles,
                 @Column("institution_code") @Nullable String institutionCode, @Column("created_at") OffsetDateTime createdAt,
                 @Column("revoked_at") @Nullable OffsetDateTime revokedAt,
                 @Column("last_used_at") @Nullable OffsetDateTime lastUsedAt) {
}
