package io.cityfin.reporting.record;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One version of a record with its content read back into the service's type. */
public record StoredRecord<T>(UUID id, int version, T content, String contentHash, RecordStatus status,
                              OffsetDateTime recordedAt, String recordedBy, @Nullable String recordedFor) {

    public boolean isActive() {
        return status == RecordStatus.ACTIVE;
    }
}
