package io.cityfin.gateway.identity;

/** A key just issued, with its secret: the only moment the secret exists outside the caller's hands. */
public record IssuedApiKey(ApiKey key, String secret) {

    @Override
    public String toString() {
        return "IssuedApiKey[key=" + key + ", secret=(hidden)]";
    }
}
