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
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 * Issues, lists and revokes API keys, and turns a presented key into its {@link Caller}. A presented string that is
 * not of a key's form ({@link ApiKeySecrets#isWellFormed}) is refused before anything else: no hash, no look-up.
 * Look-ups are cached in a bounded Caffeine cache for {@code cityfin.gateway.keys.cache-ttl} (at most 5 s, so a key
 * revoked at another replica fails within that); a revocation here evicts at once. Every failed authentication from a
 * client address counts against that address ({@link FailedAuthentications}); once it is over its limit, a key neither
 * in the cache nor found valid within the last hour is refused from there unread ({@code 429}). Look-ups are counted as
 * {@code cityfin.gateway.keys.lookups{result=hit|miss|malformed|throttled}}: only a miss reads the database. Last use is
 * written at most once per {@code last-use-interval} per key. Logs name key ids, never keys.
 * <p>
 * Besides the keys issued here, two kinds come from configuration, without a row, compared by hash: the bootstrap
 * admin key ({@code bootstrap-admin}, ADMIN) and each service's own key ({@code cityfin.gateway.keys.service-keys.<service>}:
 * subject {@code service:<service>}, ANALYST, no institution), with which a service reads another's published
 * figures through the gateway. They are rotated by changing the configuration, and must have a key's form.
 */
@Service
public class ApiKeyService {

    /** The subject of the bootstrap admin key from the environment, which has no row of its own. */
    public static final String BOOTSTRAP_ADMIN = "bootstrap-admin";
    /** The subject prefix of a service's own key from configuration: {@code service:platform-service}. */
    public static final String SERVICE_SUBJECT_PREFIX = "service:";
    /** Look-ups cached at once: issued keys are few; Caffeine's admission keeps the ones in use through a flood. */
    static final int CACHE_SIZE = 10_000;
    private static final Logger log = LoggerFactory.getLogger(ApiKeyService.class);

    private final ApiKeys keys;
    private final Clock clock;
    private final Duration cacheTtl;
    private final Duration lastUseInterval;
    private final @Nullable String bootstrapAdminHash;
    /** The configured service keys' hashes and the caller each stands for. */
    private final Map<String, Caller> serviceKeyCallers;
    private final Cache<String, Cached> cache;
    /**
     * Hashes of keys found valid in the last hour. A throttled address may still have them looked up when their cache
     * entry has lapsed: the throttle stops made-up keys, not a real caller who shares an address with a flood.
     */
    private final Cache<String, Boolean> knownValid;
    private final Map<UUID, Instant> lastUseWritten = new ConcurrentHashMap<>();
    private final FailedAuthentications failures;
    private final Counter cacheHits;
    private final Counter cacheMisses;
    private final Counter malformed;
    private final Counter throttled;

    public ApiKeyService(ApiKeys keys, Clock clock, CityfinGatewayProperties properties, FailedAuthentications failures,
                         MeterRegistry meters) {
        this.keys = keys;
        this.clock = clock;
        this.failures = failures;
        this.cacheTtl = properties.keys().cacheTtl();
        this.lastUseInterval = properties.keys().lastUseInterval();
        String admin = properties.keys().adminApiKey();
        this.bootstrapAdminHash = admin == null || admin.isBlank() ? null : ApiKeySecrets.hash(wellFormed("the admin key", admin.trim()));
        this.serviceKeyCallers = serviceKeyCallers(properties.keys().serviceKeys(), bootstrapAdminHash);
        if (cacheTtl.compareTo(Duration.ofSeconds(5)) > 0) {
            throw new IllegalStateException("cityfin.gateway.keys.cache-ttl is at most 5s: a revoked key must fail everywhere within 5 s");
        }
        this.cache = Caffeine.newBuilder().maximumSize(CACHE_SIZE).expireAfterWrite(cacheTtl)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).build();
        this.knownValid = Caffeine.newBuilder().maximumSize(CACHE_SIZE).expireAfterAccess(Duration.ofHours(1))
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).build();
        this.cacheHits = lookups(meters, "hit");
        this.cacheMisses = lookups(meters, "miss");
        this.malformed = lookups(meters, "malformed");
        this.throttled = lookups(meters, "throttled");
    }

    /** A configured key must have a key's form, or it could never be presented: the gateway refuses to start. */
    private static String wellFormed(String what, String key) {
        if (!ApiKeySecrets.isWellFormed(key)) {
            throw new IllegalStateException(what + " from configuration is not of a key's form (cfk_ and 43 base64url characters,"
                    + " as ./cityfin generates them)");
        }
        return key;
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
            String hash = ApiKeySecrets.hash(wellFormed("the key of " + service, key.trim()));
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
        return Counter.builder("cityfin.gateway.keys.lookups")
                .description("Presented API keys: found in the cache, read from the database (miss), or refused unread")
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
                    cache.asMap().values().removeIf(cached -> cached.key() != null && cached.key().id().equals(id));
                    // knownValid keeps the hash: its next look-up finds the key revoked, as any replica's would
                    log.info("Revoked API key {}", id);
                });
    }

    /**
     * The caller a presented key stands for, or an {@link ApiKeyRejectedException} saying why not: malformed
     * ({@code INVALID}), unknown, revoked, or {@code FAILED_AUTH_LIMITED} when {@code clientAddress} is over its
     * failed-authentication limit and the key is not one the cache knows as valid.
     */
    public Mono<Caller> authenticate(String secret, String clientAddress) {
        if (!ApiKeySecrets.isWellFormed(secret)) {
            malformed.increment();
            return failed(clientAddress, RefusalCounter.Reason.INVALID, "not of an API key's form");
        }
        String hash = ApiKeySecrets.hash(secret);
        if (hash.equals(bootstrapAdminHash)) {
            return Mono.just(new Caller(BOOTSTRAP_ADMIN, Set.of(Role.ADMIN), null));
        }
        Caller service = serviceKeyCallers.get(hash);
        if (service != null) {
            return Mono.just(service);
        }
        Cached cached = cache.getIfPresent(hash);
        if (cached != null && cached.isValid()) {
            cacheHits.increment();
            return recordUse(cached.key()).thenReturn(cached.key().caller());
        }
        if (knownValid.getIfPresent(hash) != null) { // a real key whose cache entry lapsed: read it, whoever sends it
            cacheMisses.increment();
            return lookUp(hash).flatMap(result -> checked(result, clientAddress, false));
        }
        Duration wait = failures.throttled(clientAddress);
        if (!wait.isZero()) {
            return throttled(wait);
        }
        if (cached != null) {
            cacheHits.increment();
            return checked(cached, clientAddress, false);
        }
        return failures.beforeLookUp(clientAddress).flatMap(throttledFor -> {
            if (!throttledFor.isZero()) {
                return throttled(throttledFor);
            }
            cacheMisses.increment();
            return lookUp(hash).flatMap(result -> checked(result, clientAddress, true));
        });
    }

    /**
     * Whether {@code secret} is a key this gateway knows to be valid without reading anything: a configured key, a
     * cached valid key, or one found valid within the last hour. Such keys pass from a throttled address.
     */
    public boolean isKnown(String secret) {
        if (!ApiKeySecrets.isWellFormed(secret)) {
            return false;
        }
        String hash = ApiKeySecrets.hash(secret);
        Cached cached = cache.getIfPresent(hash);
        return hash.equals(bootstrapAdminHash) || serviceKeyCallers.containsKey(hash) || cached != null && cached.isValid()
                || knownValid.getIfPresent(hash) != null;
    }

    /** Counts a request refused unread because its address is throttled, before it reached {@link #authenticate}. */
    public void countThrottled() {
        throttled.increment();
    }

    private Mono<Caller> throttled(Duration wait) {
        throttled.increment();
        return Mono.error(new ApiKeyRejectedException(RefusalCounter.Reason.FAILED_AUTH_LIMITED,
                "too many failed authentications from this address", wait));
    }

    private Mono<Cached> lookUp(String hash) {
        return keys.findBySecretHash(hash)
                .map(Cached::new)
                .defaultIfEmpty(Cached.NONE)
                .doOnNext(fresh -> {
                    cache.put(hash, fresh);
                    if (fresh.isValid()) {
                        knownValid.put(hash, Boolean.TRUE);
                    }
                });
    }

    /**
     * The caller of a key found, or its refusal, counted against the client's address unless {@code tokenTaken} (the
     * look-up that found it took one already).
     */
    private Mono<Caller> checked(Cached result, String clientAddress, boolean tokenTaken) {
        ApiKey key = result.key();
        if (key != null && !key.isRevoked()) {
            return recordUse(key).thenReturn(key.caller());
        }
        ApiKeyRejectedException refusal;
        if (key == null) {
            refusal = new ApiKeyRejectedException(RefusalCounter.Reason.UNKNOWN, "unknown API key");
        } else {
            log.info("Refused revoked API key {}", key.id());
            refusal = new ApiKeyRejectedException(RefusalCounter.Reason.REVOKED, "API key " + key.id() + " is revoked");
        }
        return tokenTaken ? Mono.error(refusal) : failures.failed(clientAddress).then(Mono.error(refusal));
    }

    private Mono<Caller> failed(String clientAddress, RefusalCounter.Reason reason, String message) {
        return failures.failed(clientAddress).then(Mono.error(new ApiKeyRejectedException(reason, message)));
    }

    /** Entries now in the look-up cache. */
    long cachedLookups() {
        cache.cleanUp();
        return cache.estimatedSize();
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
    private record Cached(@Nullable ApiKey key) {

        static final Cached NONE = new Cached(null);

        boolean isValid() {
            return key != null && !key.isRevoked();
        }
    }
}
