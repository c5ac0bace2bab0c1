package io.cityfin.gateway.indicator;

import io.cityfin.common.indicator.api.model.IndicatorSetDto;
import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import reactor.core.publisher.Mono;

/** Port: one service's {@code GET /indicators}; fails with {@link SourceUnavailableException} when it cannot answer. */
public interface ServiceIndicators {

    Mono<IndicatorSetDto> fetch(String service, Period period, Region region);
}
