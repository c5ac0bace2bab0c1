package io.cityfin.gateway.bulletin;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import io.cityfin.gateway.indicator.SourceStatus;

/**
 * Everything a bulletin is written from: the month and region; each section's service figures (by service name, absent
 * when the service was unavailable); each source's status; the counties' credit figures (city bulletins); the published
 * figures and the indicators of the bulletin's own month they are checked against; the figures of the issued bulletin
 * the live one is compared with (empty when none); and the issue number when it is being issued.
 */
public record BulletinData(Period period, Region region, BigDecimal yearElapsedPct, OffsetDateTime generatedAt,
                           List<SourceStatus> sources, Map<String, ServiceFigures> services, List<CountyFigures> counties,
                           List<PublishedFigure> published, List<IndicatorDto> ownMonth, Map<FigureKey, BigDecimal> issued,
                           @Nullable Integer issueNumber) {

    public BulletinData {
        sources = List.copyOf(sources);
        services = Map.copyOf(services);
        counties = List.copyOf(counties);
        published = List.copyOf(published);
        ownMonth = List.copyOf(ownMonth);
        issued = Map.copyOf(issued);
    }
}
