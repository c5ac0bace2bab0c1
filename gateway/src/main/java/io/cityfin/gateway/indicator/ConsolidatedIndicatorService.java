package io.cityfin.gateway.indicator;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import io.cityfin.gateway.config.CityfinGatewayProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Asks every service for its indicators in parallel and merges them. A source that fails or is too slow becomes
 * {@code UNAVAILABLE} with its detail; it never fails the whole answer. A source that refuses the request (4xx) is
 * not failing: the whole answer is that refusal, relayed to the caller, since a merge without it would read as
 * complete. Indicator codes are unique across services, so the merge is a concatenation in the configured order of
 * services.
 */
@Service
public class ConsolidatedIndicatorService {

    private final List<String> services;
    private final ServiceIndicators serviceIndicators;
    private final Clock clock;
    private final MeterRegistry meters;

    public ConsolidatedIndicatorService(CityfinGatewayProperties properties, ServiceIndicators serviceIndicators, Clock clock,
                                         MeterRegistry meters) {
        this.services = List.copyOf(properties.services().keySet());
        this.serviceIndicators = serviceIndicators;
        this.clock = clock;
        this.meters = meters;
    }

    public Mono<ConsolidatedIndicators> indicators(Period period, Region region) {
        return Flux.fromIterable(services)
                .flatMapSequential(service -> {
                    Timer.Sample sample = Timer.start(meters);
                    return serviceIndicators.fetch(service, period, region)
                            .map(set -> new SourceAnswer(SourceStatus.ok(service), set.getIndicators()))
                            .doOnError(SourceRefusedException.class, refused -> sample.stop(fanOutTimer(service, "refused")))
                            .onErrorResume(error -> !(error instanceof SourceRefusedException), error -> Mono.just(new SourceAnswer(
                                    SourceStatus.unavailable(service, detail(error)), List.of())))
                            .doOnNext(answer -> sample.stop(fanOutTimer(service, answer.status().status().name())));
                })
                .collectList()
                .map(answers -> merge(period, region, answers));
    }

    private ConsolidatedIndicators merge(Period period, Region region, List<SourceAnswer> answers) {
        List<IndicatorDto> indicators = new ArrayList<>();
        List<SourceStatus> sources = new ArrayList<>();
        for (SourceAnswer answer : answers) {
            indicators.addAll(answer.indicators());
            sources.add(answer.status());
        }
        return new ConsolidatedIndicators(period, region, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                period.yearElapsedPct(), indicators, sources);
    }

    /**
     * {@code cityfin.fanout{source, outcome=ok|unavailable|refused}}: each source's time and outcome in the
     * consolidated answer; {@code refused} is a 4xx, relayed to the caller.
     */
    private Timer fanOutTimer(String service, String outcome) {
        return Timer.builder("cityfin.fanout").description("Consolidated indicators: time and outcome per source service")
                .tag("source", service).tag("outcome", outcome.toLowerCase())
                .publishPercentileHistogram().register(meters);
    }

    private static String detail(Throwable error) {
        return error instanceof SourceUnavailableException ? error.getMessage()
                : "unexpected failure: " + error.getClass().getSimpleName();
    }

    private record SourceAnswer(SourceStatus status, List<IndicatorDto> indicators) {
    }
}
