package io.cityfin.gateway.identity.web;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.cityfin.gateway.identity.ApiKeyService;
import io.cityfin.gateway.identity.ClientAddresses;
import io.cityfin.gateway.identity.FailedAuthentications;

/**
 * What a request presents, read the same way everywhere: the key of {@code Authorization: Bearer <key>}, the client's
 * address, and whether the request is to be refused unread because that address is throttled and the key is not one
 * the gateway knows. The last is decided before anything else runs for the request (its observation, the security
 * chain), so a flood of made-up keys costs little more than Netty's parsing.
 */
@Component
class ThrottledRequests {

    /** Paths under {@code /api/} that need no key: the published contracts. */
    static final String[] PUBLIC_CONTRACTS = {"/openapi", "/openapi/**", "/api/v1/*/openapi", "/api/v1/*/openapi/**"};
    private static final List<PathPattern> PUBLIC = Arrays.stream(PUBLIC_CONTRACTS).map(PathPatternParser.defaultInstance::parse).toList();

    private final ClientAddresses clientAddresses;
    private final FailedAuthentications failures;
    private final ApiKeyService keys;

    ThrottledRequests(ClientAddresses clientAddresses, FailedAuthentications failures, ApiKeyService keys) {
        this.clientAddresses = clientAddresses;
        this.failures = failures;
        this.keys = keys;
    }

    /** The key presented: what follows {@code Bearer }, trimmed; any other Authorization value is no key's form (""). */
    static String presentedKey(String authorization) {
        return authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).trim() : "";
    }

    /** The client's address: the connection's, or from {@code X-Forwarded-For} behind a trusted proxy. */
    String clientAddress(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        String remoteAddress = remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
        return clientAddresses.clientOf(remoteAddress, request.getHeaders().getOrEmpty("X-Forwarded-For"));
    }

    /**
     * How long to tell the client to wait when this request is to be refused unread ({@link Duration#ZERO}: go on): it
     * needs a key, presents one, comes from a throttled address, and the key is not one the gateway knows.
     */
    Duration refusedFor(ServerHttpRequest request) {
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        String path = request.getPath().pathWithinApplication().value();
        if (authorization == null || !path.startsWith("/api/")
                || PUBLIC.stream().anyMatch(pattern -> pattern.matches(request.getPath().pathWithinApplication()))) {
            return Duration.ZERO;
        }
        Duration wait = failures.throttled(clientAddress(request));
        return wait.isZero() || keys.isKnown(presentedKey(authorization)) ? Duration.ZERO : wait;
    }
}
