package io.cityfin.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import io.cityfin.reporting.config.ReportingAutoConfiguration;
import io.cityfin.reporting.report.ReportsFeature;

/**
 * Without a component scan, a component no feature imports would silently be missing from every service: each
 * {@code @Component} class of the module is imported by exactly one feature, and every name a feature gives resolves.
 */
class FeaturesTest {

    @Test
    void importsEveryComponentOfTheModuleExactlyOnce() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(org.springframework.stereotype.Component.class));
        scanner.addExcludeFilter(new AnnotationTypeFilter(Configuration.class));
        List<String> components = scanner.findCandidateComponents("io.cityfin.reporting").stream()
                .map(BeanDefinition::getBeanClassName)
                .toList();

        List<String> imported = new ArrayList<>();
        for (Class<?> feature : features()) {
            imported.addAll(namesImportedBy(feature));
        }

        assertThat(components).isNotEmpty();
        assertThat(imported).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(components);
    }

    @Test
    void importsOneConfigurationPerFeatureFromItsFeaturePackage() {
        assertThat(features()).allSatisfy(feature -> {
            assertThat(feature).hasAnnotation(Configuration.class);
            assertThat(feature.getSimpleName()).endsWith("Feature");
            assertThat(feature.getPackageName()).startsWith("io.cityfin.reporting.").doesNotEndWith(".config");
        });
        assertThat(features()).contains(ReportsFeature.class);
    }

    @Test
    void resolvesRelativeAndQualifiedNames() {
        assertThat(Components.Selector.names("io.cityfin.reporting.target.TargetsFeature", ".web.TargetController",
                "io.cityfin.reporting.catalogue.web.CatalogueController"))
                .containsExactly("io.cityfin.reporting.target.web.TargetController",
                        "io.cityfin.reporting.catalogue.web.CatalogueController");
    }

    private static List<Class<?>> features() {
        return Arrays.asList(ReportingAutoConfiguration.class.getAnnotation(Import.class).value());
    }

    private static List<String> namesImportedBy(Class<?> feature) {
        List<String> names = new ArrayList<>();
        Import classes = feature.getAnnotation(Import.class);
        if (classes != null) {
            Arrays.stream(classes.value()).map(Class::getName).forEach(names::add);
        }
        Components named = feature.getAnnotation(Components.class);
        if (named != null) {
            for (String name : Components.Selector.names(feature.getName(), named.value())) {
                assertThat(ClassUtils.isPresent(name, FeaturesTest.class.getClassLoader())).as(name + " named by " + feature.getSimpleName()).isTrue();
                names.add(name);
            }
        }
        return names;
    }
}
