package io.cityfin.reporting.institution;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.cityfin.reporting.Components;

/** The institution registry ({@code /institutions}): on in every service that has the machinery. */
@Configuration(proxyBeanMethods = false)
@Import(InstitutionService.class)
@Components({".persistence.R2dbcInstitutions", ".web.InstitutionController"})
public class RegistryFeature {
}
