package io.cityfin.risk.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.cityfin.common.period.Period;
import io.cityfin.reporting.report.ReportAccepted;
import io.cityfin.risk.alert.AlertRule;
import io.cityfin.risk.alert.Colour;
import io.cityfin.risk.alert.Finding;
import io.cityfin.risk.alert.RuleSettings;
import reactor.core.publisher.Mono;

/**
 * GUARANTEE_LEVERAGE_HIGH: each financing-guarantee company with a report for the period whose outstanding guarantees
 * are at least 8 / 10 / 15 times its net assets (YELLOW / ORANGE / RED), the multiple rounded to 2 decimals half-up as
 * GUARANTEE_LEVERAGE_MULTIPLE is published. A company without net assets above 0 is not measured.
 */
@Component
class GuaranteeLeverageHigh implements AlertRule {

    static final String CODE = "GUARANTEE_LEVERAGE_HIGH";

    private final TypeReports reports;

    GuaranteeLeverageHigh(TypeReports reports) {
        this.reports = reports;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String nameZh() {
        return "融资担保放大倍数过高";
    }

    @Override
    public String nameEn() {
        return "Guarantee leverage high";
    }

    @Override
    public String subjectKind() {
        return "INSTITUTION";
    }

    @Override
    public RuleSettings defaults() {
        return new RuleSettings(true, Map.of(Colour.YELLOW, BigDecimal.valueOf(8), Colour.ORANGE, BigDecimal.TEN,
                Colour.RED, BigDecimal.valueOf(15)), Map.of());
    }

    @Override
    public Mono<List<Finding>> evaluate(Period period, RuleSettings settings) {
        return reports.of(RiskItems.FINANCING_GUARANTEE, period)
                .concatMap(reported -> Mono.justOrEmpty(finding(reported, settings)))
                .collectList();
    }

    private static Optional<Finding> finding(TypeReports.Reported reported, RuleSettings settings) {
        BigDecimal netAssets = reported.total(RiskItems.GUARANTEE_NET_ASSETS);
        if (netAssets.signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal multiple = reported.total(RiskItems.GUARANTEE_OUTSTANDING).divide(netAssets, MathContext.DECIMAL128)
                .setScale(2, RoundingMode.HALF_UP);
        return settings.findingAtLeast(reported.institution().code(), reported.institution().name(), reported.institution().region().code(),
                multiple);
    }

    @Override
    public boolean affectedBy(ReportAccepted report) {
        return true;
    }
}
