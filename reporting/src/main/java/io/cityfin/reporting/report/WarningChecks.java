package io.cityfin.reporting.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.cityfin.reporting.catalogue.Catalogue;
import io.cityfin.reporting.catalogue.Item;
import io.cityfin.reporting.catalogue.Kind;

/**
 * The warnings of data-standard.md, against the same institution's earlier reports: an item total that moved more
 * than 30% since the previous report of the same period type, a year-to-date item lower than the previous month of
 * the same year, an item reported last time and missing now, a cumulative item lower than the previous month. Warnings never refuse a report.
 */
final class WarningChecks {

    static final String CUMULATIVE_DECREASED = "CUMULATIVE_DECREASED";
    private static final BigDecimal LIMIT = new BigDecimal("0.30");

    private WarningChecks() {
    }

    /**
     * @param previous the previous report of the same period type (null if none or withdrawn)
     * @param previousMonthSameYear for a monthly report, the previous month if it is in the same year (else null)
     */
    static List<ReportWarning> check(List<ReportLine> lines, @Nullable ReportVersion previous,
                                     @Nullable ReportVersion previousMonthSameYear, Catalogue catalogue) {
        return check(lines, previous, previousMonthSameYear, null, catalogue);
    }

    /**
     * As above, and a cumulative item (累计, never reset) whose total is lower than in {@code previousMonth}, the
     * previous monthly report in whatever year (null if none, withdrawn, or not a monthly report).
     */
    static List<ReportWarning> check(List<ReportLine> lines, @Nullable ReportVersion previous,
                                     @Nullable ReportVersion previousMonthSameYear, @Nullable ReportVersion previousMonth,
                                     Catalogue catalogue) {
        List<ReportWarning> warnings = new ArrayList<>();
        Map<String, BigDecimal> now = totals(lines);
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            firstLine.putIfAbsent(lines.get(i).item(), i);
        }
        if (previous != null) {
            Map<String, BigDecimal> before = totals(previous.lines());
            now.forEach((item, total) -> {
                BigDecimal was = before.get(item);
                if (was != null && was.signum() != 0
                        && total.subtract(was).abs().compareTo(was.abs().multiply(LIMIT)) > 0) {
                    warnings.add(new ReportWarning("MOVED_OVER_30_PCT", "/lines/" + firstLine.get(item),
                            item + " moved from " + was.toPlainString() + " to " + total.toPlainString()
                                    + " since " + previous.period() + ", more than 30%."));
                }
            });
            before.keySet().stream().filter(item -> !now.containsKey(item)).sorted().forEach(item ->
                    warnings.add(new ReportWarning("ITEM_MISSING", "/lines",
                            item + " was reported for " + previous.period() + " and is missing now.")));
        }
        if (previousMonthSameYear != null) {
            Map<String, BigDecimal> before = totals(previousMonthSameYear.lines());
            now.forEach((item, total) -> {
                BigDecimal was = before.get(item);
                boolean flow = catalogue.item(item).map(i -> i.kind() == Kind.FLOW).orElse(false);
                if (flow && was != null && total.compareTo(was) < 0) {
                    warnings.add(new ReportWarning("YTD_DECREASED", "/lines/" + firstLine.get(item),
                            item + " is a year-to-date figure and fell from " + was.toPlainString() + " in "
                                    + previousMonthSameYear.period() + " to " + total.toPlainString() + "."));
                }
            });
        }
        if (previousMonth != null) {
            Map<String, BigDecimal> before = totals(previousMonth.lines());
            now.forEach((item, total) -> {
                BigDecimal was = before.get(item);
                boolean cumulative = catalogue.item(item).map(Item::cumulative).orElse(false);
                if (cumulative && was != null && total.compareTo(was) < 0) {
                    warnings.add(new ReportWarning(CUMULATIVE_DECREASED, "/lines/" + firstLine.get(item),
                            item + " is cumulative since inception and fell from " + was.toPlainString() + " in "
                                    + previousMonth.period() + " to " + total.toPlainString() + "."));
                }
            });
        }
        return warnings;
    }

    /** The institution total of each item over its regions. */
    private static Map<String, BigDecimal> totals(List<ReportLine> lines) {
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        lines.forEach(line -> totals.merge(line.item(), line.value(), BigDecimal::add));
        return totals;
    }
}
