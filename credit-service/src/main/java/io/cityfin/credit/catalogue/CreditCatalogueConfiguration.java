package io.cityfin.credit.catalogue;

import static io.cityfin.reporting.catalogue.Kind.FLOW;
import static io.cityfin.reporting.catalogue.Kind.RATIO;
import static io.cityfin.reporting.catalogue.Kind.STOCK;
import static io.cityfin.reporting.catalogue.Unit.CNY;
import static io.cityfin.reporting.catalogue.Unit.HOUSEHOLD;
import static io.cityfin.reporting.catalogue.Unit.PERCENT;

import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cityfin.reporting.catalogue.Catalogue;
import io.cityfin.reporting.catalogue.Item;
import io.cityfin.reporting.report.ReportRule;
import io.cityfin.reporting.report.ReportRules;

/** Credit reports as data-standard.md, "Credit reports (banks → credit-service)", fixes them. */
@Configuration(proxyBeanMethods = false)
class CreditCatalogueConfiguration {

    static final String LOAN_BALANCE = "LOAN_BALANCE";
    static final String NEW_LOAN_RATE = "INCLUSIVE_SME_NEW_LOAN_RATE";
    static final String NEW_LOAN_AMOUNT = "INCLUSIVE_SME_NEW_LOAN_AMOUNT_YTD";

    @Bean
    Catalogue creditCatalogue() {
        return new Catalogue("credit-service", List.of(
                new Item("DEPOSIT_BALANCE", "各项存款余额（本外币）", "Deposit balance", CNY, STOCK, true, true),
                new Item(LOAN_BALANCE, "各项贷款余额（本外币）", "Loan balance", CNY, STOCK, true, true),
                new Item("INDUSTRIAL_LOAN_BALANCE", "工业贷款余额", "Industrial loan balance", CNY, STOCK, false, true),
                new Item("MANUFACTURING_MLT_LOAN_BALANCE", "制造业中长期贷款余额", "Manufacturing medium- and long-term loan balance", CNY, STOCK, false, true),
                new Item("INCLUSIVE_SME_LOAN_BALANCE", "普惠型小微企业贷款余额（剔除票据融资）", "Inclusive small and micro enterprise loan balance (excluding bills)", CNY, STOCK, false, true),
                new Item("INCLUSIVE_SME_BORROWERS", "普惠型小微企业贷款户数", "Inclusive small and micro enterprise borrowers", HOUSEHOLD, STOCK, false, true),
                new Item(NEW_LOAN_AMOUNT, "新发放普惠型小微企业贷款金额（当年累计）", "New inclusive small and micro enterprise loans, year to date", CNY, FLOW, false, true),
                new Item(NEW_LOAN_RATE, "新发放普惠型小微企业贷款加权平均利率（当年累计）", "Weighted average rate of new inclusive small and micro enterprise loans, year to date", PERCENT, RATIO, false, false),
                new Item("GREEN_LOAN_BALANCE", "绿色贷款余额", "Green loan balance", CNY, STOCK, false, true),
                new Item("ECO_PRODUCT_LOAN_BALANCE", "生态产品类贷款余额", "Ecological product loan balance", CNY, STOCK, false, true),
                new Item("TECH_LOAN_ISSUED_YTD", "科技贷款（科贷通等）当年累计发放", "Technology loans issued, year to date", CNY, FLOW, false, true),
                new Item("IP_PLEDGE_LOAN_ISSUED_YTD", "知识产权质押贷款当年累计发放", "Intellectual-property pledge loans issued, year to date", CNY, FLOW, false, true),
                new Item("RELIEF_SPECIAL_CREDIT_LINE_YTD", "遇困行业企业专项信贷额度", "Special credit lines for firms in distressed sectors", CNY, FLOW, false, true),
                new Item("RELIEF_CREDIT_LOAN_YTD", "遇困行业企业信用贷款", "Unsecured loans to firms in distressed sectors", CNY, FLOW, false, true),
                new Item("RELIEF_RENEWAL_LOAN_YTD", "遇困行业企业续贷", "Loan renewals for firms in distressed sectors", CNY, FLOW, false, true),
                new Item("RELIEF_FEE_CONCESSION_YTD", "减费让利", "Fee concessions", CNY, FLOW, false, true),
                new Item("NPL_BALANCE", "不良贷款余额", "Non-performing loan balance", CNY, STOCK, false, true)),
                Set.of("POLICY_BANK", "STATE_OWNED_BANK", "JOINT_STOCK_BANK", "CITY_COMMERCIAL_BANK", "RURAL_COMMERCIAL_BANK",
                        "VILLAGE_BANK", "POSTAL_SAVINGS_BANK", "FOREIGN_BANK", "OTHER"));
    }

    /** In one region, no part of the loan book above the loan balance (eco-product loans too, until a bank shows otherwise). */
    @Bean
    ReportRule partsNotAboveLoans() {
        return ReportRules.notAbove(Set.of("INDUSTRIAL_LOAN_BALANCE", "MANUFACTURING_MLT_LOAN_BALANCE", "INCLUSIVE_SME_LOAN_BALANCE",
                "GREEN_LOAN_BALANCE", "ECO_PRODUCT_LOAN_BALANCE", "NPL_BALANCE"), LOAN_BALANCE, ReportRules.PART_EXCEEDS_TOTAL);
    }

    @Bean
    ReportRule rateNeedsItsAmount() {
        return ReportRules.needsAmount(NEW_LOAN_RATE, NEW_LOAN_AMOUNT);
    }
}
