package io.cityfin.common.identity;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;

import reactor.core.publisher.Mono;

/**
 * The caller of the current request and the rules on it, for use cases and controllers:
 * {@code Access.require(AccessRule.institutionOrAdmin(code)).flatMap(caller -> ...)}.
 */
public final class Access {

    private Access() {
    }

    /** The verified caller; a request without one never reaches a controller (401 before). */
    public static Mono<Caller> caller() {
        return callerIfAny()
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("no verified caller on this request")));
    }

    /** The verified caller, or empty outside an authenticated request (a public contract, a background job). */
    public static Mono<Caller> callerIfAny() {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(Authentication::getPrincipal)
                .ofType(Caller.class);
    }

    /** The caller, if the rule allows it; otherwise a {@link ForbiddenException} (403). */
    public static Mono<Caller> require(AccessRule rule) {
        return caller().map(rule::check);
    }
}
