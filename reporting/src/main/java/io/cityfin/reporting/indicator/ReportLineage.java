package io.cityfin.reporting.indicator;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import reactor.core.publisher.Flux;

/** Port: the lines of the latest report versions behind report figures, with their versions. */
public interface ReportLineage {

    /**
     * Every line of the latest version of each report of {@code periods} for one of {@code items}, in {@code region}
     * (the city: every region), with its version's number, receipt time and content hash and the institution's name.
     * One statement.
     */
    Flux<LineRow> lines(Set<Period> periods, Set<String> items, Region region);

    /** One latest line and the version it belongs to. */
    record LineRow(Period period, String institutionCode, @Nullable String institutionName, int version,
                   OffsetDateTime receivedAt, String contentHash, String item, String region, BigDecimal value) {
    }
}
