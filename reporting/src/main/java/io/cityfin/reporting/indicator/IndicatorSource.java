package io.cityfin.reporting.indicator;

import io.cityfin.common.indicator.api.model.IndicatorDto;
import reactor.core.publisher.Flux;

/**
 * A source of indicators a service configures as a bean: report lines, records, or figures derived from them.
 * Each source answers for the codes it owns; the indicator output concatenates all sources.
 */
public interface IndicatorSource {

    Flux<IndicatorDto> indicators(IndicatorQuery query);
}
