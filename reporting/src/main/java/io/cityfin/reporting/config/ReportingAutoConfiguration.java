package io.cityfin.reporting.config;

import java.util.List;
import java.util.Set;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import io.cityfin.reporting.catalogue.Catalogue;
import io.cityfin.reporting.demo.DemoFeature;
import io.cityfin.reporting.indicator.IndicatorsFeature;
import io.cityfin.reporting.institution.RegistryFeature;
import io.cityfin.reporting.published.PublishedFiguresFeature;
import io.cityfin.reporting.record.RecordsFeature;
import io.cityfin.reporting.report.ReportRule;
import io.cityfin.reporting.report.ReportsFeature;
import io.cityfin.reporting.target.TargetsFeature;
import io.cityfin.reporting.warning.WarningsFeature;

/**
 * Brings the machinery's features into the service that depends on this module, one configuration per feature:
 * the registry, targets, indicators, records, warnings, published figures and demo data always, the periodic reports unless
 * {@code cityfin.reporting.reports.enabled} is false ({@link ReportsFeature}). A service configures it with a
 * {@link Catalogue} bean (its items and institution types) and {@link ReportRule} beans; without a catalogue it has an
 * empty one and takes no reports.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@Import({RegistryFeature.class, TargetsFeature.class, IndicatorsFeature.class, ReportsFeature.class, RecordsFeature.class,
        WarningsFeature.class, PublishedFiguresFeature.class, DemoFeature.class})
public class ReportingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Catalogue emptyCatalogue(Environment environment) {
        return new Catalogue(environment.getProperty("spring.application.name", "service"), List.of(), Set.of());
    }
}
