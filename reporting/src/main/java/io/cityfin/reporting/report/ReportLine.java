package io.cityfin.reporting.report;

import java.math.BigDecimal;

import io.cityfin.common.region.Region;

/** A checked line: a catalogue item, the county-level region of the branch that books it, and its value. */
public record ReportLine(String item, Region region, BigDecimal value) {
}
