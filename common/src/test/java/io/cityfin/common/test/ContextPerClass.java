package io.cityfin.common.test;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * {@code @WithOwnPostgres(perClass = true)}: a Spring test context, and so a database, for the test class alone.
 * Registered by {@link WithOwnPostgres} itself ({@code @ContextCustomizerFactories}, not {@code spring.factories}: common's
 * test-jar ships {@code io/cityfin/common/test/**} only, so a {@code META-INF/spring.factories} of its test resources
 * would never reach the other modules). For a class asking for it, the factory adds a customizer that changes nothing in
 * the context but equals only the customizer of the same test class; customizers are part of the context cache key
 * ({@link MergedContextConfiguration#equals}), so no other class, even one with the same configuration, shares the
 * context, and {@link PostgresTestDatabase.FreshInitializer} runs again for it. For every other class it adds nothing,
 * so classes of one configuration keep sharing a context (and a database), which saves CI time.
 */
public final class ContextPerClass implements ContextCustomizerFactory {

    @Override
    public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        WithOwnPostgres own = TestContextAnnotationUtils.findMergedAnnotation(testClass, WithOwnPostgres.class);
        return own != null && own.perClass() ? new OwnContext(testClass) : null;
    }

    /** Customizes nothing; its equality, the test class, keeps the class's context key apart from every other's. */
    record OwnContext(Class<?> testClass) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
            // the key is the point: the database comes from WithOwnPostgres's FreshInitializer, run once per context
        }
    }
}
