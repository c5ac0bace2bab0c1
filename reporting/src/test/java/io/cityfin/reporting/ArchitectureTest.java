package io.cityfin.reporting;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScans;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;

import io.cityfin.common.test.ArchitectureRules;

@AnalyzeClasses(packages = "io.cityfin.reporting", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests shared = ArchTests.in(ArchitectureRules.class);

    @ArchTest
    static final ArchRule importsFeaturesInsteadOfScanning = noClasses()
            .should().beAnnotatedWith(ComponentScan.class)
            .orShould().beAnnotatedWith(ComponentScans.class)
            .because("the machinery's auto-configuration imports one configuration per feature, so a service can switch "
                    + "a feature off (issue #11); a scan would bring every component in whatever the switches say");
}
