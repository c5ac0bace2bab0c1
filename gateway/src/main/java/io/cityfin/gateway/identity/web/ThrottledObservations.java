package io.cityfin.gateway.identity.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

import io.cityfin.common.identity.RefusalCounter;
import io.cityfin.gateway.identity.ApiKeyService;
import io.micrometer.observation.ObservationPredicate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests refused unread for a throttled address ({@link ThrottledClientFilter}) get no observation: no server timer,
 * no span. A flood of them would otherwise cost a span each and swamp the request metrics; the refusal counters count them.
 */
@Configuration(proxyBeanMethods = false)
class ThrottledObservations {

    @Bean
    ObservationPredicate noObservationOfThrottledRequests(ObjectProvider<ThrottledRequests> throttled) {
        return (name, context) -> !(context instanceof ServerRequestObservationContext server
                && !throttled.getObject().refusedFor(server.getCarrier()).isZero());
    }

    @Bean
    ThrottledClientFilter throttledClientFilter(ThrottledRequests throttled, ApiKeyService keys, RefusalCounter refusals,
                                                JsonMapper jsonMapper) {
        return new ThrottledClientFilter(throttled, keys, refusals, jsonMapper);
    }
}
