package io.cityfin.common.identity;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;

import io.cityfin.common.problem.Problem;
import io.cityfin.common.problem.ProblemResponses;
import tools.jackson.databind.json.JsonMapper;

/** The 401 and 403 answers of a service's security chain: problem+json, counted, never echoing a credential. */
public final class RefusalResponses {

    private static final Logger log = LoggerFactory.getLogger(RefusalResponses.class);

    private RefusalResponses() {
    }

    public static ServerAuthenticationEntryPoint unauthorized(RefusalCounter refusals, JsonMapper jsonMapper) {
        return (exchange, error) -> {
            boolean invalid = isInvalidToken(error);
            refusals.count(invalid ? RefusalCounter.Reason.INVALID : RefusalCounter.Reason.MISSING);
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                    invalid ? "Bearer error=\"invalid_token\"" : "Bearer");
            String detail = invalid ? "The internal token is not valid." : "A valid internal token is required.";
            return ProblemResponses.write(exchange, new Problem(401, "Unauthorized", detail, List.of()), jsonMapper);
        };
    }

    public static ServerAccessDeniedHandler forbidden(RefusalCounter refusals, JsonMapper jsonMapper) {
        return (exchange, denied) -> {
            refusals.count(RefusalCounter.Reason.FORBIDDEN);
            return Access.callerIfAny()
                    .doOnNext(caller -> log.info("Refused key {} on {} {}: role not allowed", caller.subject(),
                            exchange.getRequest().getMethod(), exchange.getRequest().getPath()))
                    .then(ProblemResponses.write(exchange,
                            new Problem(403, "Forbidden", "This caller may not do this.", List.of()), jsonMapper));
        };
    }

    private static boolean isInvalidToken(AuthenticationException error) {
        return error instanceof InvalidBearerTokenException || error instanceof OAuth2AuthenticationException;
    }
}
