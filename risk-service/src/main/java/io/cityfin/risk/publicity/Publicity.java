package io.cityfin.risk.publicity;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.cityfin.reporting.record.RecordChecks;

/**
 * One publicity record as sent, in canonical member order, with the wire's loose types: its kind (EVENT, SMS_BATCH,
 * MEDIA), an event's setting (七进), the day, the county-level region (361000 for a city-wide one) and its counts.
 */
public record Publicity(@Nullable String kind, @Nullable String setting, @Nullable String heldOn, @Nullable String region,
                        @Nullable BigDecimal personsReached, @Nullable BigDecimal materialsDistributed, @Nullable BigDecimal smsSent) {

    public static final String EVENT = "EVENT";
    public static final String SMS_BATCH = "SMS_BATCH";

    public @Nullable LocalDate heldDay() {
        return RecordChecks.dayOrNull(heldOn);
    }

    public boolean isEvent() {
        return EVENT.equals(kind);
    }
}
