package io.cityfin.reporting.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds {@code reporting-defaults.properties} (the machinery's migrations, its readiness contribution) to every app
 * that has the machinery: behind the app's own configuration and the environment, in front of common's
 * {@code cityfin-defaults.properties}, whichever of the two post-processors runs first.
 */
public class ReportingDefaults implements EnvironmentPostProcessor, Ordered {

    static final String DEFAULTS = "reporting-defaults.properties";
    static final String NAME = "reportingDefaults";
    /** The name common's {@code CityfinDefaults} gives its source. */
    static final String COMMON_DEFAULTS = "cityfinDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        ResourcePropertySource defaults;
        try {
            defaults = new ResourcePropertySource(NAME, new ClassPathResource(DEFAULTS, ReportingDefaults.class.getClassLoader()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MutablePropertySources sources = environment.getPropertySources();
        if (sources.contains(COMMON_DEFAULTS)) {
            sources.addBefore(COMMON_DEFAULTS, defaults);
        } else {
            sources.addLast(defaults);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
