package io.cityfin.reporting.warning;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.period.Period;

/**
 * A warning as stored on a report version, with its review: {@code reviewedAt} and {@code reviewedBy} (the API key
 * id of the reviewer) are null until an analyst marks it reviewed, and never change after.
 */
public record ReviewableWarning(long id, String institutionCode, Period period, int version, String code, String pointer,
                                String message, @Nullable OffsetDateTime reviewedAt, @Nullable String reviewedBy) {

    public boolean isReviewed() {
        return reviewedAt != null;
    }
}
