package io.cityfin.reporting.demo;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The demo data loader and its {@code demoData} health indicator (in the readiness group). */
@Configuration(proxyBeanMethods = false)
@Import(DemoDataLoader.class)
public class DemoFeature {
}
