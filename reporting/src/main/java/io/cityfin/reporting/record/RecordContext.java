package io.cityfin.reporting.record;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What a record's rules may need besides its content: its natural key (an enterprise's USCC; null for records with a
 * service-given id), the latest content of its parent record (a fund for a fund investment, the enterprise for its
 * pipeline; null without a parent) and the latest content of the record itself (null for a new record).
 */
public record RecordContext(@Nullable String key, @Nullable Object parent, @Nullable Object previous) {

    public static final RecordContext NONE = new RecordContext(null, null, null);

    /** The parent's content as its type; empty when the collection has no parent. */
    public <P> Optional<P> parent(Class<P> type) {
        return Optional.ofNullable(parent).map(type::cast);
    }

    /** The record's latest stored content; empty for a new record. */
    public <T> Optional<T> previous(Class<T> type) {
        return Optional.ofNullable(previous).map(type::cast);
    }
}
