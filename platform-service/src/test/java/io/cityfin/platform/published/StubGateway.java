package io.cityfin.platform.published;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A stand-in for the gateway on a real port: {@code GET /api/v1/capital-market/indicators} answers the indicator
 * contract's JSON with DF_PLATFORM_YTD when the request carries {@code Bearer <key>}, 401 otherwise; it can be stopped
 * and started again on the same port, as a gateway or capital market going away and coming back. The sheet carries an
 * ETag ({@link #change()} makes a new one, as a write at capital market would); a request whose {@code If-None-Match}
 * names it is answered 304 without a body.
 */
final class StubGateway {

    private final String key;
    private final int port;
    private final AtomicReference<String> lastAuthorization = new AtomicReference<>("");
    private final AtomicReference<String> lastQuery = new AtomicReference<>("");
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger notModified = new AtomicInteger();
    private final AtomicInteger sheetVersion = new AtomicInteger(1);
    private DisposableServer server;

    StubGateway(String key) {
        this.key = key;
        this.server = bind(0);
        this.port = server.port();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    String lastAuthorization() {
        return lastAuthorization.get();
    }

    String lastQuery() {
        return lastQuery.get();
    }

    int requests() {
        return requests.get();
    }

    /** How many requests were answered 304. */
    int notModified() {
        return notModified.get();
    }

    /** The sheet's current ETag. */
    String etag() {
        return "\"cm-" + sheetVersion.get() + "\"";
    }

    /** A write at capital market: the same figures under a new ETag. */
    void change() {
        sheetVersion.incrementAndGet();
    }

    void stop() {
        server.disposeNow();
    }

    void start() {
        if (server.isDisposed()) {
            server = bind(port);
        }
    }

    private DisposableServer bind(int onPort) {
        // The channel group makes stop() close open keep-alive connections too, as a stopped process would.
        return HttpServer.create().host("127.0.0.1").port(onPort)
                .channelGroup(new DefaultChannelGroup(GlobalEventExecutor.INSTANCE))
                .route(routes -> routes.get("/api/v1/capital-market/indicators", (request, response) -> {
                    requests.incrementAndGet();
                    String authorization = request.requestHeaders().get("Authorization", "");
                    lastAuthorization.set(authorization);
                    lastQuery.set(request.uri().substring(request.uri().indexOf('?') + 1));
                    if (!authorization.equals("Bearer " + key)) {
                        return response.status(401).header("Content-Type", "application/problem+json")
                                .sendString(Mono.just("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401}"));
                    }
                    String etag = etag();
                    if (etag.equals(request.requestHeaders().get("If-None-Match"))) {
                        notModified.incrementAndGet();
                        return response.status(304).header("ETag", etag).send();
                    }
                    return response.header("Content-Type", "application/json").header("ETag", etag)
                            .sendString(Mono.just(CAPITAL_MARKET_SHEET));
                }))
                .bindNow();
    }

    /** Capital market's sheet for 2022-09 as the gateway relays it: DF_PLATFORM_YTD 2,300,000,000.00, a year earlier 1,000,000,000.00. */
    private static final String CAPITAL_MARKET_SHEET = """
            {"period":"2022-09","region":"361000","generatedAt":"2022-10-08T09:00:00Z","yearElapsedPct":74.79,
             "indicators":[
              {"code":"DF_OTHER_YTD","nameZh":"其他融资","nameEn":"Other direct financing, year to date","unit":"CNY","kind":"FLOW",
               "value":1631000000.00,"yearStartValue":null,"changeSinceYearStart":null,"growthSinceYearStartPct":null,
               "previousYearValue":null,"yoyChange":null,"yoyPct":null,"target":null,"targetProgressPct":null,"onTrack":null,
               "reportingInstitutions":null,"expectedInstitutions":null,"complete":null,"suppressed":false,
               "source":"capital-market-service","inputsUnavailable":null},
              {"code":"DF_PLATFORM_YTD","nameZh":"其中政府融资平台","nameEn":"Direct financing by government financing platforms, year to date",
               "unit":"CNY","kind":"FLOW","value":2300000000.00,"yearStartValue":null,"changeSinceYearStart":null,
               "growthSinceYearStartPct":null,"previousYearValue":1000000000.00,"yoyChange":1300000000.00,"yoyPct":130.00,
               "target":null,"targetProgressPct":null,"onTrack":null,"reportingInstitutions":null,"expectedInstitutions":null,
               "complete":null,"suppressed":false,"source":"capital-market-service","inputsUnavailable":null}]}
            """;
}
