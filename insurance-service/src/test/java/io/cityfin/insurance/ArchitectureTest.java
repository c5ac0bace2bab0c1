package io.cityfin.insurance;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

import io.cityfin.common.test.ArchitectureRules;

@AnalyzeClasses(packages = "io.cityfin.insurance", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests shared = ArchTests.in(ArchitectureRules.class);
}
