package io.cityfin.capitalmarket.catalogue;

import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cityfin.reporting.catalogue.Catalogue;

/**
 * The machinery's configuration for capital market (data-standard-2.md, "Reports or records"): no reported items, and
 * a registry of securities institutions (data-standard-2.md, "Securities institutions, and who writes").
 */
@Configuration(proxyBeanMethods = false)
class CapitalMarketCatalogueConfiguration {

    static final Set<String> SECURITIES_INSTITUTION_TYPES = Set.of("SECURITIES_BRANCH", "SECURITIES_SALES_DEPT", "FUTURES_BRANCH", "OTHER");

    @Bean
    Catalogue capitalMarketCatalogue() {
        return new Catalogue("capital-market-service", List.of(), SECURITIES_INSTITUTION_TYPES);
    }
}
