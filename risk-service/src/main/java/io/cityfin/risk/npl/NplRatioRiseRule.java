package io.cityfin.risk.npl;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.cityfin.common.indicator.api.model.IndicatorDto;
import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import io.cityfin.risk.alert.AlertRule;
import io.cityfin.risk.alert.Colour;
import io.cityfin.risk.alert.Finding;
import io.cityfin.risk.alert.RuleSettings;
import reactor.core.publisher.Mono;

/** NPL_RATIO_RISE: credit's NPL_RATIO {@code changeSinceYearStart} (percentage points) of each county-level region ≥ 0.30 / 0.50 / 1.00. */
final class NplRatioRiseRule implements AlertRule {

    static final String CODE = "NPL_RATIO_RISE";
    private static final List<Region> REGIONS = Region.counties();

    private final CreditNplRatios ratios;

    NplRatioRiseRule(CreditNplRatios ratios) {
        this.ratios = ratios;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String nameZh() {
        return "不良贷款率较年初上升";
    }

    @Override
    public String nameEn() {
        return "NPL ratio rising since the year start";
    }

    @Override
    public String subjectKind() {
        return "REGION";
    }

    @Override
    public RuleSettings defaults() {
        return new RuleSettings(true, Map.of(Colour.YELLOW, new BigDecimal("0.30"), Colour.ORANGE, new BigDecimal("0.50"), Colour.RED,
                new BigDecimal("1.00")), Map.of());
    }

    @Override
    public Mono<List<Finding>> evaluate(Period period, RuleSettings settings) {
        return ratios.findings(period, REGIONS, settings, "changeSinceYearStart", IndicatorDto::getChangeSinceYearStart);
    }
}
