package io.cityfin.reporting.indicator;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import io.cityfin.common.indicator.api.model.IndicatorDto;

/** A service's indicators for one query, with when they were computed and how much of the year had passed. */
public record IndicatorSheet(IndicatorQuery query, OffsetDateTime generatedAt, BigDecimal yearElapsedPct,
                             List<IndicatorDto> indicators) {
}
