package io.cityfin.reporting.indicator.client;

import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.cityfin.common.http.EntityTag;
import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.common.indicator.api.model.IndicatorSetDto;
import io.cityfin.common.indicator.client.IndicatorApi;
import io.cityfin.common.indicator.client.invoker.ApiClient;
import io.cityfin.reporting.indicator.IndicatorQuery;
import io.cityfin.reporting.indicator.PublishedIndicators;
import io.cityfin.reporting.indicator.PublishedIndicatorsUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import reactor.core.publisher.Mono;

/**
 * Another service's published indicators through the gateway ({@code <gateway-url>/api/v1/<service>/indicators}),
 * as any client reads them: the shared contract's generated client, the service's own API key
 * ({@code cityfin.published.api-key}, role ANALYST) as bearer, a timeout ({@code cityfin.published.timeout}, below the
 * gateway's fan-out timeout, so a consolidated answer never waits for this call's full timeout) and a circuit breaker
 * per publishing service ({@code published-<service>}: Resilience4j's {@code resilience4j.circuitbreaker} settings).
 * Every failure — no key, timeout, 4xx, 5xx, breaker open — is a {@link PublishedIndicatorsUnavailableException}.
 * <p>
 * Each sheet is kept with its ETag per (service, period, region), the {@value #KEPT} used last, and asked for again
 * with {@code If-None-Match}: a 304 answers the kept sheet, so an unchanged import costs one conditional call. A sheet
 * answered without an ETag is named by its content and not kept.
 */
@Component
class GatewayPublishedIndicators implements PublishedIndicators {

    /** Sheets kept: a few services × the periods and regions asked lately. */
    static final int KEPT = 500;

    private final Cache<Key, Sheet> kept = Caffeine.newBuilder().maximumSize(KEPT).build();

    private final Map<String, IndicatorApi> apis = new ConcurrentHashMap<>();
    /** One breaker per publishing service, made on its first call (the factory builds its settings on every create). */
    private final Map<String, ReactiveCircuitBreaker> serviceBreakers = new ConcurrentHashMap<>();
    private final WebClient webClient;
    private final String gatewayUrl;
    private final boolean keyConfigured;
    private final Duration timeout;
    private final ReactiveCircuitBreakerFactory<?, ?> breakers;

    GatewayPublishedIndicators(WebClient.Builder builder, ReactiveCircuitBreakerFactory<?, ?> breakers,
                               @Value("${cityfin.published.gateway-url:${CITYFIN_GATEWAY_URL:http://127.0.0.1:8080}}") String gatewayUrl,
                               @Value("${cityfin.published.api-key:}") String apiKey,
                               @Value("${cityfin.published.timeout:1500ms}") Duration timeout) {
        this.keyConfigured = !apiKey.isBlank();
        this.webClient = builder.clone()
                .defaultHeaders(headers -> {
                    if (keyConfigured) {
                        headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + apiKey.strip());
                    }
                })
                .build();
        this.gatewayUrl = gatewayUrl.endsWith("/") ? gatewayUrl.substring(0, gatewayUrl.length() - 1) : gatewayUrl;
        this.timeout = timeout;
        this.breakers = breakers;
    }

    @Override
    public Mono<List<IndicatorDto>> indicators(String service, IndicatorQuery query) {
        return sheet(service, query).map(Sheet::indicators);
    }

    @Override
    public Mono<Sheet> sheet(String service, IndicatorQuery query) {
        if (!keyConfigured) {
            return Mono.error(new PublishedIndicatorsUnavailableException(service, "no API key configured (cityfin.published.api-key)"));
        }
        IndicatorApi api = apis.computeIfAbsent(service, this::api);
        Key key = new Key(service, query);
        Mono<Sheet> call = Mono.defer(() -> {
            Sheet held = kept.getIfPresent(key);
            return api.getIndicatorsWithResponseSpec(query.period().toString(),
                            query.region().isCity() ? null : query.region().code(), held == null ? null : held.etag())
                    .toEntity(IndicatorSetDto.class)
                    .map(answer -> answered(key, held, answer));
        }).timeout(timeout);
        return serviceBreakers.computeIfAbsent(service, name -> breakers.create("published-" + name))
                .run(call, error -> Mono.error(new PublishedIndicatorsUnavailableException(service, describe(error), error)));
    }

    /** The kept sheet on a 304, else the answered one (kept when it carries an ETag). */
    private Sheet answered(Key key, @Nullable Sheet held, ResponseEntity<IndicatorSetDto> answer) {
        if (answer.getStatusCode().isSameCodeAs(HttpStatus.NOT_MODIFIED) && held != null) {
            return held;
        }
        IndicatorSetDto body = answer.getBody();
        if (!answer.getStatusCode().is2xxSuccessful() || body == null) {
            throw new IllegalStateException("answered HTTP " + answer.getStatusCode().value() + (body == null ? " without a sheet" : ""));
        }
        List<IndicatorDto> indicators = body.getIndicators() == null ? List.of() : body.getIndicators();
        String etag = answer.getHeaders().getETag();
        if (etag == null) {
            kept.invalidate(key);
            return new Sheet(indicators, EntityTag.of(indicators));
        }
        Sheet sheet = new Sheet(indicators, etag);
        kept.put(key, sheet);
        return sheet;
    }

    /** A kept sheet's key: the service and the query asked. */
    private record Key(String service, IndicatorQuery query) {
    }

    private IndicatorApi api(String service) {
        ApiClient client = new ApiClient(webClient);
        client.setBasePath(gatewayUrl + "/api/v1/" + service);
        return new IndicatorApi(client);
    }

    private String describe(Throwable error) {
        if (error instanceof TimeoutException) {
            return "timeout after " + timeout.toMillis() + "ms";
        }
        if (error instanceof CallNotPermittedException) {
            return "circuit breaker open";
        }
        if (error instanceof WebClientResponseException response) {
            return "answered HTTP " + response.getStatusCode().value();
        }
        if (error instanceof WebClientRequestException request) {
            return request.getMostSpecificCause() instanceof ConnectException ? "not reachable: connection refused"
                    : "not reachable: " + request.getMostSpecificCause().getClass().getSimpleName();
        }
        return "failed: " + error.getClass().getSimpleName();
    }
}
