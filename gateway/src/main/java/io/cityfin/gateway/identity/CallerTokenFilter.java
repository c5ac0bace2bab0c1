package io.cityfin.gateway.identity;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

import io.cityfin.common.identity.Access;
import reactor.core.publisher.Mono;

/**
 * The WebClient filter for the gateway's own calls to a service on behalf of its caller (the consolidated fan-out,
 * the bulletin's published figures): the request carries {@code Authorization: Bearer} a token minted from the
 * current request's caller, so that the service applies that caller's role and disclosure control itself
 * (architecture.md, "Identity and roles"); whatever Authorization the request had is replaced. Outside an
 * authenticated request (no caller) the request goes out as it is, with no token.
 */
@Component
public class CallerTokenFilter implements ExchangeFilterFunction {

    private final InternalTokenMinter minter;

    public CallerTokenFilter(InternalTokenMinter minter) {
        this.minter = minter;
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        return Access.callerIfAny()
                .map(caller -> ClientRequest.from(request).headers(headers -> headers.setBearerAuth(minter.mint(caller))).build())
                .defaultIfEmpty(request)
                .flatMap(next::exchange);
    }
}
