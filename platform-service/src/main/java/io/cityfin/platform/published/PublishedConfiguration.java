package io.cityfin.platform.published;

import static io.cityfin.reporting.catalogue.Kind.FLOW;
import static io.cityfin.reporting.catalogue.Unit.CNY;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cityfin.platform.financing.PlatformFinancingIndicators;
import io.cityfin.reporting.indicator.Formula;
import io.cityfin.reporting.indicator.Imported;
import io.cityfin.reporting.indicator.IndicatorDefinition;
import io.cityfin.reporting.indicator.RecordIndicators;
import io.cityfin.reporting.indicator.RecordRows;

/**
 * The platform indicators read from capital-market-service (data-standard-2.md, "Platform indicators"): its platforms'
 * market issues are recorded there only, so PLATFORM_DIRECT_FINANCING_YTD is its published DF_PLATFORM_YTD (region the
 * issuer's, as asked), read through the gateway with this service's own key ({@code cityfin.published.*}); while it does
 * not answer, that figure and PLATFORM_FINANCING_YTD are {@code null} and name it in {@code inputsUnavailable}.
 */
@Configuration(proxyBeanMethods = false)
class PublishedConfiguration {

    static final String CAPITAL_MARKET = "capital-market";
    static final String DF_PLATFORM_YTD = "DF_PLATFORM_YTD";

    static final IndicatorDefinition PLATFORM_DIRECT_FINANCING_YTD = RecordRows.measured("PLATFORM_DIRECT_FINANCING_YTD", "平台直接融资",
            "Platforms' direct financing, year to date", CNY, FLOW);
    static final IndicatorDefinition PLATFORM_FINANCING_YTD = new IndicatorDefinition("PLATFORM_FINANCING_YTD", "平台融资",
            "Platforms' financing, year to date", CNY, FLOW,
            Formula.total(PlatformFinancingIndicators.NON_MARKET.code(), PLATFORM_DIRECT_FINANCING_YTD.code()),
            Set.of(PlatformFinancingIndicators.NON_MARKET.code(), PLATFORM_DIRECT_FINANCING_YTD.code()));

    @Bean
    RecordIndicators publishedIndicators() {
        return RecordIndicators.of()
                .importing(Imported.of(PLATFORM_DIRECT_FINANCING_YTD, CAPITAL_MARKET, DF_PLATFORM_YTD))
                .with(PLATFORM_FINANCING_YTD);
    }
}
