package io.cityfin.gateway.bulletin;

import java.time.Instant;
import java.util.List;

import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import io.cityfin.gateway.indicator.SourceStatus;

/**
 * A bulletin as issued: its number for the month and region, who issued it and when, its HTML and PDF exactly as sent
 * (with their SHA-256), the figures it showed and each source's status and ETag.
 */
public record IssuedBulletin(Period period, Region region, int number, Instant issuedAt, String issuedBy, byte[] html, byte[] pdf,
                             String sha256Html, String sha256Pdf, List<UsedFigure> figures, List<SourceStatus> sources) {

    public IssuedBulletin {
        figures = List.copyOf(figures);
        sources = List.copyOf(sources);
    }
}
