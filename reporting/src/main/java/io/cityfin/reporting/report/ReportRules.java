package io.cityfin.reporting.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.cityfin.common.problem.FieldError;
import io.cityfin.common.region.Region;

/** Rules a service configures from its catalogue's items, written once here. */
public final class ReportRules {

    public static final String PART_EXCEEDS_TOTAL = "PART_EXCEEDS_TOTAL";
    public static final String RATE_WITHOUT_AMOUNT = "RATE_WITHOUT_AMOUNT";

    private ReportRules() {
    }

    /** In each region, each of {@code parts} is not above {@code total} (refused with {@code code}, pointing at the part). */
    public static ReportRule notAbove(Set<String> parts, String total, String code) {
        return lines -> {
            Map<Region, BigDecimal> totals = lines.stream().filter(l -> l.line().item().equals(total))
                    .collect(Collectors.toMap(l -> l.line().region(), l -> l.line().value(), BigDecimal::add));
            List<FieldError> errors = new ArrayList<>();
            for (ReportRule.IndexedLine line : lines) {
                if (!parts.contains(line.line().item())) {
                    continue;
                }
                BigDecimal limit = totals.getOrDefault(line.line().region(), BigDecimal.ZERO);
                if (line.line().value().compareTo(limit) > 0) {
                    errors.add(FieldError.atPointer(line.pointer("value"), code, line.line().item() + " in "
                            + line.line().region().code() + " is above " + total + " there (" + limit.toPlainString() + ")."));
                }
            }
            return errors;
        };
    }

    /** A {@code rate} line needs an {@code amount} line in the same region (its weight in the average). */
    public static ReportRule needsAmount(String rate, String amount) {
        return lines -> {
            Set<Region> withAmount = lines.stream().filter(l -> l.line().item().equals(amount))
                    .map(l -> l.line().region()).collect(Collectors.toSet());
            return lines.stream()
                    .filter(l -> l.line().item().equals(rate) && !withAmount.contains(l.line().region()))
                    .map(l -> FieldError.atPointer(l.pointer("item"), RATE_WITHOUT_AMOUNT,
                            rate + " in " + l.line().region().code() + " needs " + amount + " in the same region."))
                    .toList();
        };
    }

    /**
     * In each region, an {@code item} above 0 needs {@code required} above 0 there (refused with {@code code}, pointing
     * at the item's value): fee income without new business, an amount bridged without enterprises served.
     */
    public static ReportRule needsPositive(String item, String required, String code) {
        return lines -> {
            Set<Region> withRequired = lines.stream()
                    .filter(l -> l.line().item().equals(required) && l.line().value().signum() > 0)
                    .map(l -> l.line().region()).collect(Collectors.toSet());
            return lines.stream()
                    .filter(l -> l.line().item().equals(item) && l.line().value().signum() > 0 && !withRequired.contains(l.line().region()))
                    .map(l -> FieldError.atPointer(l.pointer("value"), code, item + " in " + l.line().region().code()
                            + " is above 0 while " + required + " there is 0 or missing."))
                    .toList();
        };
    }
}
