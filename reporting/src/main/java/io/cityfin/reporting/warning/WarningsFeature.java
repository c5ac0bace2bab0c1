package io.cityfin.reporting.warning;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.cityfin.reporting.Components;

/**
 * The review list ({@code /warnings}, {@code /warnings/{id}/review}): on in every service that has the machinery,
 * since records carry warnings too; where reports are off, no report warning exists and a review of one is 404.
 */
@Configuration(proxyBeanMethods = false)
@Import(WarningService.class)
@Components({".persistence.R2dbcWarnings", ".web.WarningController"})
public class WarningsFeature {
}
