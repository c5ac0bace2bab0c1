package io.cityfin.gateway.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.cityfin.common.identity.Caller;
import io.cityfin.common.identity.RefusalCounter;
import io.cityfin.common.identity.Role;
import io.cityfin.common.problem.NotFoundException;
import io.cityfin.gateway.config.CityfinGatewayProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Issues, lists and revokes API keys, and turns a presented key into its {@link Caller}. Look-ups are cached for
 * {@code cityfin.gateway.keys.cache-ttl} (at most 5 s, so a key revoked at another replica fails within that);
 * a revocation here evicts at once; expired entries are dropped once the cache holds {@value #CACHE_SWEEP_SIZE}, and
 * while it is still that full an unknown key is not cached, so a flood of made-up keys cannot grow it without bound. Look-ups are counted as
 * {@code cityfin.gateway.keys.lookups{result=hit|miss}} (a miss reads the database). Last use is written at most once
 * per {@code last-use-interval} per key. Logs name key ids, never keys.
 * <p>
 * Besides the keys issued here, two kinds come from configuration, without a row, compared by hash: the bootstrap
 * admin key ({@code bootstrap-admin}, ADMIN) and each service's own key ({@code cityfin.gateway.keys.service-keys.<service>}:
 * subject {@code service:<service>}, ANALYST, no institution), with which a service reads another's published
 * figures through the gateway. They are rotated by changing the configuration.
 */
@Service
public class ApiKeyService {

    /** The subject of the bootstrap admin key from the environment, which has no row of its own. */
    public static final String BOOTSTRAP_ADMIN = "bootstrap-admin";
    /** The subject prefix of a service's own key from configuration: {@code service:platform-service}. */
    public static final String SERVICE_SUBJECT_PREFIX = "service:";
    static final int CACHE_SWEEP_SIZE = 10_000;
    private static final Logger log = LoggerFactory.getLogger(ApiKeyService.class);

    private final ApiKeys keys;
    private final Clock clock;
    private final Duration cacheTtl;
    private final Duration lastUseInterval;
    private final @Nullable String bootstrapAdminHash;
    /** The configured service keys' hashes and the caller each stands for. */
    private final Map<String, Caller> serviceKeyCallers;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<UUID, Instant> lastUseWritten = new ConcurrentHashMap<>();
    private final Counter cacheHits;
    private final Counter cacheMisses;

    public ApiKeyService(ApiKeys keys, Clock clock, CityfinGatewayProperties properties, MeterRegistry meters) {
        this.keys = keys;
        this.clock = clock;
        this.cacheTtl = properties.keys().cacheTtl();
        this.lastUseInterval = properties.keys().lastUseInterval();
        String admin = properties.keys().adminApiKey();
        this.bootstrapAdminHash = admin == null || admin.isBlank() ? null : ApiKeySecrets.hash(admin.trim());
        this.serviceKeyCallers = serviceKeyCallers(properties.keys().serviceKeys(), bootstrapAdminHash);
        if (cacheTtl.compareTo(Duration.ofSeconds(5)) > 0) {
            throw new IllegalStateException("cityfin.gateway.keys.cache-ttl is at most 5s: a revoked key must fail everywhere within 5 s");
        }
        this.cacheHits = lookups(meters, "hit");
        this.cacheMisses = lookups(meters, "miss");
    }

    /**
     * The caller of each configured service key (blank ones are no key). Two services on one key, or a service on the
     * admin key, would make one caller pass for another: the gateway refuses to start, naming the services, not the key.
     */
    private static Map<String, Caller> serviceKeyCallers(Map<String, String> serviceKeys, @Nullable String adminHash) {
        Map<String, Caller> callers = new HashMap<>();
        serviceKeys.forEach((service, key) -> {
            if (key == null || key.isBlank()) {
                return;
            }
            String hash = ApiKeySecrets.hash(key.trim());
            Caller caller = new Caller(SERVICE_SUBJECT_PREFIX + service, Set.of(Role.ANALYST), null);
            Caller other = callers.putIfAbsent(hash, caller);
            if (other != null || hash.equals(adminHash)) {
                throw new IllegalStateException("cityfin.gateway.keys.service-keys: " + service + " has the same key as "
                        + (other != null ? other.subject() : "the admin key") + "; every service needs a key of its own");
            }
        });
        if (!callers.isEmpty()) {
            log.info("Service keys from configuration: {}", callers.values().stream().map(Caller::subject).sorted().toList());
        }
        return Map.copyOf(callers);
    }

    private static Counter lookups(MeterRegistry meters, String result) {
        return Counter.builder("cityfin.gateway.keys.lookups").description("API key look-ups: from the cache or the database")
                .tag("result", result).register(meters);
    }

    public Mono<IssuedApiKey> issue(NewApiKey request) {
        Set<Role> roles = request.checkedRoles();
        String secret = ApiKeySecrets.generate();
        ApiKey key = new ApiKey(UUID.randomUUID(), ApiKeySecrets.shownPrefix(secret), request.label().trim(), roles,
                request.institutionCode(), now(), null, null);
        return keys.insert(key, ApiKeySecrets.hash(secret))
                .doOnNext(stored -> log.info("Issued API key {} ({}, roles {})", stored.id(), stored.label(), stored.roles()))
                .map(stored -> new IssuedApiKey(stored, secret));
    }

    public Flux<ApiKey> list() {
        return keys.findAll();
    }

    public Mono<ApiKey> revoke(UUID id) {
        return keys.revoke(id, now())
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No API key " + id + ".")))
                .doOnNext(revoked -> {
                    cache.values().removeIf(cached -> cached.key() != null && cached.key().id().equals(id));
                    log.info("Revoked API key {}", id);
                });
    }

    /** The caller a presented key stands for, or an {@link ApiKeyRejectedException} saying why not. */
    public Mono<Caller> authenticate(String secret) {
        String hash = ApiKeySecrets.hash(secret);
        if (hash.equals(bootstrapAdminHash)) {
            return Mono.just(new Caller(BOOTSTRAP_ADMIN, Set.of(Role.ADMIN), null));
        }
        Caller service = serviceKeyCallers.get(hash);
        if (service != null) {
            return Mono.just(service);
        }
        return find(hash).flatMap(cached -> {
            ApiKey key = cached.key();
            if (key == null) {
                return Mono.error(new ApiKeyRejectedException(RefusalCounter.Reason.UNKNOWN, "unknown API key"));
            }
            if (key.isRevoked()) {
                log.info("Refused revoked API key {}", key.id());
                return Mono.error(new ApiKeyRejectedException(RefusalCounter.Reason.REVOKED, "API key " + key.id() + " is revoked"));
            }
            return recordUse(key).thenReturn(key.caller());
        });
    }

    private Mono<Cached> find(String hash) {
        Instant now = clock.instant();
        Cached cached = cache.get(hash);
        if (cached != null && isFresh(cached, now)) {
            cacheHits.increment();
            return Mono.just(cached);
        }
        cacheMisses.increment();
        if (cache.size() >= CACHE_SWEEP_SIZE) {
            cache.values().removeIf(entry -> !isFresh(entry, now));
        }
        return keys.findBySecretHash(hash)
                .map(key -> new Cached(key, now))
                .defaultIfEmpty(new Cached(null, now))
                .doOnNext(fresh -> {
                    if (fresh.key() != null || cache.size() < CACHE_SWEEP_SIZE) { // issued keys are few; made-up ones not
                        cache.put(hash, fresh);
                    }
                });
    }

    private boolean isFresh(Cached cached, Instant now) {
        return cached.fetchedAt().plus(cacheTtl).isAfter(now);
    }

    /** Entries now in the look-up cache, fresh or not. */
    int cachedLookups() {
        return cache.size();
    }

    private Mono<Void> recordUse(ApiKey key) {
        Instant now = clock.instant();
        Instant written = lastUseWritten.get(key.id());
        if (written != null && written.plus(lastUseInterval).isAfter(now)) {
            return Mono.empty();
        }
        lastUseWritten.put(key.id(), now);
        return keys.recordUse(key.id(), now())
                .onErrorResume(error -> {
                    log.warn("Could not record the use of API key {}: {}", key.id(), error.toString());
                    return Mono.empty();
                });
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** A look-up result; {@code key} null when no key has that hash. */
    private record Cached(@Nullable ApiKey key, Instant fetchedAt) {
    }
}
