package io.cityfin.credit.catalogue;

import static io.cityfin.reporting.catalogue.Kind.FLOW;
import static io.cityfin.reporting.catalogue.Kind.RATIO;
import static io.cityfin.reporting.catalogue.Kind.STOCK;
import static io.cityfin.reporting.catalogue.Unit.CNY;
import static io.cityfin.reporting.catalogue.Unit.PERCENT;

import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cityfin.reporting.indicator.DerivedIndicators;
import io.cityfin.reporting.indicator.Formula;
import io.cityfin.reporting.indicator.IndicatorDefinition;
import io.cityfin.reporting.indicator.MapFigures;

/** The derived credit indicators of data-standard.md, computed from the banks' lines, never submitted. */
@Configuration(proxyBeanMethods = false)
class CreditIndicatorConfiguration {

    private static final String DEPOSITS = "DEPOSIT_BALANCE";
    private static final String LOANS = CreditCatalogueConfiguration.LOAN_BALANCE;
    private static final String INCLUSIVE = "INCLUSIVE_SME_LOAN_BALANCE";

    @Bean
    DerivedIndicators creditDerivedIndicators() {
        return new DerivedIndicators(List.of(
                new IndicatorDefinition("DEPOSIT_LOAN_TOTAL", "本外币存贷款余额", "Deposit and loan balance", CNY, STOCK,
                        Formula.sum(DEPOSITS, LOANS), Set.of(DEPOSITS, LOANS)),
                new IndicatorDefinition("DEPOSIT_INCREASE_YTD", "存款较年初增加", "Deposit increase since the year start", CNY, FLOW,
                        Formula.increaseSinceYearStart(DEPOSITS), Set.of(DEPOSITS)),
                new IndicatorDefinition("LOAN_INCREASE_YTD", "新增贷款（较年初）", "New loans since the year start", CNY, FLOW,
                        Formula.increaseSinceYearStart(LOANS), Set.of(LOANS)),
                new IndicatorDefinition("NPL_RATIO", "不良贷款率", "Non-performing loan ratio", PERCENT, RATIO,
                        Formula.percentOf("NPL_BALANCE", LOANS), Set.of("NPL_BALANCE", LOANS)),
                new IndicatorDefinition("INCLUSIVE_SME_NEW_LOAN_AVG_RATE", "新发放普惠小微贷款平均利率",
                        "Average rate of new inclusive small and micro enterprise loans", PERCENT, RATIO,
                        Formula.weightedAverage(CreditCatalogueConfiguration.NEW_LOAN_RATE, CreditCatalogueConfiguration.NEW_LOAN_AMOUNT),
                        Set.of(CreditCatalogueConfiguration.NEW_LOAN_RATE, CreditCatalogueConfiguration.NEW_LOAN_AMOUNT)),
                new IndicatorDefinition("INCLUSIVE_SME_GROWTH_GAP_PP", "普惠小微贷款增速高于各项贷款增速",
                        "Inclusive small and micro enterprise loan growth above total loan growth", PERCENT, RATIO,
                        Formula.growthGapPp(INCLUSIVE, LOANS), Set.of(INCLUSIVE, LOANS)),
                new IndicatorDefinition("GREEN_LOAN_SHARE_PCT", "绿色贷款占比", "Green loan share of loans", PERCENT, RATIO,
                        Formula.percentOf("GREEN_LOAN_BALANCE", LOANS), Set.of("GREEN_LOAN_BALANCE", LOANS))),
                List.of(new MapFigures.Weighting(CreditCatalogueConfiguration.NEW_LOAN_RATE, CreditCatalogueConfiguration.NEW_LOAN_AMOUNT)));
    }
}
