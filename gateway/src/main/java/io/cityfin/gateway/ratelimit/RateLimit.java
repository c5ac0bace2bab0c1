package io.cityfin.gateway.ratelimit;

import java.util.Objects;

/**
 * A token bucket's shape: {@code burst} requests at once, refilled at {@code perSecond}. {@code name} keeps the buckets
 * of different limits apart (the same id may have a bucket under each).
 */
public record RateLimit(String name, long burst, long perSecond) {

    public RateLimit {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("a rate limit's name is lower-case letters, digits and dashes: " + name);
        }
        if (perSecond < 1 || burst < perSecond) {
            throw new IllegalArgumentException("rate limit " + name + ": per-second must be at least 1 and burst at least per-second ("
                    + burst + ", " + perSecond + ")");
        }
    }
}
