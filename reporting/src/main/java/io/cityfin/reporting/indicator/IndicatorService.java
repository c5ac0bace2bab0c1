package io.cityfin.reporting.indicator;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Service;

import io.cityfin.common.http.EntityTag;
import io.cityfin.common.identity.IndicatorView;
import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.reporting.catalogue.Catalogue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Assembles a service's indicator sheet from every configured {@link IndicatorSource}, and names the answer a query
 * gets with a strong ETag computed without the sheet (see {@link #tag}).
 */
@Service
public class IndicatorService {

    private final List<IndicatorSource> sources;
    private final List<String> codes;
    private final DataVersion dataVersion;
    private final String service;
    private final Clock clock;
    private final MeterRegistry meters;

    public IndicatorService(List<IndicatorSource> sources, DataVersion dataVersion, Catalogue catalogue, Clock clock, MeterRegistry meters,
                            ObjectProvider<BuildProperties> build) {
        this.sources = List.copyOf(sources);
        this.codes = this.sources.stream().flatMap(source -> source.codes().stream()).distinct().sorted().toList();
        this.dataVersion = dataVersion;
        // the code that computes the answer is part of it: a release that changes a formula changes every tag (every
        // replica of one build agrees: the build's time, not the process's start)
        BuildProperties properties = build.getIfAvailable();
        this.service = catalogue.service() + "@" + (properties == null ? "unbuilt" : properties.getVersion() + "/" + properties.getTime());
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * The ETag of the answer the current caller gets to {@code query}: the service and its build, its data version (read first: the
     * sheet computed after it is as new as the tag or newer, never older), the caller's {@link IndicatorView} (the
     * one the sources shape the sheet by), the period, the region and each source's {@link IndicatorSource#tag} (the
     * tags of the sheets it imports). Reads one row and the imports' tags; computes no indicator.
     */
    public Mono<String> tag(IndicatorQuery query) {
        Mono<List<String>> sourceTags = Flux.fromIterable(sources).concatMap(source -> source.tag(query)).collectList();
        return Mono.zip(dataVersion.current(), IndicatorView.current(), sourceTags).map(all -> {
            List<Object> parts = new ArrayList<>(List.of(service, all.getT1(), all.getT2(), query.period(), query.region().code()));
            parts.addAll(all.getT3());
            return EntityTag.of(parts.toArray());
        });
    }

    /**
     * The codes of every indicator the service serves: the union of its sources' {@link IndicatorSource#codes()}, in
     * the sheet's order (by code). Fixed by configuration, so taken once at start; computes and reads nothing. The
     * sheet of any query lists exactly these (every service's {@code <Name>PublishedFigureIT} checks it).
     */
    public List<String> codes() {
        return codes;
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
