package io.cityfin.gateway.indicator.client;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.cityfin.common.indicator.api.model.IndicatorSetDto;
import io.cityfin.common.indicator.client.IndicatorApi;
import io.cityfin.common.indicator.client.invoker.ApiClient;
import io.cityfin.common.period.Period;
import io.cityfin.common.problem.FieldError;
import io.cityfin.common.region.Region;
import io.cityfin.gateway.config.CityfinGatewayProperties;
import io.cityfin.gateway.identity.CallerTokenFilter;
import io.cityfin.gateway.indicator.ServiceIndicators;
import io.cityfin.gateway.indicator.SourceReply;
import io.cityfin.gateway.indicator.SourceRefusedException;
import io.cityfin.gateway.indicator.SourceUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import reactor.core.publisher.Mono;

/**
 * The shared contract's generated client, one per service base URL, all on one WebClient from Boot's builder
 * (client metrics, trace propagation). Each call has the timeout its caller gives and its service's circuit breaker
 * ({@code <service>-indicators}); every failure becomes a {@link SourceUnavailableException} saying why. A 4xx is
 * not a failure: the breaker records it as a success (and so is a 304 to the tag sent) and it becomes a {@link SourceRefusedException} carrying the
 * service's problem, so no caller's bad requests can open a breaker for everyone.
 */
@Component
class IndicatorSourceClient implements ServiceIndicators {

    private final Map<String, IndicatorApi> apis = new LinkedHashMap<>();
    private final ReactiveCircuitBreakerFactory<?, ?> breakers;

    IndicatorSourceClient(CityfinGatewayProperties properties, WebClient.Builder builder,
                          ReactiveCircuitBreakerFactory<?, ?> breakers, CallerTokenFilter callerToken) {
        // Each call carries a token minted from the caller of the consolidated request, so every service applies
        // that caller's role and disclosure control itself (architecture.md, "Identity and roles").
        WebClient webClient = builder.filter(callerToken).build();
        for (Map.Entry<String, URI> service : properties.services().entrySet()) {
            ApiClient client = new ApiClient(webClient);
            client.setBasePath(service.getValue().toString());
            apis.put(service.getKey(), new IndicatorApi(client));
        }
        this.breakers = breakers;
    }

    @Override
    public Mono<SourceReply> fetch(String service, Period period, Region region, @Nullable String ifNoneMatch, Duration timeout) {
        IndicatorApi api = apis.get(service);
        if (api == null) {
            return Mono.error(new SourceUnavailableException("no base URL configured"));
        }
        // Decoded straight into the server-side types: both are generated from the same contract.
        Mono<Fetched> call = api.getIndicatorsWithResponseSpec(period.toString(), region.isCity() ? null : region.code(), ifNoneMatch)
                .toEntity(IndicatorSetDto.class)
                .map(entity -> new Fetched(reply(entity, ifNoneMatch), null))
                // inside the breaker, so that it sees a refusal as the answer it is; 5xx and timeouts stay failures
                .onErrorResume(IndicatorSourceClient::isClientError,
                        error -> Mono.just(new Fetched(null, refusal(service, (WebClientResponseException) error))))
                .timeout(timeout);
        return breakers.create(service + "-indicators")
                .run(call, error -> Mono.error(new SourceUnavailableException(describe(error, timeout))))
                .flatMap(fetched -> fetched.refusal() != null ? Mono.error(fetched.refusal())
                        : Mono.just(Objects.requireNonNull(fetched.reply())));
    }

    /** A 304 confirms the tag sent (or the one it names); a 200 without a body is no answer. */
    private static SourceReply reply(ResponseEntity<IndicatorSetDto> entity, @Nullable String ifNoneMatch) {
        String etag = entity.getHeaders().getETag();
        if (entity.getStatusCode().value() == 304) {
            return new SourceReply.NotModified(etag != null ? etag : ifNoneMatch);
        }
        IndicatorSetDto set = entity.getBody();
        if (set == null) {
            throw new SourceUnavailableException("answered HTTP " + entity.getStatusCode().value() + " without indicators");
        }
        return new SourceReply.Answered(etag, set.getIndicators());
    }

    private static boolean isClientError(Throwable error) {
        return error instanceof WebClientResponseException response && response.getStatusCode().is4xxClientError();
    }

    /** The service's problem (title, detail, errors), or a plain account of the status when its body is no problem. */
    private static SourceRefusedException refusal(String service, WebClientResponseException response) {
        int status = response.getStatusCode().value();
        ProblemBody problem = null;
        try {
            problem = response.getResponseBodyAs(ProblemBody.class);
        } catch (RuntimeException unreadable) {
            // not problem+json (a proxy's page, say): the status alone tells the caller what happened
        }
        String title = problem == null || problem.title() == null ? "Refused by " + service : problem.title();
        String detail = problem == null || problem.detail() == null ? "HTTP " + status : problem.detail();
        List<FieldError> errors = problem == null || problem.errors() == null ? List.of()
                : problem.errors().stream().filter(ErrorBody::isValid).map(ErrorBody::toFieldError).toList();
        return new SourceRefusedException(service, status, title, detail, errors);
    }

    private static String describe(Throwable error, Duration timeout) {
        if (error instanceof SourceUnavailableException unavailable) {
            return unavailable.getMessage();
        }
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

    /** One service's answer inside the breaker: its indicators, or its refusal (which the breaker counts as a success). */
    private record Fetched(@Nullable SourceReply reply, @Nullable SourceRefusedException refusal) {
    }

    /** The members of a service's RFC 9457 answer that are relayed; the rest (type, status, instance) are the gateway's own. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProblemBody(@Nullable String title, @Nullable String detail, @Nullable List<ErrorBody> errors) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorBody(@Nullable String pointer, @Nullable String parameter, @Nullable String code, @Nullable String message) {

        boolean isValid() {
            return (pointer == null) != (parameter == null) && code != null && message != null;
        }

        FieldError toFieldError() {
            return new FieldError(pointer, parameter, Objects.requireNonNull(code), Objects.requireNonNull(message));
        }
    }
}
