package io.cityfin.gateway.identity;

import java.time.Duration;

import io.cityfin.common.identity.RefusalCounter;

/**
 * A presented key that does not authenticate: malformed, unknown, revoked, or not read at all because its client
 * address is over the failed-authentication limit ({@code retryAfter} then says for how long). Its message never
 * contains the key.
 */
public class ApiKeyRejectedException extends RuntimeException {

    private final RefusalCounter.Reason reason;
    private final Duration retryAfter;

    public ApiKeyRejectedException(RefusalCounter.Reason reason, String message) {
        this(reason, message, Duration.ZERO);
    }

    public ApiKeyRejectedException(RefusalCounter.Reason reason, String message, Duration retryAfter) {
        super(message);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    /** How long the client should wait; {@link Duration#ZERO} unless the refusal is a limit. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public RefusalCounter.Reason reason() {
        return reason;
    }
}
