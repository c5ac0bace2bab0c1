package io.cityfin.common.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a Spring test context (a whole app or a slice) against the JVM's {@link PostgresTestDatabase}, with the
 * {@link TestIdentity} key as the gateway's public key.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = {PostgresTestDatabase.Initializer.class, TestIdentity.Initializer.class})
public @interface WithPostgres {
}
