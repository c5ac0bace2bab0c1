package io.cityfin.gateway.identity;

import io.cityfin.common.identity.RefusalCounter;

/** A presented key that does not authenticate: unknown or revoked. Its message never contains the key. */
public class ApiKeyRejectedException extends RuntimeException {

    private final RefusalCounter.Reason reason;

    public ApiKeyRejectedException(RefusalCounter.Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public RefusalCounter.Reason reason() {
        return reason;
    }
}
