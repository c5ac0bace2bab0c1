package io.cityfin.common.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

/** The shared rules catch what they are meant to catch, shown on deliberately broken fixtures. */
class ArchitectureRulesTest {

    private final JavaClasses fixtures = new ClassFileImporter().importPackages("io.cityfin.archfixture");

    @Test
    void catchesGeneratedTypesUsedOutsideWeb() {
        assertThat(violations(ArchitectureRules.generatedCodeStaysInWeb)).contains("AlertController");
    }

    @Test
    void catchesAFeatureRootThatUsesPersistence() {
        assertThat(violations(ArchitectureRules.featureRootsAreFreeOfTechnology))
                .contains("ReportService").contains("AlertController").doesNotContain("ReportController");
    }

    @Test
    void catchesAFeatureThatUsesAnotherFeaturesPersistence() {
        String violations = violations(ArchitectureRules.featuresUseOnlyTheirOwnAdapters);

        assertThat(violations).contains("AlertController").doesNotContain("ReportService.load");
    }

    @Test
    void catchesACycleBetweenFeatures() {
        assertThat(violations(ArchitectureRules.featuresAreFreeOfCycles)).contains("loopa").contains("loopb");
    }

    @Test
    void catchesABlockingCall() {
        assertThat(violations(ArchitectureRules.nothingBlocks)).contains("ReportService.load").contains("block");
    }

    @Test
    void catchesAControllerOutsideWeb() {
        assertThat(violations(ArchitectureRules.controllersLiveInWeb)).contains("AlertController");
    }

    @Test
    void catchesTestCodeThatSleeps() {
        assertThat(violations(ArchitectureRules.TestCode.neverSleeps))
                .contains("ReportPolling.waitForTheReport()").contains("Thread.sleep(long)")
                .contains("ReportPolling.waitForTheSums()").contains("TimeUnit.sleep(long)")
                .doesNotContain("ReportService");
    }

    private String violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(fixtures);
        assertThat(result.hasViolation()).as("rule %s has violations", rule.getDescription()).isTrue();
        return String.join("\n", result.getFailureReport().getDetails());
    }
}
