package io.cityfin.gateway.indicator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.cityfin.common.http.EntityTag;
import io.cityfin.common.identity.IndicatorView;
import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import io.cityfin.gateway.config.CityfinGatewayProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Asks every service for its indicators in parallel and merges them, keeping each source's last good answer per
 * (period, region, view) in the gateway's database ({@link KeptAnswers}, shared by the replicas) with a bounded front
 * in memory.
 * <ul>
 *   <li>A kept answer whose service's {@link Generations generation} has not moved since it was taken, confirmed
 *   within {@code revalidate-after} (60 s), is served without asking ({@code kept}).</li>
 *   <li>Otherwise the service is asked with {@code If-None-Match}: a 304 confirms the kept answer
 *   ({@code not_modified}), a 200 replaces it ({@code ok}).</li>
 *   <li>A source that fails or is too slow is served from its kept answer, {@code CACHED} with when it was last
 *   confirmed ({@code cached}); without one it is {@code UNAVAILABLE} ({@code unavailable}). It never fails the whole
 *   answer.</li>
 *   <li>A source that refuses the request (4xx) is not failing: the whole answer is that refusal, relayed to the
 *   caller, since a merge without it would read as complete; nothing is kept of it.</li>
 * </ul>
 * Indicator codes are unique across services, so the merge is a concatenation in the configured order of services.
 */
@Service
public class ConsolidatedIndicatorService {

    private static final Logger LOG = LoggerFactory.getLogger(ConsolidatedIndicatorService.class);
    /** A generation read failed: every kept answer is asked about again (and kept at this generation, never current). */
    private static final long UNKNOWN = -1;

    private final List<String> services;
    private final ServiceIndicators serviceIndicators;
    private final Generations generations;
    private final KeptAnswers keptAnswers;
    private final Duration revalidateAfter;
    private final Duration fanOutTimeout;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Cache<AnswerKey, KeptAnswer> front;
    /** The last merged answer per query and view: served again, as first assembled, while its ETag stands. */
    private final Cache<MergedKey, ConsolidatedIndicators> merged;
    /** Per source, when the figures of each answer now served CACHED were last confirmed; cleared when it answers. */
    private final ConcurrentMap<String, ConcurrentMap<AnswerKey, Instant>> servedCached = new ConcurrentHashMap<>();

    public ConsolidatedIndicatorService(CityfinGatewayProperties properties, IndicatorCacheProperties cache,
                                        ServiceIndicators serviceIndicators, Generations generations, KeptAnswers keptAnswers,
                                        Clock clock, MeterRegistry meters) {
        this.services = List.copyOf(properties.services().keySet());
        this.serviceIndicators = serviceIndicators;
        this.generations = generations;
        this.keptAnswers = keptAnswers;
        this.revalidateAfter = cache.revalidateAfter();
        this.fanOutTimeout = properties.fanOutTimeout();
        this.clock = clock;
        this.meters = meters;
        this.front = Caffeine.newBuilder().maximumSize(cache.frontSize()).build();
        this.merged = Caffeine.newBuilder().maximumSize(Math.max(1, cache.frontSize() / Math.max(1, services.size()))).build();
        for (String service : services) {
            ConcurrentMap<AnswerKey, Instant> cached = new ConcurrentHashMap<>();
            servedCached.put(service, cached);
            Gauge.builder("cityfin.fanout.cached.age", cached, this::oldestAgeSeconds)
                    .description("Consolidated indicators: age of the oldest kept answer of this source now served CACHED (0: none)")
                    .tag("source", service).baseUnit("seconds").register(meters);
        }
    }

    /** The consolidated answer, each source waited for the fan-out's timeout ({@code cityfin.gateway.fan-out-timeout}). */
    public Mono<ConsolidatedIndicators> indicators(Period period, Region region, IndicatorView view) {
        return indicators(period, region, view, fanOutTimeout);
    }

    /**
     * The consolidated answer, each source asked waited for {@code timeout}: a reader that would rather wait for a
     * slow source than serve it CACHED or UNAVAILABLE (the bulletin). Kept answers serve it as any other reader.
     */
    public Mono<ConsolidatedIndicators> indicators(Period period, Region region, IndicatorView view, Duration timeout) {
        return generations.current().map(Optional::of)
                .onErrorResume(error -> {
                    LOG.warn("Generations unreadable, asking every source again: {}", error.toString());
                    return Mono.just(Optional.empty());
                })
                .flatMap(current -> {
                    Instant now = clock.instant();
                    return Flux.fromIterable(services)
                            .flatMapSequential(service -> source(new AnswerKey(service, period, region, view),
                                    current.map(known -> known.getOrDefault(service, 0L)).orElse(UNKNOWN), now, timeout))
                            .collectList()
                            .map(answers -> merge(period, region, view, answers, now));
                });
    }

    /**
     * One source's indicators for the query, through the same kept answers as the merged answer (served unasked while
     * current, revalidated with its tag, its last good figures when it fails); empty when it is unavailable. For a
     * reader that needs one service in many regions (the bulletin's county reading), not five; the service waited for
     * {@code timeout}.
     */
    public Mono<List<IndicatorDto>> indicatorsOf(String service, Period period, Region region, IndicatorView view, Duration timeout) {
        if (!services.contains(service)) {
            return Mono.error(new IllegalArgumentException("No service " + service));
        }
        return generations.current().map(known -> known.getOrDefault(service, 0L))
                .onErrorResume(error -> {
                    LOG.warn("Generations unreadable, asking {} again: {}", service, error.toString());
                    return Mono.just(UNKNOWN);
                })
                .flatMap(generation -> source(new AnswerKey(service, period, region, view), generation, clock.instant(), timeout))
                .map(SourceAnswer::indicators);
    }

    private Mono<SourceAnswer> source(AnswerKey key, long generation, Instant now, Duration timeout) {
        Timer.Sample sample = Timer.start(meters);
        String service = key.service();
        return kept(key).flatMap(kept -> {
            if (kept.isPresent() && kept.get().currentAt(generation, now, revalidateAfter)) {
                return Mono.just(SourceAnswer.of(SourceStatus.ok(service, kept.get().etag()), kept.get(), "kept"));
            }
            return serviceIndicators.fetch(service, key.period(), key.region(), kept.map(KeptAnswer::etag).orElse(null), timeout)
                    .flatMap(reply -> answered(key, kept, reply, generation, now))
                    .doOnNext(answer -> servedCached.get(service).clear())
                    .onErrorResume(error -> !(error instanceof SourceRefusedException),
                            error -> fallback(key, kept, detail(error)))
                    .doOnError(SourceRefusedException.class, refused -> sample.stop(fanOutTimer(service, "refused")));
        }).doOnNext(answer -> sample.stop(fanOutTimer(service, answer.outcome())));
    }

    /** The front's answer, else the database's (put in the front); a database failure is no answer. */
    private Mono<Optional<KeptAnswer>> kept(AnswerKey key) {
        KeptAnswer inFront = front.getIfPresent(key);
        if (inFront != null) {
            return Mono.just(Optional.of(inFront));
        }
        return stored(key).doOnNext(found -> found.ifPresent(answer -> front.put(key, answer)));
    }

    private Mono<Optional<KeptAnswer>> stored(AnswerKey key) {
        return keptAnswers.find(key).map(Optional::of).defaultIfEmpty(Optional.empty())
                .onErrorResume(error -> {
                    LOG.warn("Kept answer of {} unreadable: {}", key.service(), error.toString());
                    return Mono.just(Optional.empty());
                });
    }

    private Mono<SourceAnswer> answered(AnswerKey key, Optional<KeptAnswer> kept, SourceReply reply, long generation, Instant now) {
        String service = key.service();
        if (reply instanceof SourceReply.Answered answer) {
            KeptAnswer fresh = new KeptAnswer(key, answer.etag(), answer.indicators(), generation, now, now);
            front.put(key, fresh);
            return quietly(keptAnswers.save(fresh), "keep", key)
                    .thenReturn(SourceAnswer.of(SourceStatus.ok(service, fresh.etag()), fresh, "ok"));
        }
        if (kept.isEmpty() || kept.get().etag() == null) {
            return Mono.error(new SourceUnavailableException("answered 304 to a request naming no tag"));
        }
        KeptAnswer confirmed = kept.get().confirmed(generation, now);
        front.put(key, confirmed);
        return quietly(keptAnswers.confirm(key, Objects.requireNonNull(confirmed.etag()), generation, now), "confirm", key)
                .thenReturn(SourceAnswer.of(SourceStatus.ok(service, confirmed.etag()), confirmed, "not_modified"));
    }

    /**
     * The source did not answer: its newest kept answer (the front's, or one another replica kept since), CACHED, or
     * UNAVAILABLE without one.
     */
    private Mono<SourceAnswer> fallback(AnswerKey key, Optional<KeptAnswer> kept, String detail) {
        Mono<Optional<KeptAnswer>> newest = kept.isEmpty() ? Mono.just(kept) // the database was read just now
                : stored(key).map(stored -> stored.filter(other -> other.confirmedAt().isAfter(kept.get().confirmedAt())).or(() -> kept));
        return newest.map(answer -> {
            if (answer.isEmpty()) {
                return SourceAnswer.unavailable(SourceStatus.unavailable(key.service(), detail));
            }
            KeptAnswer served = answer.get();
            servedCached.get(key.service()).merge(key, served.confirmedAt(), (a, b) -> a.isBefore(b) ? a : b);
            return SourceAnswer.of(SourceStatus.cached(key.service(), detail, served.confirmedAt().atOffset(ZoneOffset.UTC),
                    served.etag()), served, "cached");
        });
    }

    private static Mono<Void> quietly(Mono<Void> write, String what, AnswerKey key) {
        return write.onErrorResume(error -> {
            LOG.warn("Could not {} the answer of {} for {} {}: {}", what, key.service(), key.period(), key.region().code(), error.toString());
            return Mono.empty();
        });
    }

    private ConsolidatedIndicators merge(Period period, Region region, IndicatorView view, List<SourceAnswer> answers, Instant now) {
        List<IndicatorDto> indicators = new ArrayList<>();
        List<SourceStatus> sources = new ArrayList<>();
        List<Object> tagParts = new ArrayList<>(List.of("consolidated", view, period, region.code()));
        for (SourceAnswer answer : answers) {
            indicators.addAll(answer.indicators());
            SourceStatus status = answer.status();
            sources.add(status);
            tagParts.addAll(List.of(status.service(), status.status(), answer.figures(), String.valueOf(status.detail()),
                    String.valueOf(status.servedFromCacheAt())));
        }
        String etag = EntityTag.of(tagParts.toArray());
        MergedKey mergedKey = new MergedKey(period, region, view);
        ConsolidatedIndicators previous = merged.getIfPresent(mergedKey);
        if (previous != null && previous.etag().equals(etag)) { // the same answer, as first assembled
            return previous;
        }
        ConsolidatedIndicators answer = new ConsolidatedIndicators(period, region, view,
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC), period.yearElapsedPct(), indicators, sources, etag);
        merged.put(mergedKey, answer);
        return answer;
    }

    private double oldestAgeSeconds(Map<AnswerKey, Instant> cached) {
        Instant now = clock.instant();
        return cached.values().stream().mapToDouble(at -> Duration.between(at, now).toMillis() / 1000.0).max().orElse(0);
    }

    /**
     * {@code cityfin.fanout{source, outcome=ok|not_modified|kept|cached|unavailable|refused}}: each source's time and
     * outcome in the consolidated answer: asked and answered, asked and confirmed (304), served from the kept answer
     * without asking, served CACHED after a failure, unavailable, refused (a 4xx, relayed to the caller).
     */
    private Timer fanOutTimer(String service, String outcome) {
        return Timer.builder("cityfin.fanout").description("Consolidated indicators: time and outcome per source service")
                .tag("source", service).tag("outcome", outcome)
                .publishPercentileHistogram().register(meters);
    }

    private static String detail(Throwable error) {
        return error instanceof SourceUnavailableException ? error.getMessage()
                : "unexpected failure: " + error.getClass().getSimpleName();
    }

    private record MergedKey(Period period, Region region, IndicatorView view) {
    }

    /** A source's part of the merged answer; {@code figures} names its figures for the merged ETag. */
    private record SourceAnswer(SourceStatus status, List<IndicatorDto> indicators, String outcome, String figures) {

        static SourceAnswer of(SourceStatus status, KeptAnswer kept, String outcome) {
            // a service that sends no tag: its figures are named by when they were answered, so they are never taken
            // for another answer's
            return new SourceAnswer(status, kept.indicators(), outcome,
                    kept.etag() != null ? kept.etag() : "untagged@" + kept.answeredAt().toEpochMilli() + "/" + kept.answeredAt().getNano());
        }

        static SourceAnswer unavailable(SourceStatus status) {
            return new SourceAnswer(status, List.of(), "unavailable", "none");
        }
    }
}
