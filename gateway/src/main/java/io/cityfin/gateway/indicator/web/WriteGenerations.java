package io.cityfin.gateway.indicator.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import io.cityfin.gateway.config.CityfinGatewayProperties;
import io.cityfin.gateway.indicator.Generations;
import io.cityfin.gateway.indicator.IndicatorCacheProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Every write a route passes that its service answers 2xx bumps the generation of that service and of the services
 * reading it, before the answer's headers leave: once a caller holds the 2xx, every gateway's next consolidated read
 * asks that service again (read-your-writes). The route id is the service's name. A bump that fails is counted and
 * logged; the write's answer still leaves (the write happened), and the kept answers it should have staled are asked
 * about again within {@code revalidate-after}.
 */
@Component
class WriteGenerations implements GlobalFilter, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(WriteGenerations.class);
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    /** Per service (a route id), the services whose answers a write to it can change: itself and its readers. */
    private final Map<String, List<String>> affected;
    private final Generations generations;
    private final Counter bumped;
    private final Counter failed;

    WriteGenerations(CityfinGatewayProperties properties, IndicatorCacheProperties cache, Generations generations, MeterRegistry meters) {
        this.affected = properties.services().keySet().stream().collect(Collectors.toUnmodifiableMap(service -> service, cache::affectedBy));
        this.generations = generations;
        this.bumped = bumps(meters, "ok");
        this.failed = bumps(meters, "failed");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        List<String> services = route == null ? null : affected.get(route.getId());
        if (services == null || READS.contains(exchange.getRequest().getMethod())) {
            return chain.filter(exchange);
        }
        exchange.getResponse().beforeCommit(() -> {
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            if (status == null || !status.is2xxSuccessful()) {
                return Mono.empty();
            }
            return generations.bump(services)
                    .doOnSuccess(done -> bumped.increment())
                    .onErrorResume(error -> {
                        failed.increment();
                        LOG.warn("Could not bump the generations of {} after a write: {}", services, error.toString());
                        return Mono.empty();
                    });
        });
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** {@code cityfin.gateway.generation.bumps{outcome=ok|failed}}: writes whose kept answers were made stale. */
    private static Counter bumps(MeterRegistry meters, String outcome) {
        return Counter.builder("cityfin.gateway.generation.bumps")
                .description("Consolidated indicators: 2xx writes that bumped their services' generations")
                .tag("outcome", outcome).register(meters);
    }
}
