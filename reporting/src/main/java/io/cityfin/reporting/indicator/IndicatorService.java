package io.cityfin.reporting.indicator;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Assembles a service's indicator sheet from every configured {@link IndicatorSource}. */
@Service
public class IndicatorService {

    private final List<IndicatorSource> sources;
    private final Clock clock;
    private final MeterRegistry meters;

    public IndicatorService(List<IndicatorSource> sources, Clock clock, MeterRegistry meters) {
        this.sources = List.copyOf(sources);
        this.clock = clock;
        this.meters = meters;
    }

    /** Timed as {@code cityfin.indicators.computation{region_scope=city|region}}: how long a sheet takes to compute. */
    public Mono<IndicatorSheet> indicators(IndicatorQuery query) {
        Timer.Sample sample = Timer.start(meters);
        return compute(query).doOnTerminate(() -> sample.stop(Timer.builder("cityfin.indicators.computation")
                .description("Time to compute a service's indicator sheet")
                .tag("region_scope", query.region().isCity() ? "city" : "region")
                .publishPercentileHistogram()
                .register(meters)));
    }

    private Mono<IndicatorSheet> compute(IndicatorQuery query) {
        return Flux.fromIterable(sources)
                .concatMap(source -> source.indicators(query))
                .collectList()
                .map(indicators -> new IndicatorSheet(query, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC),
                        query.period().yearElapsedPct(), sorted(indicators)));
    }

    private static List<IndicatorDto> sorted(List<IndicatorDto> indicators) {
        return indicators.stream().sorted(Comparator.comparing(IndicatorDto::getCode)).toList();
    }
}
