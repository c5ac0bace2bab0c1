package io.cityfin.risk.report;

import java.math.BigDecimal;
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
 * PRIVATE_LENDING_NEW_BUSINESS: each private-lending institution whose report for the period has
 * PRIVATE_LENDING_NEW_BUSINESS_YTD above 0 (ORANGE only: no new business is expected while the stock is wound down).
 */
@Component
class PrivateLendingNewBusiness implements AlertRule {

    static final String CODE = "PRIVATE_LENDING_NEW_BUSINESS";

    private final TypeReports reports;

    PrivateLendingNewBusiness(TypeReports reports) {
        this.reports = reports;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String nameZh() {
        return "民间融资机构新增业务";
    }

    @Override
    public String nameEn() {
        return "New private-lending business";
    }

    @Override
    public String subjectKind() {
        return "INSTITUTION";
    }

    @Override
    public RuleSettings defaults() {
        return new RuleSettings(true, Map.of(Colour.ORANGE, BigDecimal.ZERO), Map.of());
    }

    @Override
    public Mono<List<Finding>> evaluate(Period period, RuleSettings settings) {
        return reports.of(RiskItems.PRIVATE_LENDING, period)
                .concatMap(reported -> Mono.justOrEmpty(finding(reported, settings)))
                .collectList();
    }

    private static Optional<Finding> finding(TypeReports.Reported reported, RuleSettings settings) {
        BigDecimal business = reported.total(RiskItems.PRIVATE_LENDING_NEW_BUSINESS);
        return settings.findingAbove(reported.institution().code(), reported.institution().name(), reported.institution().region().code(),
                business);
    }

    @Override
    public boolean affectedBy(ReportAccepted report) {
        return true;
    }
}
