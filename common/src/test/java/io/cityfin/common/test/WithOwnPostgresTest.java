package io.cityfin.common.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.cache.DefaultCacheAwareContextLoaderDelegate;
import org.springframework.test.context.support.DefaultBootstrapContext;
import org.springframework.test.context.support.DefaultTestContextBootstrapper;

/**
 * Which test classes share a Spring test context, and so a database, as Spring's context cache keys them (the merged
 * configuration; no context is started): classes of one configuration share one under {@code @WithOwnPostgres}, each
 * has its own under {@code @WithOwnPostgres(perClass = true)}.
 */
class WithOwnPostgresTest {

    @Test
    void letsClassesOfOneConfigurationShareAContextByDefault() {
        assertThat(key(SharedOne.class)).isEqualTo(key(SharedTwo.class));
        assertThat(key(SharedOne.class).getContextCustomizers()).noneMatch(ContextPerClass.OwnContext.class::isInstance);
    }

    @Test
    void givesAClassAskingForItAContextOfItsOwn() {
        MergedContextConfiguration one = key(OwnOne.class);

        assertThat(one).isNotEqualTo(key(OwnTwo.class)).isNotEqualTo(key(SharedOne.class));
        assertThat(one).as("the same class finds its context again").isEqualTo(key(OwnOne.class));
        assertThat(key(OwnOneSubclass.class)).as("a subclass is a class of its own").isNotEqualTo(one);
        assertThat(one.getContextCustomizers()).contains(new ContextPerClass.OwnContext(OwnOne.class));
        // otherwise the same: the fresh database's and the identity's initializers
        assertThat(one.getContextInitializerClasses()).isEqualTo(key(SharedOne.class).getContextInitializerClasses());
    }

    /** The context cache's key of the class, as the test framework builds it. */
    private static MergedContextConfiguration key(Class<?> testClass) {
        DefaultTestContextBootstrapper bootstrapper = new DefaultTestContextBootstrapper();
        bootstrapper.setBootstrapContext(new DefaultBootstrapContext(testClass, new DefaultCacheAwareContextLoaderDelegate()));
        return bootstrapper.buildMergedContextConfiguration();
    }

    @WithOwnPostgres
    static class SharedOne {
    }

    @WithOwnPostgres
    static class SharedTwo {
    }

    @WithOwnPostgres(perClass = true)
    static class OwnOne {
    }

    @WithOwnPostgres(perClass = true)
    static class OwnTwo {
    }

    static class OwnOneSubclass extends OwnOne {
    }
}
