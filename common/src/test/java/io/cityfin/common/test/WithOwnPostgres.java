package io.cityfin.common.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * As {@link WithPostgres}, with a database of the test context's own on the same server: for tests whose sums
 * and counts must not include other test classes' rows (demo figures, completeness).
 * <p>
 * The database belongs to the Spring test <em>context</em>, and Spring's context cache gives classes of the same
 * configuration (the same {@code @SpringBootTest} properties, initializers, customizers…) one context, and so one
 * database. That sharing is the default (a context per class would start the app again for each, which costs CI
 * time). A class whose figures must count its own rows only, while another class has its configuration, says
 * {@code @WithOwnPostgres(perClass = true)}: {@link ContextPerClass} then keys its context by the test class, so it
 * gets a context and a database no other class shares (a subclass gets its own again; {@code @Nested} classes follow
 * Spring's usual lookup of the annotation).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = {PostgresTestDatabase.FreshInitializer.class, TestIdentity.Initializer.class})
@ContextCustomizerFactories(ContextPerClass.class)
public @interface WithOwnPostgres {

    /**
     * {@code true}: a context, and so a database, of this test class alone, never shared with a class of the same
     * configuration; {@code false} (the default): shared with every class of the same configuration.
     */
    boolean perClass() default false;
}
