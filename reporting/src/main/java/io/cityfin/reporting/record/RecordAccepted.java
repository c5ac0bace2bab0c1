package io.cityfin.reporting.record;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Published (a Spring application event) once a new record version has been committed: its collection, record, version
 * number and the day of its latest event ({@link RecordType#day}; null when the type names none). A write that stored
 * nothing (the same content again, a retried Idempotency-Key) publishes none. Listeners run on the writer's thread
 * and must not block it: risk-service schedules its alert evaluation from it.
 */
public record RecordAccepted(String collection, UUID id, int version, @Nullable LocalDate day) {
}
