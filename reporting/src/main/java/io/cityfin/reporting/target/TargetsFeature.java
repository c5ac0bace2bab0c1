package io.cityfin.reporting.target;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.cityfin.reporting.Components;

/** The year targets ({@code /targets/{year}}): on in every service that has the machinery. */
@Configuration(proxyBeanMethods = false)
@Import(TargetService.class)
@Components({".persistence.R2dbcTargetSets", ".web.TargetController"})
public class TargetsFeature {
}
