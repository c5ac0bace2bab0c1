package io.cityfin.gateway.indicator;

import io.cityfin.common.identity.IndicatorView;
import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;

/** Whose answer to what: one service's indicators for a period and region, as one view sees them. */
public record AnswerKey(String service, Period period, Region region, IndicatorView view) {
}
