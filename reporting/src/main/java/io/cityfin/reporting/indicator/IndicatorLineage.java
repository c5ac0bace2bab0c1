package io.cityfin.reporting.indicator;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import io.cityfin.reporting.record.RecordRef;

/**
 * Where an indicator's figure comes from ({@code GET /indicators/{code}/lineage}): a measured indicator's readings
 * (the report versions and lines, or the record versions, behind the figure at each period it reads), a derived
 * one's formula and its inputs' lineage, or, for a figure from elsewhere, a note in {@code formula}.
 */
public record IndicatorLineage(String service, String code, String nameZh, String nameEn, String unit, String kind,
                               Period period, Region region, @Nullable BigDecimal value, @Nullable String formula,
                               List<Reading> readings, List<IndicatorLineage> inputs) {

    public IndicatorLineage {
        readings = List.copyOf(readings);
        inputs = List.copyOf(inputs);
    }

    /** Which of the periods behind the asked one a reading is ({@link FigurePeriods}). */
    public enum Role {
        PERIOD, YEAR_START, YEAR_EARLIER, YEAR_EARLIER_YEAR_START
    }

    /**
     * What the figure reads at one period: the total and the report versions or records that make it. A rate read by a
     * weighted average ({@code weightedBy}: the weight item, such as the new-loan amount) lists its rate lines each with
     * the weight it is paired with (the same institution's line of the weight item in the same region), and its total
     * is Σ(rate × weight) / Σ weight over the lines that have one: the weighted average's unrounded value. Otherwise
     * {@code weightedBy} is null and the total is the plain sum.
     */
    public record Reading(Role role, Period period, @Nullable String item, @Nullable BigDecimal total,
                          List<ReportVersion> reports, List<RecordEntry> records, @Nullable String weightedBy) {

        public Reading {
            reports = List.copyOf(reports);
            records = List.copyOf(records);
        }

        /** A plain reading: its total is the sum of its lines or records. */
        public Reading(Role role, Period period, @Nullable String item, @Nullable BigDecimal total, List<ReportVersion> reports,
                       List<RecordEntry> records) {
            this(role, period, item, total, reports, records, null);
        }
    }

    /** The latest version of one institution's report for the period, and its lines summed. */
    public record ReportVersion(String institutionCode, @Nullable String institutionName, int version,
                                OffsetDateTime receivedAt, String contentHash, List<Line> lines) {

        public ReportVersion {
            lines = List.copyOf(lines);
        }
    }

    /**
     * One report line summed; in a reading {@code weightedBy} a weight item, a rate line with the weight it is paired
     * with ({@code null}: the institution has no weight line there, so the line counts in no weighted average).
     */
    public record Line(String item, String region, BigDecimal value, @Nullable BigDecimal weight) {

        /** A line summed as it is. */
        public Line(String item, String region, BigDecimal value) {
            this(item, region, value, null);
        }
    }

    /**
     * The latest version of a record, or an institution's registry version ({@code id} and {@code contentHash} null),
     * that adds {@code value} to the reading, and the versions it was read with ({@code joined}: its parent, its
     * children, the institution that places it, the actions taken on it).
     */
    public record RecordEntry(String collection, @Nullable UUID id, @Nullable String key, int version, OffsetDateTime recordedAt,
                              @Nullable String contentHash, @Nullable BigDecimal value, List<RecordRef> joined) {

        public RecordEntry {
            joined = List.copyOf(joined);
        }

        /** The version this entry names. */
        public RecordRef ref() {
            return new RecordRef(collection, id, key, version, recordedAt, contentHash);
        }

        /** {@code source} adding {@code value}, read with {@code joined}. */
        public static RecordEntry of(RecordRef source, @Nullable BigDecimal value, List<RecordRef> joined) {
            return new RecordEntry(source.collection(), source.id(), source.key(), source.version(), source.recordedAt(),
                    source.contentHash(), value, joined);
        }
    }
}
