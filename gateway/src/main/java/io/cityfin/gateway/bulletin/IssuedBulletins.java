package io.cityfin.gateway.bulletin;

import java.math.BigDecimal;
import java.util.Map;

import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Port: the issued bulletins, numbered per (period, region), kept as sent. */
public interface IssuedBulletins {

    /** The number the next issue for (period, region) takes: 1, then one more than the last. */
    Mono<Integer> nextNumber(Period period, Region region);

    /** Stores an issue; fails with {@link BulletinNumberTakenException} when its number was taken meanwhile. */
    Mono<Void> save(IssuedBulletin bulletin);

    /** The latest issue for (period, region), its figures and sources left out; empty when none. */
    Mono<IssuedBulletin> latest(Period period, Region region);

    /** The issue of that number for (period, region), figures and sources left out; empty when none. */
    Mono<IssuedBulletin> numbered(Period period, Region region, int number);

    /** Every issue for (period, region), newest first, without its bytes, figures and sources; empty when none. */
    Flux<IssuedBulletin> list(Period period, Region region);

    /** The figures the latest issue for (period, region) showed; empty when none was issued. */
    Mono<Map<FigureKey, BigDecimal>> latestFigures(Period period, Region region);
}
