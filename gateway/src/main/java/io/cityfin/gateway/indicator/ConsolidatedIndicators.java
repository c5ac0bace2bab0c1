package io.cityfin.gateway.indicator;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;

/** The five services' indicators merged, with one status per source. */
public record ConsolidatedIndicators(Period period, Region region, OffsetDateTime generatedAt, BigDecimal yearElapsedPct,
                                     List<IndicatorDto> indicators, List<SourceStatus> sources) {
}
