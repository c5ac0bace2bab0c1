package io.cityfin.gateway.indicator;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** How one service answered the fan-out: {@code OK}, or {@code UNAVAILABLE} with why. */
public record SourceStatus(String service, Status status, @Nullable String detail, @Nullable OffsetDateTime servedFromCacheAt) {

    public enum Status { OK, UNAVAILABLE, CACHED }

    public static SourceStatus ok(String service) {
        return new SourceStatus(service, Status.OK, null, null);
    }

    public static SourceStatus unavailable(String service, String detail) {
        return new SourceStatus(service, Status.UNAVAILABLE, detail, null);
    }
}
