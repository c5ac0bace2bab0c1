package io.cityfin.reporting.indicator;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * The sheets {@code GET /indicators} answered lately, by their ETag ({@link IndicatorService#tag}). The tag names
 * everything the sheet is computed from (the build, the data version, the caller's view, period, region and the tags of
 * what the sources import), and the sheet computed after reading it is as new as the tag or newer: so a sheet kept for
 * a tag is a right answer to every later request with that tag, and the data it was computed from has not changed
 * since. A write moves the data version, so its tag is new and the next request computes. Served as first computed
 * ({@code generatedAt} too), as the gateway does with its kept answers.
 *
 * <p>Readers ask far more often than institutions write: the portal through the gateway (whose own kept answers
 * revalidate with a 304, no sheet), but also the office's page, analysts, and the services that read another's
 * indicators through a route. Each such 200 computed the sheet: several database statements and the arithmetic of every
 * indicator, about 7 ms of CPU for credit's city sheet (bench/README.md, "The read path").
 *
 * <p>At most {@code cityfin.indicators.kept-sheets} (256) are kept, least recently used out first; 0 keeps none. The
 * sheets are only read once kept: nothing may change an {@code IndicatorDto} after {@link IndicatorService} made it.
 * {@code cityfin.indicators.kept{outcome=hit|miss}} counts the answers served from here and computed.
 */
@Component
public class KeptSheets {

    private final IndicatorService indicators;
    private final @Nullable Cache<String, IndicatorSheet> sheets;
    private final Counter hits;
    private final Counter misses;

    public KeptSheets(IndicatorService indicators, @Value("${cityfin.indicators.kept-sheets:256}") int size, MeterRegistry meters) {
        if (size < 0) {
            throw new IllegalArgumentException("cityfin.indicators.kept-sheets must be 0 or more, not " + size);
        }
        this.indicators = indicators;
        // none at all for 0: Caffeine evicts an over-size entry after the put, not before the next read
        this.sheets = size == 0 ? null : Caffeine.newBuilder().maximumSize(size).build();
        this.hits = outcome(meters, "hit");
        this.misses = outcome(meters, "miss");
    }

    /** The sheet for {@code query}, whose tag the caller read just before: kept for that tag, or computed and kept. */
    public Mono<IndicatorSheet> sheet(IndicatorQuery query, String tag) {
        Cache<String, IndicatorSheet> sheets = this.sheets;
        IndicatorSheet kept = sheets == null ? null : sheets.getIfPresent(tag);
        if (kept != null) {
            hits.increment();
            return Mono.just(kept);
        }
        return indicators.indicators(query).doOnNext(sheet -> {
            misses.increment();
            if (sheets != null) {
                sheets.put(tag, sheet);
            }
        });
    }

    private static Counter outcome(MeterRegistry meters, String outcome) {
        return Counter.builder("cityfin.indicators.kept")
                .description("Indicator answers (200) served from a sheet kept for their ETag (hit) or computed (miss)")
                .tag("outcome", outcome).register(meters);
    }
}
