package io.cityfin.reporting.published;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.common.period.CityClock;
import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import io.cityfin.reporting.indicator.IndicatorQuery;
import io.cityfin.reporting.indicator.IndicatorService;
import reactor.core.publisher.Mono;

/**
 * The codes of the sheet {@link IndicatorService} computes for the current month, city-wide, as the caller of the
 * first write sees it: every indicator is listed whatever its figures (a withheld or unavailable one too). The codes
 * are fixed by the service's configuration, so the first non-empty set is kept for the process's life: one sheet per
 * start, not one per write.
 */
public final class SheetIndicatorCodes implements IndicatorCodes {

    private final IndicatorService indicators;
    private final Clock clock;
    private final AtomicReference<@Nullable Set<String>> known = new AtomicReference<>();

    public SheetIndicatorCodes(IndicatorService indicators, Clock clock) {
        this.indicators = indicators;
        this.clock = clock;
    }

    @Override
    public Mono<Set<String>> codes() {
        Set<String> codes = known.get();
        if (codes != null) {
            return Mono.just(codes);
        }
        LocalDate today = CityClock.today(clock);
        return indicators.indicators(new IndicatorQuery(Period.month(today.getYear(), today.getMonthValue()), Region.CITY))
                .map(sheet -> sheet.indicators().stream().map(IndicatorDto::getCode).collect(Collectors.toUnmodifiableSet()))
                .doOnNext(found -> {
                    if (!found.isEmpty()) {
                        known.set(found);
                    }
                });
    }
}
