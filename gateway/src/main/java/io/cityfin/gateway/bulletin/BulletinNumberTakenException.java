package io.cityfin.gateway.bulletin;

/** Another issue for the same (period, region) took the number first (two ADMINs at once): the issue is retried. */
public class BulletinNumberTakenException extends RuntimeException {

    public BulletinNumberTakenException(String message, Throwable cause) {
        super(message, cause);
    }
}
