package io.cityfin.systemtests.monitoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of an app's {@code /actuator/prometheus}, in the Prometheus text format. */
public final class Scrape {

    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One sample line: name, labels and value. */
    public record Sample(String name, Map<String, String> labels, BigDecimal value) {

        boolean has(Map<String, String> wanted) {
            return labels.entrySet().containsAll(wanted.entrySet());
        }
    }

    private final List<Sample> samples;

    private Scrape(List<Sample> samples) {
        this.samples = samples;
    }

    public static Scrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            Map<String, String> labels = new LinkedHashMap<>();
            String name;
            String rest;
            if (brace >= 0 && brace < space) {
                name = line.substring(0, brace);
                int close = line.lastIndexOf('}');
                Matcher label = LABEL.matcher(line.substring(brace + 1, close));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
                rest = line.substring(close + 1).strip();
            } else {
                name = line.substring(0, space);
                rest = line.substring(space + 1).strip();
            }
            String value = rest.split("\\s+")[0];
            samples.add(new Sample(name, labels, value.matches("[-+0-9.eE]+") ? new BigDecimal(value) : null));
        }
        return new Scrape(samples);
    }

    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        samples.forEach(sample -> names.add(sample.name()));
        return names;
    }

    /** The sum of the samples named {@code name} that carry all of {@code labels} (zero when there is none). */
    public BigDecimal sum(String name, Map<String, String> labels) {
        return samples.stream().filter(sample -> sample.name().equals(name) && sample.has(labels))
                .map(Sample::value).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Whether a sample named {@code name} carries all of {@code labels}. */
    public boolean contains(String name, Map<String, String> labels) {
        return samples.stream().anyMatch(sample -> sample.name().equals(name) && sample.has(labels));
    }
}
