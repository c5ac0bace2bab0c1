package io.cityfin.reporting.record;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One stored version of a record, as the port keeps it: the content as canonical JSON, its SHA-256, the status, and
 * who recorded it (the API key's id), for which institution (a SUBMITTER's, else null) and when.
 */
public record RecordVersion(String collection, UUID id, int version, String content, String contentHash, RecordStatus status,
                            OffsetDateTime recordedAt, String recordedBy, @Nullable String recordedFor) {

    public RecordVersion {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(status, "status");
    }

    /** The same content and status: storing it again would add nothing. */
    public boolean sameAs(RecordVersion other) {
        return contentHash.equals(other.contentHash) && status == other.status;
    }

    RecordVersion numbered(int number) {
        return new RecordVersion(collection, id, number, content, contentHash, status, recordedAt, recordedBy, recordedFor);
    }
}
