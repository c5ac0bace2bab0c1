package io.cityfin.reporting.indicator;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

import io.cityfin.common.indicator.api.model.IndicatorDto;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Assembles a service's indicator sheet from every configured {@link IndicatorSource}. */
@Service
public class IndicatorService {

    private final List<IndicatorSource> sources;
    private final Clock clock;

    public IndicatorService(List<IndicatorSource> sources, Clock clock) {
        this.sources = List.copyOf(sources);
        this.clock = clock;
    }

    public Mono<IndicatorSheet> indicators(IndicatorQuery query) {
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
