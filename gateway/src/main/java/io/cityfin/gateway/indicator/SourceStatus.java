package io.cityfin.gateway.indicator;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * How one service answered the fan-out: {@code OK}; {@code CACHED}, with why it was not asked or did not answer and
 * when it last confirmed the figures served; or {@code UNAVAILABLE} with why. {@code etag} is the tag of the figures
 * served ({@code null} when unavailable or when the service sent none).
 */
public record SourceStatus(String service, Status status, @Nullable String detail, @Nullable OffsetDateTime servedFromCacheAt,
                           @Nullable String etag) {

    public enum Status { OK, UNAVAILABLE, CACHED }

    public static SourceStatus ok(String service, @Nullable String etag) {
        return new SourceStatus(service, Status.OK, null, null, etag);
    }

    public static SourceStatus cached(String service, String detail, OffsetDateTime confirmedAt, @Nullable String etag) {
        return new SourceStatus(service, Status.CACHED, detail, confirmedAt, etag);
    }

    public static SourceStatus unavailable(String service, String detail) {
        return new SourceStatus(service, Status.UNAVAILABLE, detail, null, null);
    }
}
