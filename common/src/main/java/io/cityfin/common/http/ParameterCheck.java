package io.cityfin.common.http;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;

import io.cityfin.common.problem.InvalidParameterException;
import reactor.core.publisher.Mono;

/**
 * Refuses a path segment or query parameter that carries a control character (U+0000 to U+001F) or is absurdly
 * long, with a 400 naming the parameter, before security and routing: such a value would otherwise travel into
 * the services' SQL (PostgreSQL takes no NUL in a text) and answer 500. A path segment is named by the path
 * variable it fills in one of the app's mappings, else {@code path}.
 */
public final class ParameterCheck implements WebFilter, Ordered {

    /** Characters of one decoded path segment or query value; codes, ids and periods are far shorter. */
    public static final int MAX_LENGTH = 256;

    /** Before Spring Security's chain (-100), whose firewall would answer some of these without a problem body. */
    public static final int ORDER = -200;

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    public ParameterCheck(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return fault(exchange.getRequest()).<Mono<Void>>map(Mono::error).orElseGet(() -> chain.filter(exchange));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    Optional<InvalidParameterException> fault(ServerHttpRequest request) {
        PathContainer path = request.getPath().pathWithinApplication();
        for (PathContainer.Element element : path.elements()) {
            if (element instanceof PathContainer.PathSegment segment && fault(segment.valueToMatch()) != null) {
                String name = pathVariable(path, segment.valueToMatch());
                return Optional.of(refusal(name, segment.valueToMatch()));
            }
        }
        for (Map.Entry<String, List<String>> parameter : request.getQueryParams().entrySet()) {
            if (fault(parameter.getKey()) != null) {
                return Optional.of(refusal(parameter.getKey(), parameter.getKey()));
            }
            for (String value : parameter.getValue()) {
                if (value != null && fault(value) != null) {
                    return Optional.of(refusal(parameter.getKey(), value));
                }
            }
        }
        return Optional.empty();
    }

    private static InvalidParameterException refusal(String name, String value) {
        String code = Objects.requireNonNull(fault(value));
        String message = code.equals("TOO_LONG")
                ? "Parameter '" + name + "' is longer than " + MAX_LENGTH + " characters."
                : "Parameter '" + name + "' carries a control character (U+0000 to U+001F).";
        return new InvalidParameterException(name, code, message);
    }

    private static @Nullable String fault(String value) {
        if (value.length() > MAX_LENGTH) {
            return "TOO_LONG";
        }
        return value.chars().anyMatch(c -> c < 0x20) ? "CONTROL_CHARACTER" : null;
    }

    /** The variable of a mapping's path pattern that the segment fills; only looked up for a refusal. */
    private String pathVariable(PathContainer path, String segment) {
        return mappings.orderedStream()
                .flatMap(mapping -> mapping.getHandlerMethods().keySet().stream())
                .map(RequestMappingInfo::getPatternsCondition)
                .flatMap(condition -> condition.getPatterns().stream())
                .map((PathPattern pattern) -> pattern.matchAndExtract(path))
                .filter(Objects::nonNull)
                .flatMap(match -> match.getUriVariables().entrySet().stream())
                .filter(variable -> variable.getValue().equals(segment))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse("path");
    }
}
