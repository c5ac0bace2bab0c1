package io.cityfin.common.problem;

import java.util.function.IntConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders every error of an app as {@code application/problem+json}: unknown routes, wrong media types,
 * oversize bodies and unexpected failures included, so a caller never sees a stack trace or an HTML page.
 * Ordered ahead of Boot's default error handler. Each answer's status goes to {@code statusListener} (the
 * refusal metrics count 403s there).
 */
public class ProblemWebExceptionHandler implements WebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    private final JsonMapper jsonMapper;
    private final IntConsumer statusListener;

    public ProblemWebExceptionHandler(JsonMapper jsonMapper, IntConsumer statusListener) {
        this.jsonMapper = jsonMapper;
        this.statusListener = statusListener;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        Problem problem = ProblemMapper.toProblem(error, exchange.getRequest().getPath().value());
        if (ProblemMapper.isUnexpected(error)) {
            log.error("Unexpected error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        } else if (problem.status() >= 500) {
            log.warn("{} {} answered {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    problem.status(), DatabaseUnavailable.isCause(error) ? DatabaseUnavailable.rootCause(error) : problem.detail());
        } else {
            log.debug("Refused {} {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), problem.detail());
        }
        statusListener.accept(problem.status());
        if (error instanceof ErrorResponse errorResponse) {
            exchange.getResponse().getHeaders().addAll(errorResponse.getHeaders()); // e.g. Allow on a 405
        }
        if (problem.status() == 503 && !exchange.getResponse().getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        }
        return ProblemResponses.write(exchange, problem, jsonMapper);
    }

    @Override
    public int getOrder() {
        return -2;
    }
}
