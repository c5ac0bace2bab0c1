package io.cityfin.reporting;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/**
 * On a feature's {@code @Configuration}: imports component classes by name, the way {@code @Import} does by class.
 * A feature's adapters and controllers are package-private in its {@code web} and {@code persistence} packages, so
 * its configuration cannot name them as class literals; a name starting with {@code .} is relative to the annotated
 * class's package ({@code ".web.InstitutionController"}), any other is fully qualified. A name that resolves to no
 * class fails the start, as a missing {@code @Import} class does; {@code FeaturesTest} checks that every component of
 * the module is imported by exactly one feature.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Import(Components.Selector.class)
public @interface Components {

    /** The component classes' names, relative ({@code .sub.Name}) or fully qualified. */
    String[] value();

    /** Resolves the names of the annotated class's {@link Components}. */
    class Selector implements ImportSelector {

        @Override
        public String[] selectImports(AnnotationMetadata metadata) {
            Map<String, Object> attributes = Objects.requireNonNull(metadata.getAnnotationAttributes(Components.class.getName()));
            return names(metadata.getClassName(), (String[]) attributes.get("value"));
        }

        /** The fully qualified names of {@code names} as written on the class {@code annotated}. */
        public static String[] names(String annotated, String... names) {
            String base = ClassUtils.getPackageName(annotated);
            return Arrays.stream(names).map(name -> name.startsWith(".") ? base + name : name).toArray(String[]::new);
        }
    }
}
