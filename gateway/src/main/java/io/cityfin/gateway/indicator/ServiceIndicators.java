package io.cityfin.gateway.indicator;

import io.cityfin.common.indicator.api.model.IndicatorSetDto;
import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import reactor.core.publisher.Mono;

/**
 * Port: one service's {@code GET /indicators}; fails with {@link SourceUnavailableException} when it cannot answer
 * (down, slow, 5xx, breaker open) and with {@link SourceRefusedException} when it refused the request (4xx).
 */
public interface ServiceIndicators {

    Mono<IndicatorSetDto> fetch(String service, Period period, Region region);
}
