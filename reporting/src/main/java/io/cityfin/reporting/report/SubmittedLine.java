package io.cityfin.reporting.report;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/** A line as a caller sent it: anything may be missing or wrong; the rules say what. */
public record SubmittedLine(@Nullable String item, @Nullable String region, @Nullable BigDecimal value) {
}
