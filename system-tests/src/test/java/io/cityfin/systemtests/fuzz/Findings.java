package io.cityfin.systemtests.fuzz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.cityfin.systemtests.fuzz.ResponseCheck.Kind;

/**
 * Every answer's figures and every violation, grouped by (operation, mutation, kind, status) with a count and the
 * first example, so that one run reports all it found at once instead of stopping at the first.
 */
public final class Findings {

    /** A group of findings. */
    public record Key(String operation, String mutation, Kind kind, int status) {
    }

    private static final class Group {

        int count;

        final String example;

        Group(String example) {
            this.example = example;
        }
    }

    private final Map<Key, Group> groups = new LinkedHashMap<>();

    private final Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();

    private int requests;

    /** Counts an answer of {@code request}. */
    public synchronized void answered(FuzzRequest request, int status) {
        requests++;
        statuses.computeIfAbsent(request.endpoint().id(), key -> new TreeMap<>()).merge(status, 1, Integer::sum);
    }

    public synchronized void add(FuzzRequest request, int status, ResponseCheck.Violation violation, String answer) {
        // the answers of an app that is gone say nothing about the mutation: one group per operation
        String mutation = violation.kind() == Kind.AFTER_APP_DIED ? "any" : request.mutation();
        Key key = new Key(request.endpoint().id(), mutation, violation.kind(), status);
        groups.computeIfAbsent(key, k -> new Group(request.describe() + (request.target().isEmpty() ? "" : " {" + request.target() + "}")
                + "\n      -> " + status + " " + FuzzRequest.shorten(answer == null ? "" : answer, 400)
                + "\n      " + violation.detail())).count++;
    }

    public synchronized int requests() {
        return requests;
    }

    public synchronized int count(Kind kind) {
        return groups.entrySet().stream().filter(e -> e.getKey().kind() == kind).mapToInt(e -> e.getValue().count).sum();
    }

    public synchronized List<Key> keys() {
        return new ArrayList<>(groups.keySet());
    }

    /** The operations that answered, each with how often by status. */
    public synchronized Map<String, Map<Integer, Integer>> statuses() {
        Map<String, Map<Integer, Integer>> copy = new TreeMap<>();
        statuses.forEach((operation, counts) -> copy.put(operation, new TreeMap<>(counts)));
        return copy;
    }

    /** The groups of {@code kinds}, most frequent first, each with its first example; "" when there is none. */
    public synchronized String report(Kind... kinds) {
        List<Kind> wanted = List.of(kinds);
        StringBuilder text = new StringBuilder();
        groups.entrySet().stream()
            .filter(e -> wanted.contains(e.getKey().kind()))
            .sorted(Comparator.comparing((Map.Entry<Key, Group> e) -> e.getKey().kind())
                .thenComparing(e -> -e.getValue().count).thenComparing(e -> e.getKey().operation()))
            .forEach(e -> text.append(String.format("%n  %s | %s | %s %d | %d x%n      %s", e.getKey().kind(),
                    e.getKey().operation(), e.getKey().mutation(), e.getKey().status(), e.getValue().count, e.getValue().example)));
        return text.toString();
    }

    /** One line per operation: requests and answers by status. */
    public synchronized String coverage() {
        StringBuilder text = new StringBuilder();
        statuses.forEach((operation, counts) -> text.append(String.format("%n  %-50s %5d  %s", operation,
                counts.values().stream().mapToInt(Integer::intValue).sum(), counts)));
        return text.toString();
    }
}
