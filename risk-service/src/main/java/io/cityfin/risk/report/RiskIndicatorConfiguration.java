package io.cityfin.risk.report;

import static io.cityfin.reporting.catalogue.Kind.FLOW;
import static io.cityfin.reporting.catalogue.Kind.RATIO;
import static io.cityfin.reporting.catalogue.Unit.CNY;
import static io.cityfin.reporting.catalogue.Unit.PERCENT;
import static io.cityfin.reporting.catalogue.Unit.TIMES;
import static io.cityfin.risk.report.RiskItems.BRIDGE_FUND_AMOUNT;
import static io.cityfin.risk.report.RiskItems.BRIDGE_FUND_ENTERPRISES;
import static io.cityfin.risk.report.RiskItems.BRIDGE_FUND_SIZE;
import static io.cityfin.risk.report.RiskItems.GUARANTEE_FEE_INCOME;
import static io.cityfin.risk.report.RiskItems.GUARANTEE_NET_ASSETS;
import static io.cityfin.risk.report.RiskItems.GUARANTEE_NEW_AMOUNT;
import static io.cityfin.risk.report.RiskItems.GUARANTEE_OUTSTANDING;
import static io.cityfin.risk.report.RiskItems.PRIVATE_LENDING_OUTSTANDING;

import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cityfin.reporting.indicator.DerivedIndicators;
import io.cityfin.reporting.indicator.Formula;
import io.cityfin.reporting.indicator.IndicatorDefinition;

/**
 * The indicators derived from risk's report lines (data-standard-2.md, "Risk indicators"); every submitted item is an
 * indicator too. A TIMES figure is rounded to 2 decimals half-up, and a RATIO's changes are in its own unit.
 */
@Configuration(proxyBeanMethods = false)
class RiskIndicatorConfiguration {

    @Bean
    DerivedIndicators riskDerivedIndicators() {
        return new DerivedIndicators(List.of(
                new IndicatorDefinition("GUARANTEE_LEVERAGE_MULTIPLE", "放大倍数", "Guarantee leverage multiple", TIMES, RATIO,
                        Formula.times(GUARANTEE_OUTSTANDING, GUARANTEE_NET_ASSETS), Set.of(GUARANTEE_OUTSTANDING, GUARANTEE_NET_ASSETS)),
                new IndicatorDefinition("GUARANTEE_AVG_FEE_RATE", "平均担保费率", "Average guarantee fee rate", PERCENT, RATIO,
                        Formula.percentOf(GUARANTEE_FEE_INCOME, GUARANTEE_NEW_AMOUNT), Set.of(GUARANTEE_FEE_INCOME, GUARANTEE_NEW_AMOUNT)),
                new IndicatorDefinition("BRIDGE_FUND_TURNOVER", "周转倍数", "Bridge fund turnover", TIMES, RATIO,
                        Formula.times(BRIDGE_FUND_AMOUNT, BRIDGE_FUND_SIZE), Set.of(BRIDGE_FUND_AMOUNT, BRIDGE_FUND_SIZE)),
                new IndicatorDefinition("BRIDGE_FUND_AVG_PER_ENTERPRISE", "户均帮扶金额", "Amount bridged per enterprise", CNY, RATIO,
                        Formula.perUnit(BRIDGE_FUND_AMOUNT, BRIDGE_FUND_ENTERPRISES), Set.of(BRIDGE_FUND_AMOUNT, BRIDGE_FUND_ENTERPRISES)),
                new IndicatorDefinition("PRIVATE_LENDING_DECREASE_YTD", "较年初下降", "Private-lending decrease since the year start", CNY, FLOW,
                        Formula.decreaseSinceYearStart(PRIVATE_LENDING_OUTSTANDING), Set.of(PRIVATE_LENDING_OUTSTANDING)),
                new IndicatorDefinition("PRIVATE_LENDING_REDUCTION_PCT", "压降", "Private-lending reduction since the year start", PERCENT, RATIO,
                        Formula.percentOf(Formula.decreaseSinceYearStart(PRIVATE_LENDING_OUTSTANDING),
                                Formula.itemAtYearStart(PRIVATE_LENDING_OUTSTANDING)), Set.of(PRIVATE_LENDING_OUTSTANDING))),
                List.of());
    }
}
