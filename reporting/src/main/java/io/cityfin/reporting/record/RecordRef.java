package io.cityfin.reporting.record;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One stored version as a lineage names it: a record's collection, id, natural key, version number, time and content
 * hash, or a registry entry's version ({@code id} and {@code contentHash} null: the registry numbers an institution's
 * versions by its code and keeps no hash).
 */
public record RecordRef(String collection, @Nullable UUID id, @Nullable String key, int version, OffsetDateTime recordedAt,
                        @Nullable String contentHash) {

    public RecordRef {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /** The reference of a stored version. */
    public static RecordRef of(RecordVersion version) {
        return new RecordRef(version.collection(), version.id(), version.key(), version.version(), version.recordedAt(), version.contentHash());
    }
}
