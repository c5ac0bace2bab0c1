package io.cityfin.reporting.record;

import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The latest version of a record not withdrawn, as indicators read it: its content and its parent's latest content
 * (null without a parent). A record whose parent is withdrawn is not given at all.
 */
public record RecordView<T>(UUID id, @Nullable String key, T content, @Nullable Object parent) {

    public <P> Optional<P> parent(Class<P> type) {
        return Optional.ofNullable(parent).map(type::cast);
    }
}
