/**
 * Versioned records of any collection (investments, cases, pipeline entries, ratings): canonical JSON content with its
 * SHA-256, version n+1 per change, {@code ACTIVE} or {@code WITHDRAWN}, who and when; creation made idempotent by an
 * {@code Idempotency-Key} kept per API key for 24 hours. A service configures a {@link io.cityfin.reporting.record.RecordType}
 * and gets a {@link io.cityfin.reporting.record.RecordService} over it; its own contract and controller stay in the service.
 */
@NullMarked
package io.cityfin.reporting.record;

import org.jspecify.annotations.NullMarked;
