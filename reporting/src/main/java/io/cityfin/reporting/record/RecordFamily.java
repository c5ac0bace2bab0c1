package io.cityfin.reporting.record;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A record's latest content with the latest contents of its children not withdrawn (a platform and its ratings). */
public record RecordFamily<T, C>(UUID id, @Nullable String key, T content, List<C> children) {

    public RecordFamily {
        children = List.copyOf(children);
    }
}
