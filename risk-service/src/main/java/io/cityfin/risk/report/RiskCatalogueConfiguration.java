package io.cityfin.risk.report;

import static io.cityfin.reporting.catalogue.Kind.FLOW;
import static io.cityfin.reporting.catalogue.Kind.STOCK;
import static io.cityfin.reporting.catalogue.Unit.CNY;
import static io.cityfin.reporting.catalogue.Unit.HOUSEHOLD;
import static io.cityfin.risk.report.RiskItems.BRIDGE_FUND;
import static io.cityfin.risk.report.RiskItems.BRIDGE_FUND_AMOUNT;
import static io.cityfin.risk.report.RiskItems.BRIDGE_FUND_ENTERPRISES;
import static io.cityfin.risk.report.RiskItems.BRIDGE_FUND_FEE_SAVING;
import static io.cityfin.risk.report.RiskItems.BRIDGE_FUND_SIZE;
import static io.cityfin.risk.report.RiskItems.FINANCING_GUARANTEE;
import static io.cityfin.risk.report.RiskItems.GUARANTEE_ENTERPRISES;
import static io.cityfin.risk.report.RiskItems.GUARANTEE_FEE_INCOME;
import static io.cityfin.risk.report.RiskItems.GUARANTEE_FEE_WAIVER;
import static io.cityfin.risk.report.RiskItems.GUARANTEE_NET_ASSETS;
import static io.cityfin.risk.report.RiskItems.GUARANTEE_NEW_AMOUNT;
import static io.cityfin.risk.report.RiskItems.GUARANTEE_OUTSTANDING;
import static io.cityfin.risk.report.RiskItems.PRIVATE_LENDING;
import static io.cityfin.risk.report.RiskItems.PRIVATE_LENDING_NEW_BUSINESS;
import static io.cityfin.risk.report.RiskItems.PRIVATE_LENDING_OUTSTANDING;

import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cityfin.reporting.catalogue.Catalogue;
import io.cityfin.reporting.catalogue.CatalogueSection;
import io.cityfin.reporting.catalogue.Item;
import io.cityfin.reporting.report.InstitutionWarningRule;
import io.cityfin.reporting.report.ReportRule;
import io.cityfin.reporting.report.ReportRules;

/**
 * The registry's institution types (the six kinds of local financial organisation and the bridge funds) and the three
 * catalogues the type picks (data-standard-2.md, "Guarantee-industry, bridge-fund and private-lending reports"): the
 * items, the sections' own refusals and the warnings that see the institution's registry entry. SMALL_LOAN, PAWN,
 * FINANCIAL_LEASING and COMMERCIAL_FACTORING report nothing.
 */
@Configuration(proxyBeanMethods = false)
class RiskCatalogueConfiguration {

    static final String FEE_WITHOUT_NEW_AMOUNT = "GUARANTEE_FEE_WITHOUT_NEW_AMOUNT";
    static final String FEE_SAVING_EXCEEDS_AMOUNT = "BRIDGE_FEE_SAVING_EXCEEDS_AMOUNT";
    static final String AMOUNT_WITHOUT_ENTERPRISES = "BRIDGE_AMOUNT_WITHOUT_ENTERPRISES";

    @Bean
    Catalogue riskCatalogue() {
        return new Catalogue("risk-service", List.of(
                new Item(GUARANTEE_OUTSTANDING, "在保余额", "Outstanding guarantees", CNY, STOCK, false, true),
                new Item(GUARANTEE_NET_ASSETS, "净资产", "Net assets", CNY, STOCK, false, true),
                new Item(GUARANTEE_NEW_AMOUNT, "新增担保金额（当年累计）", "New guarantees, year to date", CNY, FLOW, false, true),
                new Item(GUARANTEE_FEE_INCOME, "上述新增业务担保费收入（按年化计）", "Guarantee fee income on the new guarantees (annualised), year to date",
                        CNY, FLOW, false, true),
                new Item(GUARANTEE_ENTERPRISES, "累计帮扶企业（自开业；各公司户数相加）", "Enterprises served since opening", HOUSEHOLD, STOCK,
                        false, true, true),
                new Item(GUARANTEE_FEE_WAIVER, "累计减免担保费用（自开业）", "Guarantee fees waived since opening", CNY, STOCK, false, true, true),
                new Item(BRIDGE_FUND_SIZE, "倒贷基金规模（到位资金）", "Bridge fund size (paid-in)", CNY, STOCK, false, true),
                new Item(BRIDGE_FUND_ENTERPRISES, "累计帮扶企业（自设立）", "Enterprises bridged since inception", HOUSEHOLD, STOCK, false, true, true),
                new Item(BRIDGE_FUND_AMOUNT, "累计帮扶（倒贷）金额", "Amount bridged since inception", CNY, STOCK, false, true, true),
                new Item(BRIDGE_FUND_FEE_SAVING, "累计减免过桥费用（市场过桥成本 − 实收费用，按基金规则）", "Bridging fees saved since inception", CNY, STOCK,
                        false, true, true),
                new Item(PRIVATE_LENDING_OUTSTANDING, "民间融资机构业务存量规模", "Private-lending business outstanding", CNY, STOCK, false, true),
                new Item(PRIVATE_LENDING_NEW_BUSINESS, "新增业务（当年累计）", "New private-lending business, year to date", CNY, FLOW, false, true)),
                Set.of("SMALL_LOAN", FINANCING_GUARANTEE, "PAWN", "FINANCIAL_LEASING", "COMMERCIAL_FACTORING", PRIVATE_LENDING, BRIDGE_FUND),
                List.of(new CatalogueSection(FINANCING_GUARANTEE, Set.of(FINANCING_GUARANTEE), List.of(GUARANTEE_OUTSTANDING, GUARANTEE_NET_ASSETS,
                                GUARANTEE_NEW_AMOUNT, GUARANTEE_FEE_INCOME, GUARANTEE_ENTERPRISES, GUARANTEE_FEE_WAIVER)),
                        new CatalogueSection(BRIDGE_FUND, Set.of(BRIDGE_FUND), List.of(BRIDGE_FUND_SIZE, BRIDGE_FUND_ENTERPRISES,
                                BRIDGE_FUND_AMOUNT, BRIDGE_FUND_FEE_SAVING)),
                        new CatalogueSection(PRIVATE_LENDING, Set.of(PRIVATE_LENDING), List.of(PRIVATE_LENDING_OUTSTANDING,
                                PRIVATE_LENDING_NEW_BUSINESS))));
    }

    /** Fee income on new guarantees needs new guarantees (in the same region). */
    @Bean
    ReportRule guaranteeFeeNeedsNewAmount() {
        return ReportRules.needsPositive(GUARANTEE_FEE_INCOME, GUARANTEE_NEW_AMOUNT, FEE_WITHOUT_NEW_AMOUNT);
    }

    /** The bridging fees saved are part of the amount bridged. */
    @Bean
    ReportRule bridgeFeeSavingNotAboveAmount() {
        return ReportRules.notAbove(Set.of(BRIDGE_FUND_FEE_SAVING), BRIDGE_FUND_AMOUNT, FEE_SAVING_EXCEEDS_AMOUNT);
    }

    /** An amount bridged was bridged for some enterprises. */
    @Bean
    ReportRule bridgeAmountNeedsEnterprises() {
        return ReportRules.needsPositive(BRIDGE_FUND_AMOUNT, BRIDGE_FUND_ENTERPRISES, AMOUNT_WITHOUT_ENTERPRISES);
    }

    @Bean
    InstitutionWarningRule leverageAboveCapWarning() {
        return RiskWarningRules.leverageAboveCap();
    }

    @Bean
    InstitutionWarningRule listedGuarantorFeeWarning() {
        return RiskWarningRules.listedGuarantorFeeAboveOnePct();
    }

    @Bean
    InstitutionWarningRule newPrivateLendingBusinessWarning() {
        return RiskWarningRules.privateLendingNewBusiness();
    }
}
