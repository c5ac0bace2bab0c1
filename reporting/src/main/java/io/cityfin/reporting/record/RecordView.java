package io.cityfin.reporting.record;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The latest version of a record not withdrawn, as indicators read it: its content and its parent's latest content
 * (null without a parent), each with the version it is ({@code ref}, {@code parentRef}), so that a lineage can name
 * them. A record whose parent is withdrawn is not given at all.
 */
public record RecordView<T>(RecordRef ref, T content, @Nullable Object parent, @Nullable RecordRef parentRef) {

    public UUID id() {
        return Objects.requireNonNull(ref.id(), "a record's version has an id");
    }

    public @Nullable String key() {
        return ref.key();
    }

    public <P> Optional<P> parent(Class<P> type) {
        return Optional.ofNullable(parent).map(type::cast);
    }
}
