package io.cityfin.systemtests.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repository the tests run in: system property {@code cityfin.root} (as {@code PlatformIT} uses it), else the
 * parent of the module folder surefire starts in.
 */
record Repository(Path root) {

    static Repository current() {
        return new Repository(Path.of(System.getProperty("cityfin.root", "..")).toAbsolutePath().normalize());
    }

    Path path(String relative) {
        return root.resolve(relative);
    }

    String read(String relative) {
        return Yaml.read(path(relative));
    }

    /** The modules the root POM builds, in its order. */
    List<String> modules() {
        List<String> modules = new ArrayList<>();
        Matcher module = Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>").matcher(read("pom.xml"));
        while (module.find()) {
            modules.add(module.group(1));
        }
        return modules;
    }

    /** The root POM's own version (the first {@code <version>} after its {@code <artifactId>cityfin-parent}). */
    String projectVersion() {
        Matcher version = Pattern.compile("<artifactId>cityfin-parent</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(read("pom.xml"));
        if (!version.find()) {
            throw new IllegalStateException("no cityfin-parent version in pom.xml");
        }
        return version.group(1).strip();
    }

    /** The classifier of the runnable jar spring-boot's repackage makes (root POM), e.g. {@code exec}. */
    String execClassifier() {
        Matcher classifier = Pattern.compile("<artifactId>spring-boot-maven-plugin</artifactId>.*?<classifier>([^<]+)</classifier>",
                Pattern.DOTALL).matcher(read("pom.xml"));
        if (!classifier.find()) {
            throw new IllegalStateException("no repackage classifier in pom.xml");
        }
        return classifier.group(1).strip();
    }

    boolean exists(String relative) {
        return Files.exists(path(relative));
    }
}
