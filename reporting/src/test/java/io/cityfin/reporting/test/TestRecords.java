package io.cityfin.reporting.test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.cityfin.reporting.record.RecordFamily;
import io.cityfin.reporting.record.RecordRef;
import io.cityfin.reporting.record.RecordView;

/** Record views and families for a service's unit tests of its measures and rules, each version a fresh id, version 1. */
public final class TestRecords {

    private static final OffsetDateTime RECORDED = OffsetDateTime.parse("2022-10-01T00:00:00Z");

    private TestRecords() {
    }

    /** Version 1 of a fresh record of {@code collection}. */
    public static RecordRef ref(String collection, @Nullable String key) {
        return new RecordRef(collection, UUID.randomUUID(), key, 1, RECORDED, "0".repeat(64));
    }

    /** {@code content} as indicators read it, with its parent's content (null: none). */
    public static <T> RecordView<T> view(String collection, @Nullable String key, T content, @Nullable Object parent) {
        return new RecordView<>(ref(collection, key), content, parent, parent == null ? null : ref("parents", null));
    }

    /** {@code content} with its children. */
    public static <T, C> RecordFamily<T, C> family(String collection, @Nullable String key, T content, List<C> children) {
        return new RecordFamily<>(ref(collection, key), content, children, children.stream().map(child -> ref("children", null)).toList());
    }
}
