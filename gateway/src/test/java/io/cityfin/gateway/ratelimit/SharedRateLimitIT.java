package io.cityfin.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.test.PostgresTestDatabase;
import io.cityfin.gateway.GatewayReplicas;
import io.cityfin.gateway.StillRateLimitTime;
import io.cityfin.gateway.StubService;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The issue's must-show: two gateway replicas on one PostgreSQL and one Redis limit one API key as ONE bucket
 * ({@code store=redis}), where with {@code store=memory} each replica keeps its own and the key gets twice its burst.
 * The failed-authentication limit per client address is shared the same way. And a Redis that hangs or goes away lets
 * requests through at once (fail open), counted.
 */
class SharedRateLimitIT {

    static final String ADMIN_KEY = "cfk_shared-rate-limit-it-admin-key-000000000000";
    static final int BURST = 10;
    static final int PER_SECOND = 1;
    static final int REQUESTS = 30;
    static final String LIMITED_PATH = "/api/v1/credit/indicators?period=2022-09";

    private final GatewayReplicas gateways = new GatewayReplicas(PostgresTestDatabase.get(), ADMIN_KEY);

    /** Per test: closing a gateway disposes Reactor Netty's global loops, the stub's server with them. */
    private StubService services;

    @BeforeEach
    void startStub() {
        services = new StubService("every-service");
    }

    @AfterEach
    void stopGateways() {
        gateways.close();
        services.stop();
    }

    @Test
    void twoGatewaysOnOneRedisLimitAKeyAsOneBucket() {
        String redis = RedisTestServer.shared().url();
        ConfigurableApplicationContext first = start("redis", redis, BURST);
        ConfigurableApplicationContext second = start("redis", redis, BURST);
        storeAnswers(first);
        storeAnswers(second);
        WebTestClient a = client(first);
        WebTestClient b = client(second);
        String key = issueAnalystKey(a);

        Outcome outcome = spread(key, a, b);

        // One bucket: its burst, plus what Redis's clock added while the requests ran (PER_SECOND each time its second
        // turned: at most once per whole elapsed second, plus once for the second the run started in).
        long refills = PER_SECOND * (outcome.elapsed().toSeconds() + 1);
        assertThat(outcome.allowed()).isBetween((long) BURST, BURST + refills);
        assertThat(outcome.allowed()).as("well below two replicas' own buckets (%d)", 2 * BURST).isLessThan(2L * BURST - 5);
        assertThat(outcome.refusedBy()).as("both replicas refuse the key once the shared bucket is empty").containsOnlyKeys("a", "b");
    }

    @Test
    void twoGatewaysOnOneRedisLimitAnAddressesFailedAuthenticationsAsOneBucket() {
        // the failed-authentication limit goes through the same port: one bucket per client address, whichever gateway
        Map<String, String> failedAuth = Map.of("cityfin.gateway.rate-limit.failed-auth-burst", Integer.toString(BURST),
                "cityfin.gateway.rate-limit.failed-auth-per-second", Integer.toString(PER_SECOND),
                "cityfin.gateway.client-address.trusted-proxies", "127.0.0.1");
        String redis = RedisTestServer.shared().url();
        ConfigurableApplicationContext first = start("redis", redis, BURST, failedAuth);
        ConfigurableApplicationContext second = start("redis", redis, BURST, failedAuth);
        storeAnswers(first);
        storeAnswers(second);
        WebTestClient[] gateways = {client(first), client(second)};
        String address = "203.0.113." + (1 + ThreadLocalRandom.current().nextInt(250)); // a bucket no earlier run left behind

        long unauthorized = 0;
        long started = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            int status = gateways[i % 2].get().uri(LIMITED_PATH)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer cfk_" + String.format("%043d", i))
                    .header("X-Forwarded-For", address)
                    .exchange().returnResult(String.class).getStatus().value();
            assertThat(status).as("request %d", i).isIn(401, 429);
            unauthorized += status == 401 ? 1 : 0;
        }

        long refills = PER_SECOND * (Duration.ofNanos(System.nanoTime() - started).toSeconds() + 1);
        assertThat(unauthorized).isBetween((long) BURST, BURST + refills).isLessThan(2L * BURST - 5);
    }

    @Test
    void twoGatewaysInMemoryLetAKeyHaveTwiceItsBurst() {
        // what issue #14 found: each replica's own bucket; the buckets' time stands still, so no refill blurs the count
        WebTestClient a = client(start("memory", "redis://127.0.0.1:1", BURST, StillRateLimitTime.class));
        WebTestClient b = client(start("memory", "redis://127.0.0.1:1", BURST, StillRateLimitTime.class));
        String key = issueAnalystKey(a);

        Outcome outcome = spread(key, a, b);

        assertThat(outcome.allowed()).as("10 from each replica's own bucket").isEqualTo(20);
        assertThat(outcome.refusedBy()).containsOnlyKeys("a", "b");
    }

    @Test
    void withoutRedisTheHealthStaysUpWhenTheStoreIsMemory() {
        ConfigurableApplicationContext gateway = start("memory", "redis://127.0.0.1:1", BURST);
        management(gateway).get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.redis").doesNotExist()
                .jsonPath("$.components.rateLimitStore").doesNotExist();
    }

    @Test
    void aHungOrStoppedRedisLetsRequestsThroughAndIsCounted() {
        RedisTestServer redis = RedisTestServer.own();
        try {
            ConfigurableApplicationContext gateway = start("redis", redis.url(), 3);
            WebTestClient client = client(gateway);
            String key = issueAnalystKey(client);
            storeAnswers(gateway);

            // Redis answers: 3 tokens, one taken
            assertThat(get(client, key).getResponseHeaders().getFirst("X-RateLimit-Remaining")).isEqualTo("2");

            redis.pause();   // hung: the connection stays open, nothing answers
            for (int i = 0; i < 5; i++) {
                passesAtOnce(client, key);
            }
            assertThat(storeErrors(gateway)).isGreaterThanOrEqualTo(5);

            redis.resume();
            Awaitility.await("the store answers again").atMost(Duration.ofSeconds(20))
                    .until(() -> get(client, key).getResponseHeaders().containsHeader("X-RateLimit-Remaining"));

            redis.stop();    // gone: Lettuce refuses commands at once while it tries to reconnect
            double before = storeErrors(gateway);
            for (int i = 0; i < 5; i++) {   // more than the burst of 3: no limit while the store is away
                passesAtOnce(client, key);
            }
            assertThat(storeErrors(gateway) - before).isGreaterThanOrEqualTo(5);

            WebTestClient management = management(gateway);
            management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
            management.get().uri("/actuator/health").exchange()
                    .expectBody().jsonPath("$.components.rateLimitStore.status").isEqualTo("DOWN");
            String prometheus = management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(prometheus).containsPattern("(?m)^cityfin_gateway_rate_limit_store_errors_total\\{[^}]*} (1\\d|[2-9]\\d|\\d{3,})\\.0$");
        } finally {
            redis.stop();
        }
    }

    /** A request while the store fails: answered, without a remaining count, well within a second of Redis's timeout. */
    private static void passesAtOnce(WebTestClient client, String key) {
        long start = System.nanoTime();
        EntityExchangeResult<String> result = get(client, key);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(result.getResponseHeaders().containsHeader("X-RateLimit-Remaining")).isFalse();
        assertThat(took).as("a hung Redis holds a request at most its 250 ms timeout (500 ms guard)").isLessThan(Duration.ofSeconds(3));
    }

    private Outcome spread(String key, WebTestClient a, WebTestClient b) {
        long allowed = 0;
        Map<String, Integer> refusedBy = new HashMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            String name = i % 2 == 0 ? "a" : "b";
            EntityExchangeResult<String> result = get(i % 2 == 0 ? a : b, key);
            if (result.getStatus().value() == 200) {
                allowed++;
            } else {
                assertThat(result.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
                assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                assertThat(result.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
                assertThat(result.getResponseBody()).contains("\"status\":429");
                refusedBy.merge(name, 1, Integer::sum);
            }
        }
        return new Outcome(allowed, refusedBy, Duration.ofNanos(System.nanoTime() - start));
    }

    private record Outcome(long allowed, Map<String, Integer> refusedBy, Duration elapsed) {
    }

    private static EntityExchangeResult<String> get(WebTestClient client, String key) {
        return client.get().uri(LIMITED_PATH).header(HttpHeaders.AUTHORIZATION, "Bearer " + key).exchange()
                .expectBody(String.class).returnResult();
    }

    private static String issueAnalystKey(WebTestClient client) {
        Map<?, ?> issued = client.post().uri("/api/v1/admin/api-keys")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"label\": \"shared rate limit\", \"roles\": [\"ANALYST\"]}")
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(issued).isNotNull();
        return (String) issued.get("key");
    }

    /** Until the gateway's store health is UP: its connection to Redis is open (it opens it in the background at start). */
    private static void storeAnswers(ConfigurableApplicationContext gateway) {
        WebTestClient management = management(gateway);
        Awaitility.await("the gateway's connection to Redis").atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                management.get().uri("/actuator/health").exchange()
                        .expectBody().jsonPath("$.components.rateLimitStore.status").isEqualTo("UP"));
    }

    private static double storeErrors(ConfigurableApplicationContext gateway) {
        return gateway.getBean(MeterRegistry.class).get("cityfin.gateway.rate.limit.store.errors").counter().count();
    }

    private ConfigurableApplicationContext start(String store, String redisUrl, int burst, Class<?>... extra) {
        return start(store, redisUrl, burst, Map.of(), extra);
    }

    private ConfigurableApplicationContext start(String store, String redisUrl, int burst, Map<String, String> more,
                                                 Class<?>... extra) {
        Map<String, String> properties = new HashMap<>();
        properties.put("cityfin.gateway.rate-limit.burst", Integer.toString(burst));
        properties.put("cityfin.gateway.rate-limit.per-second", Integer.toString(PER_SECOND));
        properties.put("cityfin.gateway.rate-limit.store", store);
        properties.put("spring.data.redis.url", redisUrl);
        properties.putAll(more);
        return gateways.start(GatewayReplicas.everyServiceAt(services.url()), properties, extra);
    }

    private static WebTestClient client(ConfigurableApplicationContext gateway) {
        return GatewayReplicas.client(gateway);
    }

    private static WebTestClient management(ConfigurableApplicationContext gateway) {
        return GatewayReplicas.management(gateway);
    }
}
