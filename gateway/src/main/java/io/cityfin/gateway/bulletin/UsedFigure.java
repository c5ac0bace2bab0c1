package io.cityfin.gateway.bulletin;

import java.math.BigDecimal;

/** A figure a bulletin shows, with the value it shows (stored with an issued bulletin, compared by the live one). */
public record UsedFigure(FigureKey key, BigDecimal value) {
}
