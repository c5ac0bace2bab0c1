package io.cityfin.gateway.indicator;

/** A source that did not answer usefully; the message is the {@code detail} the portal sees. */
public class SourceUnavailableException extends RuntimeException {

    public SourceUnavailableException(String detail) {
        super(detail);
    }
}
