package io.cityfin.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.server.ServerWebExchange;

import io.netty.channel.ConnectTimeoutException;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class ConnectRetryGatewayFilterFactoryTest {

    private final GatewayFilter twice = filter(2);

    @Test
    void aReadThatCouldNotConnectIsTriedAgainAndSucceeds() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/credit/openapi/"));
        Chain chain = new Chain(new ConnectException("Connection refused"), 1);

        StepVerifier.create(twice.filter(exchange, chain)).verifyComplete();

        assertThat(chain.calls).hasValue(2);
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(exchange.getAttributes()).as("reset between attempts, so the routing filter runs again")
                .containsEntry(ServerWebExchangeUtils.GATEWAY_ALREADY_ROUTED_ATTR, true);
        assertThat(chain.routedBeforeCall).as("the second attempt found the exchange not routed").isFalse();
    }

    @Test
    void atMostRetriesTimesThenTheFailureIsTheAnswer() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.head("/api/v1/risk/alerts"));
        Chain chain = new Chain(new ConnectTimeoutException("connection timed out"), 10);

        StepVerifier.create(twice.filter(exchange, chain)).verifyError(ConnectTimeoutException.class);

        assertThat(chain.calls).as("the first attempt and 2 retries").hasValue(3);
    }

    @Test
    void aConnectFailureWrappedAsTheWebClientDoesIsRecognised() {
        assertThat(ConnectRetryGatewayFilterFactory.neverConnected(new WebClientRequestException(new ConnectException("refused"),
                org.springframework.http.HttpMethod.GET, java.net.URI.create("http://127.0.0.1:1/"), new org.springframework.http.HttpHeaders())))
                .isTrue();
        assertThat(ConnectRetryGatewayFilterFactory.neverConnected(new TimeoutException("response timeout"))).isFalse();
    }

    @Test
    void aWriteIsNeverRetried() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.put("/api/v1/credit/reports/X/2022-09"));
        Chain chain = new Chain(new ConnectException("Connection refused"), 1);

        StepVerifier.create(twice.filter(exchange, chain)).verifyError(ConnectException.class);

        assertThat(chain.calls).hasValue(1);
    }

    @Test
    void aReadThatReachedTheServiceIsNotRetried() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/credit/indicators"));
        Chain timedOut = new Chain(new TimeoutException("Response took longer than timeout"), 1);

        StepVerifier.create(twice.filter(exchange, timedOut)).verifyError(TimeoutException.class);
        assertThat(timedOut.calls).as("a response timeout: the service may be working on it").hasValue(1);

        MockServerWebExchange failing = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/credit/indicators"));
        AtomicInteger calls = new AtomicInteger();
        GatewayFilterChain answers503 = e -> {
            calls.incrementAndGet();
            e.getResponse().setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
            return Mono.empty();
        };
        StepVerifier.create(twice.filter(failing, answers503)).verifyComplete();
        assertThat(calls).as("an answer, a 5xx too, is the service's").hasValue(1);
    }

    @Test
    void zeroRetriesPassesEveryFailureThroughAndANegativeCountIsRefused() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/credit/openapi/"));
        Chain chain = new Chain(new ConnectException("Connection refused"), 1);

        StepVerifier.create(filter(0).filter(exchange, chain)).verifyError(ConnectException.class);
        assertThat(chain.calls).hasValue(1);
        assertThatThrownBy(() -> filter(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static GatewayFilter filter(int retries) {
        ConnectRetryGatewayFilterFactory.Config config = new ConnectRetryGatewayFilterFactory.Config();
        config.setRetries(retries);
        return new ConnectRetryGatewayFilterFactory().apply(config);
    }

    /** The rest of the chain: routes (marks the exchange routed), fails the first {@code failures} calls, then answers 200. */
    private static final class Chain implements GatewayFilterChain {

        final AtomicInteger calls = new AtomicInteger();
        private final Throwable failure;
        private final int failures;
        boolean routedBeforeCall;

        Chain(Throwable failure, int failures) {
            this.failure = failure;
            this.failures = failures;
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange) {
            return Mono.defer(() -> {
                routedBeforeCall = ServerWebExchangeUtils.isAlreadyRouted(exchange);
                ServerWebExchangeUtils.setAlreadyRouted(exchange);
                if (calls.incrementAndGet() <= failures) {
                    return Mono.error(failure);
                }
                exchange.getResponse().setStatusCode(HttpStatus.OK);
                return Mono.empty();
            });
        }
    }
}
