package io.cityfin.risk.npl;

import java.math.BigDecimal;
import java.util.ArrayList;
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

/** NPL_RATIO_HIGH: credit's NPL_RATIO (%) of the city and of each county-level region ≥ 2.00 / 3.00 / 5.00. */
final class NplRatioHighRule implements AlertRule {

    static final String CODE = "NPL_RATIO_HIGH";
    private static final List<Region> REGIONS = regions();

    private final CreditNplRatios ratios;

    NplRatioHighRule(CreditNplRatios ratios) {
        this.ratios = ratios;
    }

    private static List<Region> regions() {
        List<Region> all = new ArrayList<>();
        all.add(Region.CITY);
        all.addAll(Region.counties());
        return List.copyOf(all);
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String nameZh() {
        return "不良贷款率偏高";
    }

    @Override
    public String nameEn() {
        return "NPL ratio high";
    }

    @Override
    public String subjectKind() {
        return "REGION";
    }

    @Override
    public RuleSettings defaults() {
        return new RuleSettings(true, Map.of(Colour.YELLOW, new BigDecimal("2.00"), Colour.ORANGE, new BigDecimal("3.00"), Colour.RED,
                new BigDecimal("5.00")), Map.of());
    }

    @Override
    public Mono<List<Finding>> evaluate(Period period, RuleSettings settings) {
        return ratios.findings(period, REGIONS, settings, "value", IndicatorDto::getValue);
    }
}
