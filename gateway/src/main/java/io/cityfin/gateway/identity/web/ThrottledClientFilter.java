package io.cityfin.gateway.identity.web;

import java.time.Duration;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.cityfin.common.identity.RefusalCounter;
import io.cityfin.gateway.identity.ApiKeyService;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * First of all filters: a request from an address over its failed-authentication limit whose key the gateway does not
 * know is answered 429 here, before the security chain (the authentication filter would refuse it too, at several
 * times the cost). Its observation is skipped as well ({@link ThrottledObservations}); it is counted as
 * {@code cityfin_access_refused_total{reason="failed-auth-limited"}} and {@code cityfin_gateway_keys_lookups_total{result="throttled"}}.
 */
class ThrottledClientFilter implements WebFilter, Ordered {

    private final ThrottledRequests throttled;
    private final ApiKeyService keys;
    private final RefusalCounter refusals;
    private final JsonMapper jsonMapper;

    ThrottledClientFilter(ThrottledRequests throttled, ApiKeyService keys, RefusalCounter refusals, JsonMapper jsonMapper) {
        this.throttled = throttled;
        this.keys = keys;
        this.refusals = refusals;
        this.jsonMapper = jsonMapper;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Duration wait = throttled.refusedFor(exchange.getRequest());
        if (wait.isZero()) {
            return chain.filter(exchange);
        }
        keys.countThrottled();
        return TooManyRequests.failedAuthentications(exchange, wait, refusals, jsonMapper);
    }
}
