package io.cityfin.gateway.ratelimit.persistence;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * The template Spring Cloud Gateway's {@code RedisRateLimiter} runs its Lua token bucket with, made to fail open here,
 * before the limiter sees the failure: a script call that fails or takes longer than {@code timeout} answers
 * {@code [1, -1]} (allowed, remaining unknown: what the limiter answers itself on an error, but it also logs each one at
 * ERROR with its stack trace) and is counted by {@link StoreErrors}.
 * <p>
 * Spring Data Redis opens its shared Lettuce connection synchronously on the first call (and again on each call while
 * that has not succeeded): until the store has answered once, calls are made from {@code boundedElastic}, never from the
 * event loop, and may take a little longer ({@link #CONNECT_TIMEOUT}); {@link #connect()} opens it at start. Once
 * connected, Lettuce reconnects by itself in the background and refuses commands while disconnected.
 */
final class FailOpenRedisTemplate extends ReactiveStringRedisTemplate {

    /** The answer of an allowed request whose remaining tokens are unknown, as SCG's script result: [allowed, tokens left]. */
    static final List<Long> FAIL_OPEN = List.of(1L, -1L);

    /** How long a first connection may take: Lettuce's own connect timeout is shorter; this guards the call itself. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(FailOpenRedisTemplate.class);

    private final Duration timeout;
    private final StoreErrors errors;
    private volatile boolean connected;

    FailOpenRedisTemplate(ReactiveRedisConnectionFactory connectionFactory, Duration timeout, StoreErrors errors) {
        super(connectionFactory);
        this.timeout = timeout;
        this.errors = errors;
    }

    /**
     * Opens the shared connection off the event loop, before the first request needs it (a cold first connection can
     * take longer than a request's timeout); a failure is only logged: requests pass until Redis answers.
     */
    void connect() {
        execute(connection -> connection.ping())
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(CONNECT_TIMEOUT)
                .subscribe(pong -> connected = true,
                        error -> log.warn("Rate-limit store (Redis) not reachable at start; requests pass unlimited until it is: {}",
                                error.toString()));
    }

    @Override
    @SuppressWarnings("unchecked") // the rate limiter's script answers List<Long>, and it is the only script run here
    public <T> Flux<T> execute(RedisScript<T> script, List<String> keys, List<?> args) {
        Flux<T> call = super.execute(script, keys, args);
        if (!connected) {
            call = call.subscribeOn(Schedulers.boundedElastic());
        }
        return call.timeout(connected ? timeout : CONNECT_TIMEOUT.plus(timeout))
                .doOnNext(answer -> {
                    connected = true;
                    errors.recordSuccess();
                })
                .onErrorResume(error -> {
                    errors.record(error);
                    return Flux.just((T) FAIL_OPEN);
                });
    }
}
