package io.cityfin.reporting.indicator;

import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;

/** What a caller asks for: the indicators of a period, city-wide ({@link Region#CITY}) or for one region. */
public record IndicatorQuery(Period period, Region region) {
}
