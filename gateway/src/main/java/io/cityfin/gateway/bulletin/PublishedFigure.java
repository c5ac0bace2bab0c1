package io.cityfin.gateway.bulletin;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * What a document printed for an indicator's member (reporting.yaml, {@code PublishedFigure}): the value in the API's
 * unit, the printed rounding step, the text as printed if recorded, and the document's name.
 */
public record PublishedFigure(String service, String indicator, String field, String period, String region, BigDecimal value,
                              BigDecimal rounding, @Nullable String printed, String document) {

    /**
     * The contract's rule (reporting.yaml, {@code PublishedFigure}): the figure differs from the computed member when
     * that is known and {@code |computed − value| > rounding / 2}. The office page applies the same rule
     * ({@code format.js}); the services store the figures and apply none.
     */
    public boolean differsFrom(@Nullable BigDecimal computed) {
        return computed != null && computed.subtract(value).abs().multiply(BigDecimal.valueOf(2)).compareTo(rounding) > 0;
    }
}
