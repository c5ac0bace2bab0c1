package io.cityfin.capitalmarket.catalogue;

import static io.cityfin.reporting.catalogue.Kind.FLOW;
import static io.cityfin.reporting.catalogue.Kind.STOCK;
import static io.cityfin.reporting.catalogue.Unit.CNY;
import static io.cityfin.reporting.catalogue.Unit.COUNT;
import static io.cityfin.reporting.indicator.RecordRows.measured;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.cityfin.capitalmarket.financing.Issue;
import io.cityfin.capitalmarket.fund.Fund;
import io.cityfin.capitalmarket.fund.FundInvestment;
import io.cityfin.reporting.indicator.Formula;
import io.cityfin.reporting.indicator.IndicatorDefinition;
import io.cityfin.reporting.indicator.RecordIndicators;
import io.cityfin.reporting.indicator.RecordMeasure;
import io.cityfin.reporting.indicator.RecordRows;
import io.cityfin.reporting.institution.Institution;
import io.cityfin.reporting.institution.Institutions;
import io.cityfin.reporting.record.RecordService;

/**
 * The capital-market indicators of direct financing, private funds and securities institutions (data-standard-2.md,
 * "Capital-market indicators"), declared on the latest versions not withdrawn and evaluated at each period's last day D.
 */
@Configuration(proxyBeanMethods = false)
class FinancingIndicatorConfiguration {

    static final IndicatorDefinition DF_EXCHANGE_MARKET_YTD = measured("DF_EXCHANGE_MARKET_YTD", "交易所市场",
            "Direct financing on the exchange market, year to date", CNY, FLOW);
    static final IndicatorDefinition DF_INTERBANK_BOND_YTD = measured("DF_INTERBANK_BOND_YTD", "银行间债券市场",
            "Direct financing on the interbank bond market, year to date", CNY, FLOW);
    static final IndicatorDefinition DF_ENTERPRISE_BOND_YTD = measured("DF_ENTERPRISE_BOND_YTD", "企业债券",
            "Direct financing by enterprise bonds, year to date", CNY, FLOW);
    static final IndicatorDefinition DF_OTHER_YTD = measured("DF_OTHER_YTD", "其他融资", "Other direct financing, year to date", CNY, FLOW);
    static final IndicatorDefinition DF_PLATFORM_YTD = measured("DF_PLATFORM_YTD", "其中政府融资平台",
            "Direct financing by government financing platforms, year to date", CNY, FLOW);
    static final IndicatorDefinition DIRECT_FINANCING_YTD = new IndicatorDefinition("DIRECT_FINANCING_YTD", "直接融资规模",
            "Direct financing, year to date", CNY, FLOW,
            Formula.sum(DF_EXCHANGE_MARKET_YTD.code(), DF_INTERBANK_BOND_YTD.code(), DF_ENTERPRISE_BOND_YTD.code(), DF_OTHER_YTD.code()),
            Set.of(DF_EXCHANGE_MARKET_YTD.code(), DF_INTERBANK_BOND_YTD.code(), DF_ENTERPRISE_BOND_YTD.code(), DF_OTHER_YTD.code()));
    static final IndicatorDefinition PRIVATE_FUND_AMAC_COUNT = measured("PRIVATE_FUND_AMAC_COUNT", "已在中基协备案的基金",
            "Private funds filed with AMAC", COUNT, STOCK);
    static final IndicatorDefinition PRIVATE_FUND_INVESTMENT_YTD = measured("PRIVATE_FUND_INVESTMENT_YTD", "（备案基金）今年以来对外投资",
            "Investments by filed private funds, year to date", CNY, FLOW);
    static final IndicatorDefinition PRIVATE_FUND_LOCAL_INVESTMENT_YTD = measured("PRIVATE_FUND_LOCAL_INVESTMENT_YTD", "其中投向本市",
            "Investments by filed private funds in the city, year to date", CNY, FLOW);
    static final IndicatorDefinition SECURITIES_INSTITUTION_COUNT = measured("SECURITIES_INSTITUTION_COUNT", "证券机构主体",
            "Securities institutions", COUNT, STOCK);

    @Bean
    RecordIndicators financingIndicators(RecordService<Issue> issueRecords, RecordService<Fund> fundRecords,
                                         RecordService<FundInvestment> investmentRecords, Institutions institutions) {
        RecordRows<Issue> issues = RecordRows.of(issueRecords);
        RecordRows<Fund> funds = RecordRows.of(fundRecords);
        // Investments not withdrawn of funds not withdrawn (a withdrawn fund takes its investments out of every figure),
        // each read with its fund's version.
        RecordRows<Invested> investments = RecordRows.traced(() -> investmentRecords.activeViews()
                .filter(view -> view.parent() instanceof Fund)
                .map(view -> RecordRows.Traced.of(view, new Invested((Fund) view.parent(), view.content()))));
        RecordRows<Institution> registry = RecordRows.of(institutions);
        return RecordIndicators.of(
                        channel(issues, DF_EXCHANGE_MARKET_YTD, "EXCHANGE_MARKET"),
                        channel(issues, DF_INTERBANK_BOND_YTD, "INTERBANK_BOND"),
                        channel(issues, DF_ENTERPRISE_BOND_YTD, "ENTERPRISE_BOND"),
                        channel(issues, DF_OTHER_YTD, "OTHER").contributor(issue -> issue.issuer() == null ? null : issue.issuer().uscc()),
                        issues.sumInYear(DF_PLATFORM_YTD, Issue::issuedDay, Issue::amount).when(Issue::byPlatform).region(Issue::region),
                        funds.count(PRIVATE_FUND_AMAC_COUNT, (fund, day) -> fund.filedBy(day) && !fund.liquidatedBy(day)).region(Fund::region),
                        investments.measure(PRIVATE_FUND_INVESTMENT_YTD, Invested::byFiledFundInYear).region(invested -> invested.fund().region())
                                .contributor(invested -> invested.fund().amacCode()),
                        investments.measure(PRIVATE_FUND_LOCAL_INVESTMENT_YTD, Invested::byFiledFundInYear)
                                .when(invested -> invested.investment().local()).region(invested -> invested.investment().investeeRegion())
                                .contributor(invested -> invested.fund().amacCode()),
                        registry.count(SECURITIES_INSTITUTION_COUNT, Institution::isActiveOn).region(institution -> institution.region().code()))
                .with(DIRECT_FINANCING_YTD);
    }

    /** Σ amount of the issues of one channel dated in D's year, in the issue's region. */
    private static RecordMeasure<Issue> channel(RecordRows<Issue> issues, IndicatorDefinition definition, String channel) {
        return issues.sumInYear(definition, Issue::issuedDay, Issue::amount).when(issue -> channel.equals(issue.channel()))
                .region(Issue::region);
    }

    /** One investment of a fund, both not withdrawn. */
    record Invested(Fund fund, FundInvestment investment) {

        /** The amount when the investment is dated in D's year and the fund was filed with AMAC by D. */
        @Nullable BigDecimal byFiledFundInYear(LocalDate day) {
            return fund.filedBy(day) && RecordRows.inYear(investment.investedDay(), day) ? investment.amount() : null;
        }
    }
}
