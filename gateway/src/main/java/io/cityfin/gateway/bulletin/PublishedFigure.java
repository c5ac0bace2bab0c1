package io.cityfin.gateway.bulletin;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * What a document printed for an indicator's member (DESIGN16.md, "Published figures"): the value in the API's unit,
 * the printed rounding step, the text as printed if recorded, and the document's name.
 */
public record PublishedFigure(String service, String indicator, String field, String period, String region, BigDecimal value,
                              BigDecimal rounding, @Nullable String printed, String document) {
}
