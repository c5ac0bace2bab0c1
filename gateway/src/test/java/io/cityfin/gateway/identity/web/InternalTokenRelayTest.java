package io.cityfin.gateway.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

class InternalTokenRelayTest {

    @Test
    void dropsEveryIdentityTheClientSentAndKeepsTheRest() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Authorization", "Bearer cfk_partner");
        headers.set("proxy-authorization", "Basic x");
        headers.set("X-Cityfin-Roles", "ADMIN");
        headers.set("x-cityfin-institution", "91361000BANKB0002Y");
        headers.set("X-Forwarded-User", "admin");
        headers.set("X-Remote-User", "admin");
        headers.set("Accept", "application/json");
        headers.set("X-Request-Id", "42");

        InternalTokenRelay.stripClientIdentity(headers);

        assertThat(headers.headerNames()).containsExactlyInAnyOrder("Accept", "X-Request-Id");
    }
}
