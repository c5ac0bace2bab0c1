package io.cityfin.platform.financing;

import static io.cityfin.reporting.catalogue.Kind.FLOW;
import static io.cityfin.reporting.catalogue.Unit.CNY;
import static io.cityfin.reporting.indicator.RecordRows.measured;

import io.cityfin.reporting.indicator.IndicatorDefinition;

/** The indicator of platform financing, for the features that derive from it (PLATFORM_FINANCING_YTD). */
public final class PlatformFinancingIndicators {

    /** 平台非标及信贷融资: Σ amount of platform-financing records issued in D's year; region the platform's. */
    public static final IndicatorDefinition NON_MARKET = measured("PLATFORM_NON_MARKET_FINANCING_YTD", "平台非标及信贷融资",
            "Platforms' non-market and credit financing, year to date", CNY, FLOW);

    private PlatformFinancingIndicators() {
    }
}
