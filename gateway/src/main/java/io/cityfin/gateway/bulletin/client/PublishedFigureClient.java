package io.cityfin.gateway.bulletin.client;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import io.cityfin.gateway.bulletin.PublishedFigure;
import io.cityfin.gateway.bulletin.PublishedFigures;
import io.cityfin.gateway.config.CityfinGatewayProperties;
import io.cityfin.gateway.identity.CallerTokenFilter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /published-figures?period=&region=} of each service (the reporting machinery's record collection), on
 * the service's base URL with a token minted from the caller, as the fan-out asks {@code /indicators}. Each call has
 * the timeout its caller gives (the bulletin's {@code source-timeout}) and its own circuit breaker ({@code <service>-published-figures}); a service that fails,
 * refuses or does not have the collection yet gives no figures (logged): the bulletin is still written.
 */
@Component
class PublishedFigureClient implements PublishedFigures {

    private static final Logger LOG = LoggerFactory.getLogger(PublishedFigureClient.class);
    /** More than any month and region has; the collection pages at 1000. */
    private static final int LIMIT = 1000;

    private final WebClient webClient;
    private final Map<String, URI> services;
    private final ReactiveCircuitBreakerFactory<?, ?> breakers;

    PublishedFigureClient(CityfinGatewayProperties properties, WebClient.Builder builder, ReactiveCircuitBreakerFactory<?, ?> breakers,
                          CallerTokenFilter callerToken) {
        this.webClient = builder.filter(callerToken).build();
        this.services = Map.copyOf(properties.services());
        this.breakers = breakers;
    }

    @Override
    public Flux<PublishedFigure> find(String service, Period period, Region region, Duration timeout) {
        URI base = services.get(service);
        if (base == null) {
            return Flux.empty();
        }
        URI uri = UriComponentsBuilder.fromUri(base).path("/published-figures")
                .queryParam("period", period.toString()).queryParam("region", region.code()).queryParam("limit", LIMIT)
                .build().toUri();
        Mono<List<PublishedFigureBody>> call = webClient.get().uri(uri).accept(MediaType.APPLICATION_JSON)
                .retrieve()
                .bodyToFlux(PublishedFigureBody.class)
                .collectList()
                .timeout(timeout);
        return breakers.create(service + "-published-figures")
                .run(call, error -> Mono.error(error))
                .onErrorResume(error -> {
                    LOG.warn("Published figures of {} for {} {} not read: {}", service, period, region.code(), error.toString());
                    return Mono.just(List.of());
                })
                .flatMapMany(Flux::fromIterable)
                .filter(PublishedFigureBody::isComplete)
                .filter(body -> body.status() == null || "ACTIVE".equals(body.status()))
                .map(body -> body.toFigure(service));
    }

    /** The members of a published figure the bulletin uses (reporting.yaml, {@code PublishedFigure}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PublishedFigureBody(@Nullable String status, @Nullable String indicator, @Nullable String field, @Nullable String period,
                               @Nullable String region, @Nullable BigDecimal value, @Nullable BigDecimal rounding,
                               @Nullable String printed, @Nullable String document) {

        boolean isComplete() {
            return indicator != null && field != null && period != null && region != null && value != null && rounding != null
                    && rounding.signum() > 0 && document != null;
        }

        PublishedFigure toFigure(String service) {
            return new PublishedFigure(service, Objects.requireNonNull(indicator), Objects.requireNonNull(field),
                    Objects.requireNonNull(period), Objects.requireNonNull(region), Objects.requireNonNull(value),
                    Objects.requireNonNull(rounding), printed, Objects.requireNonNull(document));
        }
    }
}
