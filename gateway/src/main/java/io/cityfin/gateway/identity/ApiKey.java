package io.cityfin.gateway.identity;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.identity.Caller;
import io.cityfin.common.identity.Role;

/** An API key as the gateway keeps it: everything but the secret, of which only a hash is stored. */
public record ApiKey(UUID id, String prefix, String label, Set<Role> roles, @Nullable String institutionCode,
                     OffsetDateTime createdAt, @Nullable OffsetDateTime revokedAt, @Nullable OffsetDateTime lastUsedAt) {

    public ApiKey {
        roles = Set.copyOf(roles);
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    /** The caller this key stands for; the subject is the key's id, never the key. */
    public Caller caller() {
        return new Caller(id.toString(), roles, institutionCode);
    }
}
