package io.cityfin.common.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders every error of an app as {@code application/problem+json}: unknown routes, wrong media types,
 * oversize bodies and unexpected failures included, so a caller never sees a stack trace or an HTML page.
 * Ordered ahead of Boot's default error handler.
 */
public class ProblemWebExceptionHandler implements WebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ProblemWebExceptionHandler.class);

    private final JsonMapper jsonMapper;

    public ProblemWebExceptionHandler(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        Problem problem = ProblemMapper.toProblem(error, exchange.getRequest().getPath().value());
        if (ProblemMapper.isUnexpected(error)) {
            log.error("Unexpected error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        } else if (problem.status() >= 500) {
            log.warn("{} {} answered {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    problem.status(), problem.detail());
        } else {
            log.debug("Refused {} {}: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), problem.detail());
        }
        byte[] json = jsonMapper.writeValueAsBytes(problem.body(exchange.getRequest().getPath().value()));
        response.setStatusCode(HttpStatusCode.valueOf(problem.status()));
        HttpHeaders headers = response.getHeaders();
        if (error instanceof ErrorResponse errorResponse) {
            headers.addAll(errorResponse.getHeaders()); // e.g. Allow on a 405
        }
        headers.set(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        headers.setContentLength(json.length);
        DataBuffer buffer = response.bufferFactory().wrap(json);
        return response.writeWith(Mono.just(buffer));
    }

    @Override
    public int getOrder() {
        return -2;
    }
}
