/** Record versions, their head rows and idempotency keys in PostgreSQL (migration V1002). */
@NullMarked
package io.cityfin.reporting.record.persistence;

import org.jspecify.annotations.NullMarked;
