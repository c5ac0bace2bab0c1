package io.cityfin.gateway.identity.web;

import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

import io.cityfin.common.identity.RefusalCounter;
import io.cityfin.common.problem.Problem;
import io.cityfin.common.problem.ProblemResponses;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's 429, whichever limit refuses: counted by reason, {@code Retry-After} in whole seconds (rounded up, at
 * least 1), problem+json whose detail ends with the same wait.
 */
final class TooManyRequests {

    private TooManyRequests() {
    }

    static Mono<Void> answer(ServerWebExchange exchange, Duration retryAfter, RefusalCounter.Reason reason, String title,
                             String detail, RefusalCounter refusals, JsonMapper jsonMapper) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        refusals.count(reason);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return ProblemResponses.write(exchange, new Problem(429, title, detail + "; retry after " + seconds + " s.", List.of()),
                jsonMapper);
    }

    /** The failed-authentication limit's answer ({@link ThrottledClientFilter}, and the authentication filter's). */
    static Mono<Void> failedAuthentications(ServerWebExchange exchange, Duration retryAfter, RefusalCounter refusals,
                                            JsonMapper jsonMapper) {
        return answer(exchange, retryAfter, RefusalCounter.Reason.FAILED_AUTH_LIMITED, "Too many failed authentications",
                "Too many requests from this address presented keys that are not valid", refusals, jsonMapper);
    }
}
