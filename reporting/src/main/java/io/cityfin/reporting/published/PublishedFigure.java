package io.cityfin.reporting.published;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * What a document printed for one member of an indicator, as sent, in canonical member order, with the wire's loose
 * types: the indicator's code, the member ({@code field}: {@code value}, {@code growthSinceYearStartPct}, …), the
 * period and region it is of, the value in the API's unit for that member, the printed rounding step in the same unit,
 * the text as printed, the document's name and a note.
 */
public record PublishedFigure(@Nullable String indicator, @Nullable String field, @Nullable String period, @Nullable String region,
                              @Nullable BigDecimal value, @Nullable BigDecimal rounding, @Nullable String printed,
                              @Nullable String document, @Nullable String note) {
}
