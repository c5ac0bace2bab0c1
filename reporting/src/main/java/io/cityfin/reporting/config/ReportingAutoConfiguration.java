package io.cityfin.reporting.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.ComponentScan;

import java.util.List;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.env.Environment;

import io.cityfin.reporting.catalogue.Catalogue;
import io.cityfin.reporting.report.ReportRule;

/**
 * Brings the machinery's use cases, adapters and controllers into the service that depends on this module. A
 * service configures it with a {@link Catalogue} bean (its items and institution types) and {@link ReportRule}
 * beans; without a catalogue it has an empty one and takes no reports.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ComponentScan(basePackages = "io.cityfin.reporting", excludeFilters = @ComponentScan.Filter(
        type = FilterType.ASSIGNABLE_TYPE, classes = ReportingAutoConfiguration.class))
public class ReportingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Catalogue emptyCatalogue(Environment environment) {
        return new Catalogue(environment.getProperty("spring.application.name", "service"), List.of(), Set.of());
    }
}
