package io.cityfin.risk.report;

import static io.cityfin.risk.report.RiskItems.GUARANTEE_FEE_INCOME;
import static io.cityfin.risk.report.RiskItems.GUARANTEE_NET_ASSETS;
import static io.cityfin.risk.report.RiskItems.GUARANTEE_NEW_AMOUNT;
import static io.cityfin.risk.report.RiskItems.GUARANTEE_OUTSTANDING;
import static io.cityfin.risk.report.RiskItems.PRIVATE_LENDING_NEW_BUSINESS;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.cityfin.reporting.institution.GuaranteeListing;
import io.cityfin.reporting.report.InstitutionWarningRule;
import io.cityfin.reporting.report.ReportLine;
import io.cityfin.reporting.report.ReportWarning;

/**
 * The warnings of risk's reports that see the institution (data-standard-2.md): a guarantee company's outstanding
 * above 10 × its net assets (《融资担保公司监督管理条例》; 15 × for one serving mainly small firms and farming); a company
 * on the government guarantee list, listed by the period's last day, charging above 1% (fee income / new amount ×
 * 100); any new private-lending business (存量压降). Each points at the line of the item it is about.
 */
final class RiskWarningRules {

    static final String LEVERAGE_ABOVE_CAP = "GUARANTEE_LEVERAGE_ABOVE_CAP";
    static final String LISTED_FEE_ABOVE_CAP = "LISTED_GUARANTOR_FEE_ABOVE_1_PCT";
    static final String NEW_PRIVATE_LENDING = "PRIVATE_LENDING_NEW_BUSINESS";

    static final BigDecimal LEVERAGE_CAP = BigDecimal.TEN;
    static final BigDecimal SMALL_AND_AGRICULTURAL_CAP = BigDecimal.valueOf(15);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private RiskWarningRules() {
    }

    static InstitutionWarningRule leverageAboveCap() {
        return (institution, period, lines, previous) -> {
            Map<String, BigDecimal> totals = totals(lines);
            BigDecimal outstanding = totals.get(GUARANTEE_OUTSTANDING);
            BigDecimal netAssets = totals.get(GUARANTEE_NET_ASSETS);
            if (outstanding == null || netAssets == null || netAssets.signum() <= 0) {
                return List.of();
            }
            BigDecimal cap = institution.mainlySmallAndAgricultural() ? SMALL_AND_AGRICULTURAL_CAP : LEVERAGE_CAP;
            if (outstanding.compareTo(netAssets.multiply(cap)) <= 0) {
                return List.of();
            }
            return List.of(new ReportWarning(LEVERAGE_ABOVE_CAP, pointer(lines, GUARANTEE_OUTSTANDING), GUARANTEE_OUTSTANDING + " "
                    + outstanding.toPlainString() + " is " + outstanding.divide(netAssets, MathContext.DECIMAL64).setScale(2, java.math.RoundingMode.HALF_UP)
                    .toPlainString() + " times the net assets " + netAssets.toPlainString() + ", above the cap of " + cap + " times"
                    + (institution.mainlySmallAndAgricultural() ? " (serving mainly small firms and farming)." : ".")));
        };
    }

    static InstitutionWarningRule listedGuarantorFeeAboveOnePct() {
        return (institution, period, lines, previous) -> {
            GuaranteeListing listing = institution.govGuaranteeList();
            if (listing == null || listing.listedOn().isAfter(period.lastDay())) {
                return List.of();
            }
            Map<String, BigDecimal> totals = totals(lines);
            BigDecimal fee = totals.get(GUARANTEE_FEE_INCOME);
            BigDecimal amount = totals.get(GUARANTEE_NEW_AMOUNT);
            if (fee == null || amount == null || amount.signum() <= 0) {
                return List.of();
            }
            BigDecimal ratePct = fee.multiply(HUNDRED).divide(amount, MathContext.DECIMAL64);
            if (ratePct.compareTo(BigDecimal.ONE) <= 0) {
                return List.of();
            }
            return List.of(new ReportWarning(LISTED_FEE_ABOVE_CAP, pointer(lines, GUARANTEE_FEE_INCOME), "On the government guarantee list (batch "
                    + listing.batch() + ", " + listing.listedOn() + ") and charging " + ratePct.setScale(2, java.math.RoundingMode.HALF_UP)
                    .toPlainString() + "% (" + GUARANTEE_FEE_INCOME + " / " + GUARANTEE_NEW_AMOUNT + "), above 1%."));
        };
    }

    static InstitutionWarningRule privateLendingNewBusiness() {
        return (institution, period, lines, previous) -> {
            BigDecimal business = totals(lines).get(PRIVATE_LENDING_NEW_BUSINESS);
            if (business == null || business.signum() <= 0) {
                return List.of();
            }
            return List.of(new ReportWarning(NEW_PRIVATE_LENDING, pointer(lines, PRIVATE_LENDING_NEW_BUSINESS), PRIVATE_LENDING_NEW_BUSINESS
                    + " is " + business.toPlainString() + ": an institution being wound down (存量压降) takes no new business."));
        };
    }

    /** The institution's total of each item over its regions. */
    static Map<String, BigDecimal> totals(List<ReportLine> lines) {
        Map<String, BigDecimal> totals = new HashMap<>();
        lines.forEach(line -> totals.merge(line.item(), line.value(), BigDecimal::add));
        return totals;
    }

    private static String pointer(List<ReportLine> lines, String item) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).item().equals(item)) {
                return "/lines/" + i;
            }
        }
        return "/lines";
    }
}
