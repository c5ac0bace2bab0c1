package io.cityfin.risk.npl;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cityfin.reporting.indicator.PublishedIndicators;

/** The NPL rules, reading credit's published indicators through the machinery's {@link PublishedIndicators} (the gateway, risk's own key). */
@Configuration(proxyBeanMethods = false)
class NplConfiguration {

    @Bean
    CreditNplRatios creditNplRatios(PublishedIndicators published) {
        return new CreditNplRatios(published);
    }

    @Bean
    NplRatioHighRule nplRatioHighRule(CreditNplRatios ratios) {
        return new NplRatioHighRule(ratios);
    }

    @Bean
    NplRatioRiseRule nplRatioRiseRule(CreditNplRatios ratios) {
        return new NplRatioRiseRule(ratios);
    }
}
