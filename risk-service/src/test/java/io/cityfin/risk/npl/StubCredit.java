package io.cityfin.risk.npl;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A stand-in for the gateway on a real port, answering credit's indicator contract: {@code GET
 * /api/v1/credit/indicators?period=&region=} with NPL_RATIO (value and changeSinceYearStart, set per region; 1.20 and
 * +0.05 otherwise) when the request carries {@code Bearer <key>}, 401 otherwise. It can be stopped and started again
 * on the same port, as credit or the gateway going away and coming back.
 */
final class StubCredit {

    private final String key;
    private final int port;
    private final Map<String, String[]> ratios = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private DisposableServer server;

    StubCredit(String key) {
        this.key = key;
        this.server = bind(0);
        this.port = server.port();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    int requests() {
        return requests.get();
    }

    /** NPL_RATIO of {@code region} (361000: the city) from now on. */
    void ratio(String region, String value, String changeSinceYearStart) {
        ratios.put(region, new String[] {value, changeSinceYearStart});
    }

    void clear() {
        ratios.clear();
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
        return HttpServer.create().host("127.0.0.1").port(onPort)
                .channelGroup(new DefaultChannelGroup(GlobalEventExecutor.INSTANCE))
                .route(routes -> routes.get("/api/v1/credit/indicators", (request, response) -> {
                    requests.incrementAndGet();
                    if (!request.requestHeaders().get("Authorization", "").equals("Bearer " + key)) {
                        return response.status(401).header("Content-Type", "application/problem+json")
                                .sendString(Mono.just("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401}"));
                    }
                    String query = request.uri().contains("?") ? request.uri().substring(request.uri().indexOf('?') + 1) : "";
                    String period = parameter(query, "period", "2022-09");
                    String region = parameter(query, "region", "361000");
                    return response.header("Content-Type", "application/json").sendString(Mono.just(sheet(period, region)));
                }))
                .bindNow();
    }

    private static String parameter(String query, String name, String otherwise) {
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return otherwise;
    }

    private String sheet(String period, String region) {
        String[] ratio = ratios.getOrDefault(region, new String[] {"1.20", "0.05"});
        BigDecimal value = new BigDecimal(ratio[0]);
        BigDecimal change = new BigDecimal(ratio[1]);
        return """
                {"period":"%s","region":"%s","generatedAt":"2022-10-08T09:00:00Z","yearElapsedPct":74.79,
                 "indicators":[
                  {"code":"NPL_BALANCE","nameZh":"不良贷款余额","nameEn":"Non-performing loans","unit":"CNY","kind":"STOCK",
                   "value":3493327500.00,"yearStartValue":null,"changeSinceYearStart":null,"growthSinceYearStartPct":null,
                   "previousYearValue":null,"yoyChange":null,"yoyPct":null,"target":null,"targetProgressPct":null,"onTrack":null,
                   "reportingInstitutions":10,"expectedInstitutions":10,"complete":true,"suppressed":false,"source":"credit-service"},
                  {"code":"NPL_RATIO","nameZh":"不良贷款率","nameEn":"NPL ratio","unit":"PERCENT","kind":"RATIO",
                   "value":%s,"yearStartValue":%s,"changeSinceYearStart":%s,"growthSinceYearStartPct":null,
                   "previousYearValue":null,"yoyChange":null,"yoyPct":null,"target":null,"targetProgressPct":null,"onTrack":null,
                   "reportingInstitutions":10,"expectedInstitutions":10,"complete":true,"suppressed":false,"source":"credit-service"}]}
                """.formatted(period, region, value.toPlainString(), value.subtract(change).toPlainString(), change.toPlainString());
    }
}
