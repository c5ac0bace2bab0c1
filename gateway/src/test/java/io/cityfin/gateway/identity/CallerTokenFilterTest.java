package io.cityfin.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFunction;

import io.cityfin.common.identity.Caller;
import io.cityfin.common.identity.CallerAuthentication;
import io.cityfin.common.identity.IdentityKeys;
import io.cityfin.common.identity.InternalTokenVerification;
import io.cityfin.common.identity.Role;
import io.cityfin.common.test.TestIdentity;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The one filter both of the gateway's own service clients use: the caller goes out as a token minted for it, or not at all. */
class CallerTokenFilterTest {

    private final CallerTokenFilter filter = new CallerTokenFilter(new InternalTokenMinter(IdentityKeys.privateKey(TestIdentity.privateKey()),
            TestIdentity.KEY_ID, Clock.systemUTC(), Duration.ofSeconds(60)));

    private final AtomicReference<ClientRequest> sent = new AtomicReference<>();

    private final ExchangeFunction service = request -> {
        sent.set(request);
        return Mono.just(ClientResponse.create(HttpStatus.OK).build());
    };

    @Test
    void sendsATokenMintedFromTheCallerInPlaceOfAnyAuthorizationTheRequestHad() {
        Caller caller = new Caller("3f0c8a52-0000-4000-8000-000000000021", Set.of(Role.SUBMITTER), "91361000BANKA0001X");
        ClientRequest request = ClientRequest.create(HttpMethod.GET, URI.create("http://credit/indicators?period=2022-09"))
                .header(HttpHeaders.AUTHORIZATION, "Bearer cfk_someone-elses-key")
                .header(HttpHeaders.IF_NONE_MATCH, "\"k3J9\"")
                .build();

        StepVerifier.create(filter.filter(request, service)
                        .contextWrite(ReactiveSecurityContextHolder.withAuthentication(new CallerAuthentication(caller, "api-key"))))
                .assertNext(response -> assertThat(response.statusCode().value()).isEqualTo(200))
                .verifyComplete();

        HttpHeaders headers = sent.get().headers();
        assertThat(headers.get(HttpHeaders.AUTHORIZATION)).hasSize(1).allSatisfy(value -> assertThat(value).startsWith("Bearer "));
        String token = headers.getFirst(HttpHeaders.AUTHORIZATION).substring("Bearer ".length());
        StepVerifier.create(InternalTokenVerification.decoder(IdentityKeys.publicKeys(TestIdentity.publicKeysProperty()), Clock.systemUTC())
                        .decode(token).flatMap(InternalTokenVerification::toAuthentication))
                .assertNext(authentication -> assertThat(authentication.getPrincipal()).isEqualTo(caller))
                .verifyComplete();
        assertThat(headers.getFirst(HttpHeaders.IF_NONE_MATCH)).isEqualTo("\"k3J9\"");
        assertThat(sent.get().url()).isEqualTo(request.url());
        assertThat(sent.get().method()).isEqualTo(HttpMethod.GET);
    }

    @Test
    void sendsTheRequestAsItIsWithoutACaller() {
        ClientRequest request = ClientRequest.create(HttpMethod.GET, URI.create("http://credit/published-figures?period=2022-09")).build();

        StepVerifier.create(filter.filter(request, service)).expectNextCount(1).verifyComplete();

        assertThat(sent.get()).isSameAs(request);
        assertThat(sent.get().headers().containsHeader(HttpHeaders.AUTHORIZATION)).isFalse();
    }
}
