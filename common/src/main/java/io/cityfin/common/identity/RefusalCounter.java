package io.cityfin.common.identity;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts refused authentications and authorizations under one metric name in every app,
 * {@code cityfin.access.refused} tagged by {@code reason} (architecture.md: "Refusals are counted under one
 * metric name in every app"). Reasons are a closed set, so the series stay few.
 */
public class RefusalCounter {

    public static final String METRIC = "cityfin.access.refused";

    /**
     * The reasons: no credentials, unknown or invalid (malformed) credentials, a revoked key, a 403, a rate limit, and
     * a key not read because its client address failed to authenticate too often.
     */
    public enum Reason {
        MISSING, UNKNOWN, INVALID, REVOKED, FORBIDDEN, RATE_LIMITED, FAILED_AUTH_LIMITED;

        public String tag() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    private final MeterRegistry registry;

    public RefusalCounter(MeterRegistry registry) {
        this.registry = registry;
    }

    public void count(Reason reason) {
        Counter.builder(METRIC)
                .description("Requests refused for authentication or authorization, by reason")
                .tag("reason", reason.tag())
                .register(registry)
                .increment();
    }
}
