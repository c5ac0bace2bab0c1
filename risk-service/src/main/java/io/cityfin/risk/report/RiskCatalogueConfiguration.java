package io.cityfin.risk.report;

import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cityfin.reporting.catalogue.Catalogue;

/** The registry's institution types: the six kinds of local financial organisation and the bridge funds (data-standard-2.md, "Risk"). */
@Configuration(proxyBeanMethods = false)
class RiskCatalogueConfiguration {

    @Bean
    Catalogue riskCatalogue() {
        return new Catalogue("risk-service", List.of(), Set.of("SMALL_LOAN", "FINANCING_GUARANTEE", "PAWN", "FINANCIAL_LEASING",
                "COMMERCIAL_FACTORING", "PRIVATE_LENDING", "BRIDGE_FUND"));
    }
}
