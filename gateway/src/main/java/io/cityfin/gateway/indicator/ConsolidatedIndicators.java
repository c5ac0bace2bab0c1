package io.cityfin.gateway.indicator;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import io.cityfin.common.identity.IndicatorView;
import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;

/**
 * The five services' indicators merged, with one status per source, and the merged answer's strong ETag: derived from
 * the view, the query and each source's status, tag and detail, so it changes whenever anything served changes
 * (except {@code generatedAt}: an answer with an ETag already served is served as it was first assembled).
 */
public record ConsolidatedIndicators(Period period, Region region, IndicatorView view, OffsetDateTime generatedAt,
                                     BigDecimal yearElapsedPct, List<IndicatorDto> indicators, List<SourceStatus> sources,
                                     String etag) {
}
