package io.cityfin.insurance.catalogue;

import static io.cityfin.reporting.catalogue.Kind.FLOW;
import static io.cityfin.reporting.catalogue.Kind.RATIO;
import static io.cityfin.reporting.catalogue.Kind.STOCK;
import static io.cityfin.reporting.catalogue.Unit.CNY;
import static io.cityfin.reporting.catalogue.Unit.HOUSEHOLD;
import static io.cityfin.reporting.catalogue.Unit.PERCENT;
import static io.cityfin.reporting.catalogue.Unit.PERSON;

import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cityfin.reporting.catalogue.Catalogue;
import io.cityfin.reporting.catalogue.Item;
import io.cityfin.reporting.indicator.DerivedIndicators;
import io.cityfin.reporting.indicator.Formula;
import io.cityfin.reporting.indicator.IndicatorDefinition;
import io.cityfin.reporting.report.ReportRule;
import io.cityfin.reporting.report.ReportRules;

/** Insurance reports as data-standard.md, "Insurance reports (insurers → insurance-service)", fixes them. */
@Configuration(proxyBeanMethods = false)
class InsuranceCatalogueConfiguration {

    static final String CLAIMS_EXCEED_COVER = "CLAIMS_EXCEED_COVER";

    @Bean
    Catalogue insuranceCatalogue() {
        return new Catalogue("insurance-service", List.of(
                new Item("PREMIUM_PC_YTD", "财产险保费收入（当年累计）", "Property and casualty premium income, year to date", CNY, FLOW, false, true),
                new Item("PREMIUM_LIFE_YTD", "人身险保费收入（当年累计）", "Life and health premium income, year to date", CNY, FLOW, false, true),
                new Item("CLAIMS_PAID_YTD", "赔付支出（当年累计）", "Claims paid, year to date", CNY, FLOW, false, true),
                new Item("AGRI_SUM_INSURED_YTD", "农业保险提供风险保障", "Agricultural insurance cover provided", CNY, FLOW, false, true),
                new Item("AGRI_CLAIMS_YTD", "农业保险赔付", "Agricultural insurance claims paid", CNY, FLOW, false, true),
                new Item("AGRI_HOUSEHOLDS_YTD", "农业保险惠及农户", "Farm households covered by agricultural insurance", HOUSEHOLD, FLOW, false, true),
                new Item("CRITICAL_ILLNESS_CLAIM_COUNT_YTD", "重特大疾病补充保险赔付人次", "Critical-illness supplementary insurance claims (persons)", PERSON, FLOW, false, true),
                new Item("CRITICAL_ILLNESS_CLAIM_AMOUNT_YTD", "重特大疾病补充保险赔付金额", "Critical-illness supplementary insurance claims paid", CNY, FLOW, false, true),
                new Item("MILLION_MEDICAL_INSURED", "“百万医疗”保障人数", "\"Million medical\" insured persons", PERSON, STOCK, false, true),
                new Item("MILLION_MEDICAL_SUM_INSURED", "“百万医疗”风险保障金额", "\"Million medical\" sum insured", CNY, STOCK, false, true),
                new Item("MILLION_MEDICAL_CLAIM_COUNT_YTD", "“百万医疗”赔付人次", "\"Million medical\" claims (persons)", PERSON, FLOW, false, true),
                new Item("MILLION_MEDICAL_CLAIM_AMOUNT_YTD", "“百万医疗”赔付金额", "\"Million medical\" claims paid", CNY, FLOW, false, true),
                new Item("LIABILITY_PREMIUM_YTD", "重点领域责任保险保费收入", "Key-sector liability insurance premium income", CNY, FLOW, false, true),
                new Item("LIABILITY_SUM_INSURED", "重点领域责任保险保险金额", "Key-sector liability insurance sum insured", CNY, STOCK, false, true),
                new Item("LIABILITY_CLAIMS_YTD", "重点领域责任保险赔付金额", "Key-sector liability insurance claims paid", CNY, FLOW, false, true),
                new Item("SME_SURETY_ENTERPRISES_YTD", "小微企业保证保险增信企业户数", "Small firms credit-enhanced by surety insurance", HOUSEHOLD, FLOW, false, true),
                new Item("SME_SURETY_CREDIT_AMOUNT_YTD", "小微企业保证保险增信金额", "Credit enhanced by small-firm surety insurance", CNY, FLOW, false, true),
                new Item("RELIEF_COVERAGE_YTD", "为遇困行业企业提供风险保障", "Cover provided to firms in distressed sectors", CNY, FLOW, false, true),
                new Item("RELIEF_FEE_WAIVER_YTD", "为遇困行业企业减免费用", "Fees waived for firms in distressed sectors", CNY, FLOW, false, true)),
                Set.of("PROPERTY_CASUALTY", "LIFE", "HEALTH", "AGRICULTURAL", "REINSURANCE", "OTHER"));
    }

    /** In one region, agricultural claims are not above the cover provided. */
    @Bean
    ReportRule claimsNotAboveCover() {
        return ReportRules.notAbove(Set.of("AGRI_CLAIMS_YTD"), "AGRI_SUM_INSURED_YTD", CLAIMS_EXCEED_COVER);
    }

    @Bean
    DerivedIndicators insuranceDerivedIndicators() {
        return new DerivedIndicators(List.of(
                new IndicatorDefinition("PREMIUM_TOTAL_YTD", "保费收入", "Premium income, year to date", CNY, FLOW,
                        Formula.sum("PREMIUM_PC_YTD", "PREMIUM_LIFE_YTD"), Set.of("PREMIUM_PC_YTD", "PREMIUM_LIFE_YTD")),
                new IndicatorDefinition("AGRI_LOSS_RATIO_PCT", "农业保险赔付率（赔付/保障）", "Agricultural insurance loss ratio (claims / cover)",
                        PERCENT, RATIO, Formula.percentOf("AGRI_CLAIMS_YTD", "AGRI_SUM_INSURED_YTD"),
                        Set.of("AGRI_CLAIMS_YTD", "AGRI_SUM_INSURED_YTD"))),
                List.of());
    }
}
