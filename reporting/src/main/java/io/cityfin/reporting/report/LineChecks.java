package io.cityfin.reporting.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.cityfin.common.period.Period;
import io.cityfin.common.period.PeriodType;
import io.cityfin.common.problem.FieldError;
import io.cityfin.common.problem.RuleViolationException;
import io.cityfin.common.region.Region;
import io.cityfin.reporting.catalogue.Catalogue;
import io.cityfin.reporting.catalogue.CatalogueSection;
import io.cityfin.reporting.catalogue.Item;
import io.cityfin.reporting.catalogue.Unit;

/**
 * The refusal rules every report passes (data-standard.md, "Refused"), then the service's own: all faults are
 * collected, one error per fault with a pointer, and any fault refuses the whole report.
 */
final class LineChecks {

    static final String ITEM_NOT_IN_INSTITUTION_CATALOGUE = "ITEM_NOT_IN_INSTITUTION_CATALOGUE";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private LineChecks() {
    }

    static List<ReportLine> check(Period period, List<SubmittedLine> submitted, Catalogue catalogue, List<ReportRule> rules) {
        return check(period, submitted, catalogue, null, rules);
    }

    /** As above, for an institution whose type reports {@code section} of the catalogue (null: the whole catalogue). */
    static List<ReportLine> check(Period period, List<SubmittedLine> submitted, Catalogue catalogue,
                                  @Nullable CatalogueSection section, List<ReportRule> rules) {
        List<FieldError> errors = new ArrayList<>();
        if (submitted.isEmpty()) {
            throw new RuleViolationException("A report needs at least one line.",
                    List.of(FieldError.atPointer("/lines", "EMPTY_REPORT", "A report needs at least one line.")));
        }
        List<ReportRule.IndexedLine> checked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < submitted.size(); i++) {
            SubmittedLine line = submitted.get(i);
            String at = "/lines/" + i;
            int before = errors.size();
            Optional<Item> item = line.item() == null ? Optional.empty() : catalogue.item(line.item());
            if (item.isEmpty()) {
                errors.add(FieldError.atPointer(at + "/item", "UNKNOWN_ITEM",
                        "'" + line.item() + "' is not an item of " + catalogue.service() + " (see GET /catalogue)."));
            } else if (section != null && !section.holds(item.get().code())) {
                errors.add(FieldError.atPointer(at + "/item", ITEM_NOT_IN_INSTITUTION_CATALOGUE, item.get().code()
                        + " is not in " + section.name() + ", the catalogue of this institution's type (see GET /catalogue)."));
            } else if (period.type() == PeriodType.TEN_DAY && !item.get().tenDay()) {
                errors.add(FieldError.atPointer(at + "/item", "ITEM_NOT_ALLOWED_FOR_PERIOD",
                        item.get().code() + " is reported monthly, not in ten-day reports."));
            }
            Optional<Region> region = line.region() == null ? Optional.empty() : Region.ofCode(line.region());
            if (region.isEmpty()) {
                errors.add(FieldError.atPointer(at + "/region", "UNKNOWN_REGION",
                        "'" + line.region() + "' is not a region of the city."));
            } else if (region.get().isCity()) {
                errors.add(FieldError.atPointer(at + "/region", "CITY_REGION_ON_LINE",
                        "A line carries the county-level region of the branch that books it, never 361000."));
            }
            if (line.value() == null) {
                errors.add(FieldError.atPointer(at + "/value", "MISSING_VALUE", "The line has no value."));
            } else if (item.isPresent()) {
                valueErrors(item.get(), line.value(), at + "/value", errors);
            }
            if (item.isPresent() && region.isPresent() && !seen.add(item.get().code() + "@" + region.get().code())) {
                errors.add(FieldError.atPointer(at, "DUPLICATE_LINE",
                        item.get().code() + " in " + region.get().code() + " is reported twice."));
            }
            if (errors.size() == before) {
                checked.add(new ReportRule.IndexedLine(i, new ReportLine(item.get().code(), region.get(), line.value())));
            }
        }
        if (errors.isEmpty()) {
            rules.forEach(rule -> errors.addAll(rule.check(checked)));
        }
        if (!errors.isEmpty()) {
            throw new RuleViolationException("The report breaks " + errors.size() + " rule(s); nothing was stored.", errors);
        }
        return checked.stream().map(ReportRule.IndexedLine::line).toList();
    }

    private static void valueErrors(Item item, BigDecimal value, String pointer, List<FieldError> errors) {
        int decimals = Math.max(0, value.stripTrailingZeros().scale());
        if (item.unit() == Unit.PERCENT) {
            if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
                errors.add(FieldError.atPointer(pointer, "RATE_OUT_OF_RANGE", "A rate is a percent from 0 to 100."));
            } else if (decimals > 4) {
                errors.add(FieldError.atPointer(pointer, "TOO_MANY_DECIMALS", "A rate has at most 4 decimals."));
            }
            return;
        }
        if (value.signum() < 0) {
            errors.add(FieldError.atPointer(pointer, "NEGATIVE_VALUE", "A value is never negative."));
        } else if (item.unit().isCount() && decimals > 0) {
            errors.add(FieldError.atPointer(pointer, "NOT_WHOLE_NUMBER", item.code() + " is a count: a whole number."));
        } else if (decimals > 2) {
            errors.add(FieldError.atPointer(pointer, "TOO_MANY_DECIMALS", "An amount has at most 2 decimals (yuan and fen)."));
        }
    }
}
