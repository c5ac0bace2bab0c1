package io.cityfin.reporting.indicator;

/** Another service's published indicators could not be read; {@code reason} says why (timeout, breaker open, 503, no key). */
public class PublishedIndicatorsUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PublishedIndicatorsUnavailableException(String service, String reason) {
        super(service + ": " + reason);
    }

    public PublishedIndicatorsUnavailableException(String service, String reason, Throwable cause) {
        super(service + ": " + reason, cause);
    }
}
