package io.cityfin.gateway.bulletin;

/**
 * One figure a bulletin shows: an indicator's member ({@code value}, {@code changeSinceYearStart}, ...) for a period and
 * region, as one service serves it.
 */
public record FigureKey(String service, String code, String field, String period, String region) {
}
