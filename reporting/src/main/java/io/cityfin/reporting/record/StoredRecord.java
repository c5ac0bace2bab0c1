package io.cityfin.reporting.record;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One version of a record with its content read back into the service's type: its id, its natural key (null for
 * records with a service-given id), its parent's id (null without one), and the warnings the version was accepted with.
 */
public record StoredRecord<T>(UUID id, @Nullable String key, @Nullable UUID parentId, int version, T content, String contentHash,
                              RecordStatus status, OffsetDateTime recordedAt, String recordedBy, @Nullable String recordedFor,
                              List<RecordWarning> warnings) {

    public StoredRecord {
        warnings = List.copyOf(warnings);
    }

    public boolean isActive() {
        return status == RecordStatus.ACTIVE;
    }
}
