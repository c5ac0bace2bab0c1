package io.cityfin.common.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextConfiguration;

/**
 * As {@link WithPostgres}, with a database of the test context's own on the same server: for tests whose sums
 * and counts must not include other test classes' rows (demo figures, completeness).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = {PostgresTestDatabase.FreshInitializer.class, TestIdentity.Initializer.class})
public @interface WithOwnPostgres {
}
