package io.cityfin.reporting.record;

/** The outcome of a write: the version it answers with, and whether the answer is {@code 201} (created) or {@code 200}. */
public record Written<T>(StoredRecord<T> record, boolean created) {
}
