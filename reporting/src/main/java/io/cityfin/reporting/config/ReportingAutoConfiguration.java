package io.cityfin.reporting.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.ComponentScan;

import io.cityfin.reporting.indicator.IndicatorService;

/** Brings the machinery's use cases and controllers into the service that depends on this module. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ComponentScan(basePackageClasses = IndicatorService.class)
public class ReportingAutoConfiguration {
}
