package io.cityfin.risk.alert;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** One entry of an alert's history: its colour, status and value after the change, who made it, when, and why. */
public record AlertChange(OffsetDateTime at, String by, Colour colour, AlertStatus status, BigDecimal value, @Nullable String note) {
}
