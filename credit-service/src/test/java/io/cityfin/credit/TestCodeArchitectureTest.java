package io.cityfin.credit;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

import io.cityfin.common.test.ArchitectureRules;

/** The shared rules for test code, on this module's test classes ({@code ArchitectureTest} checks the main classes). */
@AnalyzeClasses(packages = "io.cityfin.credit", importOptions = ImportOption.OnlyIncludeTests.class)
class TestCodeArchitectureTest {

    @ArchTest
    static final ArchTests shared = ArchTests.in(ArchitectureRules.TestCode.class);
}
