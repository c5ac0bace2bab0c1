package io.cityfin.gateway.identity.web;

import java.util.ArrayList;
import java.util.Locale;
import java.util.Optional;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import io.cityfin.common.identity.Access;
import io.cityfin.gateway.identity.InternalTokenMinter;
import reactor.core.publisher.Mono;

/**
 * On every routed request: drop whatever identity the client sent (its API key, any {@code X-Cityfin-*} or
 * forwarded-user header) and, for an authenticated caller, add the internal token minted for it. A service
 * therefore only ever sees identities the gateway vouches for.
 */
@Component
class InternalTokenRelay implements GlobalFilter, Ordered {

    private final InternalTokenMinter minter;

    InternalTokenRelay(InternalTokenMinter minter) {
        this.minter = minter;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return Access.callerIfAny()
                .map(minter::mint)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(token -> {
                    ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> {
                        stripClientIdentity(headers);
                        token.ifPresent(headers::setBearerAuth);
                    }).build();
                    return chain.filter(exchange.mutate().request(request).build());
                });
    }

    static void stripClientIdentity(HttpHeaders headers) {
        for (String name : new ArrayList<>(headers.headerNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("authorization") || lower.equals("proxy-authorization") || lower.startsWith("x-cityfin-")
                    || lower.equals("x-forwarded-user") || lower.equals("x-remote-user")) {
                headers.remove(name);
            }
        }
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
