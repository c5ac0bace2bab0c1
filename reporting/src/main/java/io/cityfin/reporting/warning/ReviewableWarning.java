package io.cityfin.reporting.warning;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.period.Period;

/**
 * A warning as stored on a report version (institution and period set) or on a record version (collection, record id
 * and, where it has one, natural key set), with its review: {@code reviewedAt} and {@code reviewedBy} (the API key id
 * of the reviewer) are null until an analyst marks it reviewed, and never change after.
 */
public record ReviewableWarning(long id, @Nullable String institutionCode, @Nullable Period period, @Nullable String collection,
                                @Nullable UUID recordId, @Nullable String recordKey, int version, String code, String pointer,
                                String message, @Nullable OffsetDateTime reviewedAt, @Nullable String reviewedBy) {

    public boolean isReviewed() {
        return reviewedAt != null;
    }
}
