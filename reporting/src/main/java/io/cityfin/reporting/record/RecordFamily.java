package io.cityfin.reporting.record;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A record's latest content with the latest contents of its children not withdrawn (a platform and its ratings), each
 * with the version it is: {@code childRefs} names {@code children} in the same order.
 */
public record RecordFamily<T, C>(RecordRef ref, T content, List<C> children, List<RecordRef> childRefs) {

    public RecordFamily {
        children = List.copyOf(children);
        childRefs = List.copyOf(childRefs);
        if (children.size() != childRefs.size()) {
            throw new IllegalArgumentException("one version per child: " + children.size() + " children, " + childRefs.size() + " versions");
        }
    }

    public UUID id() {
        return Objects.requireNonNull(ref.id(), "a record's version has an id");
    }

    public @Nullable String key() {
        return ref.key();
    }
}
