package io.cityfin.gateway.fallback.web;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import io.cityfin.common.problem.NotFoundException;
import io.cityfin.common.problem.ProblemException;
import reactor.core.publisher.Mono;

/**
 * Where a route's circuit breaker forwards when its service is down, slow, answers 5xx or is shed: a 503 problem
 * naming it, with {@code Retry-After} set to how long an open breaker waits before it lets calls through again.
 */
@RestController
class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    private final Duration retryAfter;

    FallbackController(@Value("${resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state:10s}") Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    @RequestMapping("/fallback/{service}")
    Mono<Void> unavailable(@PathVariable("service") String service, ServerWebExchange exchange) {
        if (exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR) == null) {
            return Mono.error(new NotFoundException("No resource at /fallback/" + service + "."));
        }
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        log.warn("{} {} answered by the fallback of {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                service, cause == null ? "no cause recorded" : cause.getClass().getSimpleName() + ": " + cause.getMessage());
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        return Mono.error(new ProblemException(503, "Service unavailable",
                service + " is unavailable; try again shortly.", List.of()));
    }
}
