package io.cityfin.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.concurrent.GlobalEventExecutor;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A stand-in for one domain service on a real port: answers the indicator contract with one indicator named
 * after the service, echoes any other path as a problem 404, can be slowed down, stopped and restarted, can refuse
 * one period with a 400 problem naming the parameter (as a service's own rule would) and can fail with a status.
 * Its answer depends on the caller's view (a PUBLIC caller gets the figure withheld), carries an ETag of the view and
 * the figures' version, and is a 304 to a matching {@code If-None-Match}; writes ({@code PUT}, {@code POST}) answer
 * 200 (or a status set), and {@link #changeFigures()} stands for what a write changes. A test may give its own
 * indicators per (period, region) ({@link #answerIndicators}: ETag from their content) and its own published figures
 * ({@link #publishFigures}: {@code GET /published-figures} answers them whatever the query, {@code []} by default).
 */
public final class StubService {

    private final String name;
    private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<String> lastRequest = new AtomicReference<>("");
    private final AtomicReference<HttpHeaders> lastHeaders = new AtomicReference<>(new DefaultHttpHeaders());
    private final AtomicReference<String> refusedPeriod = new AtomicReference<>("");
    private final AtomicInteger failureStatus = new AtomicInteger();
    private final AtomicInteger indicatorRequests = new AtomicInteger();
    private final AtomicInteger version = new AtomicInteger(1);
    private final AtomicInteger writeStatus = new AtomicInteger(200);
    private final AtomicReference<BiFunction<String, String, String>> indicators = new AtomicReference<>();
    private final AtomicReference<String> publishedFigures = new AtomicReference<>("[]");
    private final int port;
    private DisposableServer server;

    public StubService(String name) {
        this.name = name;
        this.server = bind(0);
        this.port = server.port();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String lastRequest() {
        return lastRequest.get();
    }

    /** The headers of the last request this service received, as the gateway sent them. */
    public HttpHeaders lastHeaders() {
        return lastHeaders.get();
    }

    public String indicatorCode() {
        return name.toUpperCase().replace('-', '_') + "_STUB";
    }

    public void slowDown(Duration by) {
        delay.set(by);
    }

    /** {@code GET /indicators?period=<period>} answers 400 with a problem naming the parameter {@code period}. */
    public void refusePeriod(String period) {
        refusedPeriod.set(period);
    }

    /** Every {@code GET /indicators} answers {@code status} with a problem. */
    public void failWith(int status) {
        failureStatus.set(status);
    }

    public int indicatorRequests() {
        return indicatorRequests.get();
    }

    /** The service's figures change (as a write would change them): a new value and a new ETag. */
    public void changeFigures() {
        version.incrementAndGet();
    }

    /** What every write ({@code PUT}/{@code POST}) answers from now on: {@code status} with an empty JSON object. */
    public void answerWritesWith(int status) {
        writeStatus.set(status);
    }

    /**
     * From now on {@code GET /indicators?period=P&region=R} answers the JSON array {@code byPeriodAndRegion(P, R)} as its
     * {@code indicators} ({@code R} is {@code 361000} without a region), the same for every view, with an ETag of its
     * content.
     */
    public void answerIndicators(BiFunction<String, String, String> byPeriodAndRegion) {
        indicators.set(byPeriodAndRegion);
    }

    /** From now on {@code GET /published-figures} answers this JSON array. */
    public void publishFigures(String json) {
        publishedFigures.set(json);
    }

    /** The ETag of the answer a caller of {@code view} (STAFF or PUBLIC) gets now. */
    public String etag(String view) {
        return "\"" + name + "-v" + version.get() + "-" + view + "\"";
    }

    public void stop() {
        server.disposeNow();
    }

    public void restart() {
        delay.set(Duration.ZERO);
        refusedPeriod.set("");
        failureStatus.set(0);
        writeStatus.set(200);
        if (server.isDisposed()) {
            server = bind(port);
        }
    }

    private DisposableServer bind(int onPort) {
        // The channel group makes stop() close open keep-alive connections too, as a stopped process would.
        return HttpServer.create().host("127.0.0.1").port(onPort)
                .channelGroup(new DefaultChannelGroup(GlobalEventExecutor.INSTANCE))
                .route(routes -> routes
                        .get("/indicators", (request, response) -> {
                            lastRequest.set(request.uri());
                            lastHeaders.set(request.requestHeaders().copy());
                            indicatorRequests.incrementAndGet();
                            if (failureStatus.get() != 0) {
                                return response.status(failureStatus.get()).header("Content-Type", "application/problem+json")
                                        .sendString(Mono.just("{\"type\":\"about:blank\",\"title\":\"Failed\",\"status\":"
                                                + failureStatus.get() + ",\"detail\":\"" + name + " failed\"}"));
                            }
                            if (!refusedPeriod.get().isEmpty() && request.uri().contains("period=" + refusedPeriod.get())) {
                                return response.status(400).header("Content-Type", "application/problem+json")
                                        .sendString(Mono.just(("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                                                + "\"detail\":\"%s takes no figures for %s\",\"instance\":\"/indicators\",\"errors\":"
                                                + "[{\"parameter\":\"period\",\"code\":\"STUB_PERIOD_REFUSED\",\"message\":\"not here\"}]}")
                                                .formatted(name, refusedPeriod.get())));
                            }
                            if (indicators.get() != null) {
                                return ownIndicators(request, response);
                            }
                            String view = publicView(request.requestHeaders()) ? "PUBLIC" : "STAFF";
                            String etag = etag(view);
                            if (etag.equals(request.requestHeaders().get("If-None-Match"))) {
                                return response.status(304).header("ETag", etag).send();
                            }
                            return response.header("Content-Type", "application/json").header("ETag", etag)
                                    .sendString(Mono.delay(delay.get()).thenReturn(indicatorSet(view)));
                        })
                        .get("/published-figures", (request, response) -> {
                            lastRequest.set(request.uri());
                            lastHeaders.set(request.requestHeaders().copy());
                            return response.header("Content-Type", "application/json").sendString(Mono.just(publishedFigures.get()));
                        })
                        .route(request -> request.method() == HttpMethod.PUT || request.method() == HttpMethod.POST, this::written)
                        .route(request -> true, (request, response) -> {
                            lastRequest.set(request.uri());
                            lastHeaders.set(request.requestHeaders().copy());
                            return response.status(404).header("Content-Type", "application/problem+json")
                                    .sendString(Mono.just("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
                                            + "\"detail\":\"" + name + " has no " + request.path() + "\",\"instance\":\"/" + request.path() + "\"}"));
                        }))
                .bindNow();
    }

    private Mono<Void> ownIndicators(HttpServerRequest request, HttpServerResponse response) {
        QueryStringDecoder query = new QueryStringDecoder(request.uri());
        String period = query.parameters().getOrDefault("period", List.of("")).get(0);
        String region = query.parameters().getOrDefault("region", List.of("361000")).get(0);
        String content = indicators.get().apply(period, region);
        String etag = "\"" + name + "-" + Integer.toHexString(content.hashCode()) + "\"";
        // slowed down (slowDown) whether it answers 304 or 200: the service computes the tag either way
        if (etag.equals(request.requestHeaders().get("If-None-Match"))) {
            return Mono.delay(delay.get()).then(response.status(304).header("ETag", etag).send().then());
        }
        String body = "{\"period\":\"%s\",\"region\":\"%s\",\"generatedAt\":\"2022-10-08T09:00:00Z\",\"yearElapsedPct\":74.79,\"indicators\":%s}"
                .formatted(period, region, content);
        return response.header("Content-Type", "application/json").header("ETag", etag).sendString(Mono.delay(delay.get()).thenReturn(body)).then();
    }

    private Mono<Void> written(HttpServerRequest request, HttpServerResponse response) {
        lastRequest.set(request.uri());
        return request.receive().then(response.status(writeStatus.get()).header("Content-Type", "application/json")
                .sendString(Mono.just("{}")).then());
    }

    /** A caller of the public view (PORTAL, SUBMITTER): its internal token's roles hold neither ADMIN nor ANALYST. */
    private static boolean publicView(HttpHeaders headers) {
        String authorization = headers.get("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return true;
        }
        String[] parts = authorization.substring(7).split("\\.");
        String claims = parts.length < 2 ? "" : new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        return !(claims.contains("\"ADMIN\"") || claims.contains("\"ANALYST\""));
    }

    private String indicatorSet(String view) {
        return """
                {"period":"2022-09","region":"361000","generatedAt":"2022-10-08T09:00:00Z","yearElapsedPct":74.79,
                 "indicators":[{"code":"%s","nameZh":"桩","nameEn":"Stub of %s","unit":"CNY","kind":"STOCK",
                  "value":%s,"yearStartValue":280243000000.00,"changeSinceYearStart":36344000000.00,
                  "growthSinceYearStartPct":12.97,"previousYearValue":null,"yoyChange":null,"yoyPct":null,"target":null,
                  "targetProgressPct":null,"onTrack":null,"reportingInstitutions":31,"expectedInstitutions":31,
                  "complete":true,"suppressed":%s,"source":"%s"}]}
                """.formatted(indicatorCode(), name, view.equals("PUBLIC") ? "null" : (316587000000L + version.get() - 1) + ".00",
                view.equals("PUBLIC"), name);
    }
}
