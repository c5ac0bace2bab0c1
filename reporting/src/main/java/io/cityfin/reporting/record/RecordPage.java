package io.cityfin.reporting.record;

import java.util.List;

/** One page of a list: the records from {@code offset}, at most {@code limit} of them, and how many match in all. */
public record RecordPage<T>(List<StoredRecord<T>> items, int offset, int limit, long total) {

    public RecordPage {
        items = List.copyOf(items);
    }
}
