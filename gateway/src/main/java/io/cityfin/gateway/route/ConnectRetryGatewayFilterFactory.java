package io.cityfin.gateway.route;

import java.net.ConnectException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * {@code ConnectRetry} on a route: a {@code GET} or {@code HEAD} whose connection to the service could not be made
 * (refused, or not made within the route's connect timeout) is tried again, at most {@code retries} times, at once.
 * Nothing else is retried: a request that reached the service may have been processed, an answer (a 5xx too) is the
 * service's, and a response timeout retried would only multiply the wait. A write is never retried.
 *
 * <p>It replaces Spring Cloud Gateway's {@code Retry} filter, which wraps every read in repeat and retry operators
 * (and caches every request body of its route) to serve the rare failure: 32 % of the gateway's samples on the proxy
 * path (bench/README.md, "The read path"). Here the path that succeeds pays for one {@code onErrorResume}.
 */
@Component
public class ConnectRetryGatewayFilterFactory extends AbstractGatewayFilterFactory<ConnectRetryGatewayFilterFactory.Config> {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectRetryGatewayFilterFactory.class);

    public ConnectRetryGatewayFilterFactory() {
        super(Config.class);
    }

    @Override
    public GatewayFilter apply(Config config) {
        if (config.getRetries() < 0) {
            throw new IllegalArgumentException("ConnectRetry: retries must be 0 or more, not " + config.getRetries());
        }
        int retries = config.getRetries();
        return (exchange, chain) -> isRead(exchange) ? attempt(exchange, chain, retries) : chain.filter(exchange);
    }

    private static Mono<Void> attempt(ServerWebExchange exchange, GatewayFilterChain chain, int retriesLeft) {
        Mono<Void> call = chain.filter(exchange);
        if (retriesLeft == 0) {
            return call;
        }
        return call.onErrorResume(ConnectRetryGatewayFilterFactory::neverConnected, error -> {
            LOG.debug("{} {}: no connection ({}); trying again", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error.toString());
            ServerWebExchangeUtils.reset(exchange); // the routing filters run again, as for the first attempt
            return attempt(exchange, chain, retriesLeft - 1);
        });
    }

    private static boolean isRead(ServerWebExchange exchange) {
        HttpMethod method = exchange.getRequest().getMethod();
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
    }

    /** Refused or timed out while connecting (Netty's connect timeout is a {@link ConnectException} too), at any depth. */
    static boolean neverConnected(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    /** The filter's one argument: how many times a read that never connected is tried again (default 2). */
    public static class Config {

        private int retries = 2;

        public int getRetries() {
            return retries;
        }

        public void setRetries(int retries) {
            this.retries = retries;
        }
    }
}
