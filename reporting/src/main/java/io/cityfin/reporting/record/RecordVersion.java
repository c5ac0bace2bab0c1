package io.cityfin.reporting.record;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One stored version of a record, as the port keeps it: the record's id, natural key and parent, the content as
 * canonical JSON, its SHA-256, the status, who recorded it (the API key's id), for which institution (a SUBMITTER's,
 * else null) and when, and the warnings it was accepted with.
 */
public record RecordVersion(String collection, UUID id, @Nullable String key, @Nullable UUID parentId, int version, String content,
                            String contentHash, RecordStatus status, OffsetDateTime recordedAt, String recordedBy,
                            @Nullable String recordedFor, List<RecordWarning> warnings) {

    public RecordVersion {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(status, "status");
        warnings = List.copyOf(warnings);
    }

    /** The same content and status: storing it again would add nothing. */
    public boolean sameAs(RecordVersion other) {
        return contentHash.equals(other.contentHash) && status == other.status;
    }

    /** This version as stored with {@code number} and {@code stored} warnings. */
    public RecordVersion numbered(int number, List<RecordWarning> stored) {
        return new RecordVersion(collection, id, key, parentId, number, content, contentHash, status, recordedAt, recordedBy, recordedFor,
                stored);
    }
}
