package io.cityfin.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.cityfin.common.test.PostgresTestDatabase;
import io.cityfin.common.test.TestIdentity;

/**
 * Gateway replicas on real ports, each its own application context on one test database: what a test of what the
 * replicas share (rate limits, kept answers) starts. Every service points at the stub given.
 */
public final class GatewayReplicas implements AutoCloseable {

    public static final List<String> SERVICES = List.of("credit-service", "insurance-service", "capital-market-service",
            "platform-service", "risk-service");

    private final PostgresTestDatabase.Database database;
    private final String adminKey;
    private final List<ConfigurableApplicationContext> started = new ArrayList<>();

    public GatewayReplicas(PostgresTestDatabase.Database database, String adminKey) {
        this.database = database;
        this.adminKey = adminKey;
    }

    /** A replica with {@code services} (name → base URL, in the order the consolidated answer lists them), {@code more} properties, and {@code extra} configuration. */
    public ConfigurableApplicationContext start(Map<String, String> services, Map<String, String> more, Class<?>... extra) {
        // ordered: the services' map binds in this order, the order the consolidated answer lists them
        Map<String, Object> properties = new LinkedHashMap<>(database.springProperties());
        properties.put("server.port", "0");
        properties.put("management.server.port", "0");
        properties.put("cityfin.identity.public-keys", TestIdentity.publicKeysProperty());
        properties.put("cityfin.identity.signing-key", TestIdentity.privateKey());
        properties.put("cityfin.identity.key-id", TestIdentity.KEY_ID);
        properties.put("cityfin.gateway.keys.admin-api-key", adminKey);
        services.forEach((service, url) -> properties.put("cityfin.gateway.services." + service, url));
        properties.putAll(more);
        List<Class<?>> sources = new ArrayList<>(List.of(GatewayApplication.class));
        sources.addAll(List.of(extra));
        // in front of every other source, as @WithPostgres puts the test database (builder properties are only defaults)
        ConfigurableApplicationContext context = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                .initializers(app -> app.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("gatewayReplica", properties)))
                .run();
        started.add(context);
        return context;
    }

    /** Every service at one base URL. */
    public static Map<String, String> everyServiceAt(String url) {
        Map<String, String> services = new LinkedHashMap<>();
        SERVICES.forEach(service -> services.put(service, url));
        return services;
    }

    public static WebTestClient client(ConfigurableApplicationContext gateway) {
        return WebTestClient.bindToServer().responseTimeout(Duration.ofSeconds(20))
                .baseUrl("http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.server.port")).build();
    }

    public static WebTestClient management(ConfigurableApplicationContext gateway) {
        return WebTestClient.bindToServer().responseTimeout(Duration.ofSeconds(20))
                .baseUrl("http://127.0.0.1:" + gateway.getEnvironment().getProperty("local.management.port")).build();
    }

    @Override
    public void close() {
        started.forEach(ConfigurableApplicationContext::close);
        started.clear();
    }
}
