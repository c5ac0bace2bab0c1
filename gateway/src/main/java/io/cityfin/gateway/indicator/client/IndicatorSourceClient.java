package io.cityfin.gateway.indicator.client;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import io.cityfin.common.identity.Access;
import io.cityfin.common.indicator.api.model.IndicatorSetDto;
import io.cityfin.common.indicator.client.IndicatorApi;
import io.cityfin.common.indicator.client.invoker.ApiClient;
import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import io.cityfin.gateway.config.CityfinGatewayProperties;
import io.cityfin.gateway.identity.InternalTokenMinter;
import io.cityfin.gateway.indicator.ServiceIndicators;
import io.cityfin.gateway.indicator.SourceUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import reactor.core.publisher.Mono;

/**
 * The shared contract's generated client, one per service base URL, all on one WebClient from Boot's builder
 * (client metrics, trace propagation). Each call has its own timeout and circuit breaker
 * ({@code <service>-indicators}); every failure becomes a {@link SourceUnavailableException} saying why.
 */
@Component
class IndicatorSourceClient implements ServiceIndicators {

    private final Map<String, IndicatorApi> apis = new LinkedHashMap<>();
    private final ReactiveCircuitBreakerFactory<?, ?> breakers;
    private final Duration timeout;

    IndicatorSourceClient(CityfinGatewayProperties properties, WebClient.Builder builder,
                          ReactiveCircuitBreakerFactory<?, ?> breakers, InternalTokenMinter minter) {
        // Each call carries a token minted from the caller of the consolidated request, so every service applies
        // that caller's role and disclosure control itself (architecture.md, "Identity and roles").
        WebClient webClient = builder.filter((request, next) -> Access.callerIfAny()
                        .map(caller -> ClientRequest.from(request).headers(headers -> headers.setBearerAuth(minter.mint(caller))).build())
                        .defaultIfEmpty(request)
                        .flatMap(next::exchange))
                .build();
        for (Map.Entry<String, URI> service : properties.services().entrySet()) {
            ApiClient client = new ApiClient(webClient);
            client.setBasePath(service.getValue().toString());
            apis.put(service.getKey(), new IndicatorApi(client));
        }
        this.breakers = breakers;
        this.timeout = properties.fanOutTimeout();
    }

    @Override
    public Mono<IndicatorSetDto> fetch(String service, Period period, Region region) {
        IndicatorApi api = apis.get(service);
        if (api == null) {
            return Mono.error(new SourceUnavailableException("no base URL configured"));
        }
        // Decoded straight into the server-side types: both are generated from the same contract.
        Mono<IndicatorSetDto> call = api.getIndicatorsWithResponseSpec(period.toString(), region.isCity() ? null : region.code())
                .bodyToMono(IndicatorSetDto.class)
                .timeout(timeout);
        return breakers.create(service + "-indicators")
                .run(call, error -> Mono.error(new SourceUnavailableException(describe(error))));
    }

    private String describe(Throwable error) {
        if (error instanceof TimeoutException) {
            return "timeout after " + human(timeout);
        }
        if (error instanceof CallNotPermittedException) {
            return "circuit breaker open";
        }
        if (error instanceof WebClientResponseException response) {
            return "answered HTTP " + response.getStatusCode().value();
        }
        if (error instanceof WebClientRequestException request) {
            Throwable root = request.getMostSpecificCause();
            if (root instanceof ConnectException) {
                return "not reachable: connection refused";
            }
            return "not reachable: " + (root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
        }
        return "failed: " + error.getClass().getSimpleName();
    }

    private static String human(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
