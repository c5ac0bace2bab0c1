package io.cityfin.risk.plan;

import static io.cityfin.reporting.catalogue.Kind.RATIO;
import static io.cityfin.reporting.catalogue.Kind.STOCK;
import static io.cityfin.reporting.catalogue.Unit.CNY;
import static io.cityfin.reporting.catalogue.Unit.PERCENT;
import static io.cityfin.reporting.indicator.RecordRows.measured;

import java.util.Set;

import io.cityfin.reporting.indicator.Formula;
import io.cityfin.reporting.indicator.IndicatorDefinition;

/** The repayment plans' indicators (data-standard-2.md, "Risk indicators"), in the institution's region. */
public final class PlanIndicators {

    /** 累计兑付本金: Σ amountPaid with paidOn ≤ D (seeds 128, 130). */
    public static final IndicatorDefinition REPAID_CUM = measured("PRIVATE_LENDING_REPAID_CUM", "累计兑付本金",
            "Private lending: principal repaid, cumulative", CNY, STOCK);
    /** Σ principalTotal of the plans: only feeds REPAID_PCT, never served. */
    public static final IndicatorDefinition PRINCIPAL = measured("PRIVATE_LENDING_PLAN_PRINCIPAL", "兑付计划本金",
            "Private lending: principal of the repayment plans", CNY, STOCK);
    /** 累计兑付比例: REPAID_CUM / Σ principalTotal × 100 (seed 129). */
    public static final IndicatorDefinition REPAID_PCT = new IndicatorDefinition("PRIVATE_LENDING_REPAID_PCT", "累计兑付比例",
            "Private lending: share of the plans' principal repaid", PERCENT, RATIO, Formula.percentOf(REPAID_CUM.code(), PRINCIPAL.code()),
            Set.of(REPAID_CUM.code(), PRINCIPAL.code()));

    private PlanIndicators() {
    }
}
