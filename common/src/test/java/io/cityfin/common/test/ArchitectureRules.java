package io.cityfin.common.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The dependency rules of style.md, the same for every module. A module's {@code ArchitectureTest} names its
 * base package in {@code @AnalyzeClasses} and includes these with {@code ArchTests.in(ArchitectureRules.class)}.
 * Packages follow {@code io.cityfin.<module>.<feature>[.<role>]}, role being web, persistence or client. The rules
 * for test code are in {@link TestCode}.
 */
public final class ArchitectureRules {

    /** The indicator contract's generated types are shared by definition and allowed everywhere. */
    static final String SHARED_CONTRACT = "io.cityfin.common.indicator..";
    private static final Set<String> ADAPTER_ROLES = Set.of("web", "persistence", "client");
    private static final Set<String> BLOCKING_CALLS = Set.of("block", "blockFirst", "blockLast", "blockOptional");

    private ArchitectureRules() {
    }

    @ArchTest
    public static final ArchRule generatedCodeStaysInWeb = classes()
            .that().resideInAPackage("io.cityfin.*.api..")
            .and().resideOutsideOfPackage(SHARED_CONTRACT)
            .should().onlyBeAccessed().byAnyPackage("io.cityfin.*.api..", "..web..")
            .because("*Dto types are the wire format; the domain must not change when the JSON does")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule featureRootsAreFreeOfTechnology = noClasses()
            .that().resideInAPackage("io.cityfin.*.*")
            .and().resideOutsideOfPackages("io.cityfin.*.config", "io.cityfin.*.api")
            .should().dependOnClassesThat(DescribedPredicate.describe(
                    "reside in a web, persistence, client or generated api package, or in Spring Data",
                    (JavaClass target) -> !target.getPackageName().startsWith("io.cityfin.common.indicator")
                            && (isAdapter(target.getPackageName()) || target.getPackageName().startsWith("org.springframework.data"))))
            .because("a feature root holds domain records, ports and use cases; adapters depend on it, not the reverse")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule featuresUseOnlyTheirOwnAdapters = classes()
            .that().resideInAPackage("io.cityfin..")
            .should(useOnlyOwnAdapters())
            .because("a feature is used through its root API, so it can change its web, persistence and clients alone")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule featuresAreFreeOfCycles = slices()
            .matching("io.cityfin.(*).(*)..")
            .should().beFreeOfCycles()
            .because("features that depend on each other in a circle cannot be understood or moved one at a time")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule nothingBlocks = noClasses()
            .that().resideInAPackage("io.cityfin..")
            .should().callMethodWhere(DescribedPredicate.describe("a blocking call on Mono or Flux",
                    (JavaMethodCall call) -> BLOCKING_CALLS.contains(call.getName())
                            && (call.getTargetOwner().isAssignableTo(Mono.class) || call.getTargetOwner().isAssignableTo(Flux.class))))
            .because("a blocked event-loop thread stalls every request it serves")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule controllersLiveInWeb = classes()
            .that().areAnnotatedWith(RestController.class)
            .should().resideInAPackage("..web..")
            .because("controllers are adapters: HTTP stays in a feature's web package")
            .allowEmptyShould(true);

    /**
     * The rules for test code. A module's {@code TestCodeArchitectureTest} imports its own test classes
     * ({@code ImportOption.OnlyIncludeTests}) and includes these with {@code ArchTests.in(ArchitectureRules.TestCode.class)};
     * its {@code ArchitectureTest} goes on checking the main classes with the rules above. Nothing here needs more
     * than ArchUnit on the classpath, so the launcher and the system tests use it too.
     */
    public static final class TestCode {

        private TestCode() {
        }

        @ArchTest
        public static final ArchRule neverSleeps = noClasses()
                .that().resideInAPackage("io.cityfin..")
                .should().callMethodWhere(DescribedPredicate.describe("Thread.sleep or TimeUnit.sleep",
                        (JavaMethodCall call) -> call.getName().equals("sleep")
                                && (call.getTargetOwner().isEquivalentTo(Thread.class) || call.getTargetOwner().isAssignableTo(TimeUnit.class))))
                .because("a fixed sleep is too short on a busy 2-core machine (a flaky test) and too long everywhere else: wait "
                        + "for the condition with Awaitility, or move reactive time with StepVerifier.withVirtualTime")
                .allowEmptyShould(true);
    }

    /** {@code io.cityfin.<module>.<feature>.<role>..} with role web, persistence or client, or a generated api. */
    private static boolean isAdapter(String packageName) {
        String[] parts = packageName.split("\\.");
        if (parts.length < 3 || !parts[0].equals("io") || !parts[1].equals("cityfin")) {
            return false;
        }
        return parts.length >= 4 && parts[3].equals("api") || parts.length >= 5 && ADAPTER_ROLES.contains(parts[4]);
    }

    private static ArchCondition<JavaClass> useOnlyOwnAdapters() {
        return new ArchCondition<>("use no other feature's web, persistence or client package") {
            @Override
            public void check(JavaClass source, ConditionEvents events) {
                for (Dependency dependency : source.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getPackageName();
                    String[] parts = target.split("\\.");
                    if (target.startsWith("io.cityfin.common.indicator") || parts.length < 5
                            || !target.startsWith("io.cityfin.") || !ADAPTER_ROLES.contains(parts[4])) {
                        continue;
                    }
                    String feature = String.join(".", parts[0], parts[1], parts[2], parts[3]);
                    String own = source.getPackageName();
                    if (!own.equals(feature) && !own.startsWith(feature + ".")) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
