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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Asks every service for its indicators in parallel and merges them. A source that fails or is too slow becomes
 * {@code UNAVAILABLE} with its detail; it never fails the whole answer. Indicator codes are unique across
 * services, so the merge is a concatenation in the configured order of services.
 */
@Service
public class ConsolidatedIndicatorService {

    private final List<String> services;
    private final ServiceIndicators serviceIndicators;
    private final Clock clock;

    public ConsolidatedIndicatorService(CityfinGatewayProperties properties, ServiceIndicators serviceIndicators, Clock clock) {
        this.services = List.copyOf(properties.services().keySet());
        this.serviceIndicators = serviceIndicators;
        this.clock = clock;
    }

    public Mono<ConsolidatedIndicators> indicators(Period period, Region region) {
        return Flux.fromIterable(services)
                .flatMapSequential(service -> serviceIndicators.fetch(service, period, region)
                        .map(set -> new SourceAnswer(SourceStatus.ok(service), set.getIndicators()))
                        .onErrorResume(error -> Mono.just(new SourceAnswer(
                                SourceStatus.unavailable(service, detail(error)), List.of()))))
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

    private static String detail(Throwable error) {
        return error instanceof SourceUnavailableException ? error.getMessage()
                : "unexpected failure: " + error.getClass().getSimpleName();
    }

    private record SourceAnswer(SourceStatus status, List<IndicatorDto> indicators) {
    }
}
