package io.cityfin.credit.demo;

import static io.cityfin.reporting.test.DemoDataChecks.COUNTIES;
import static io.cityfin.reporting.test.DemoDataChecks.byRegion;
import static io.cityfin.reporting.test.DemoDataChecks.decimals;
import static io.cityfin.reporting.test.DemoDataChecks.label;
import static io.cityfin.reporting.test.DemoDataChecks.percent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.cityfin.reporting.demo.DemoData.Institution;
import io.cityfin.reporting.demo.DemoData.Report;
import io.cityfin.reporting.demo.DemoData.Target;
import io.cityfin.reporting.test.DemoDataChecks;

/**
 * The credit demo data set ({@code demo/credit-demo.json}) against the source document and data-standard.md:
 * the document's figures are written out here as printed (or as the data standard derives them), never
 * read back from the data.
 */
class CreditDemoDataTest {

    private static final String SEP_2021 = "2021-09";
    private static final String DEC_2021 = "2021-12";
    private static final String SEP_2022 = "2022-09";

    private static final Set<String> INSTITUTION_TYPES = Set.of("POLICY_BANK", "STATE_OWNED_BANK", "JOINT_STOCK_BANK",
            "CITY_COMMERCIAL_BANK", "RURAL_COMMERCIAL_BANK", "VILLAGE_BANK", "POSTAL_SAVINGS_BANK", "FOREIGN_BANK", "OTHER");

    private static final String LOAN = "LOAN_BALANCE";
    private static final String RATE = "INCLUSIVE_SME_NEW_LOAN_RATE";
    private static final String RATE_AMOUNT = "INCLUSIVE_SME_NEW_LOAN_AMOUNT_YTD";
    private static final String BORROWERS = "INCLUSIVE_SME_BORROWERS";
    private static final String NPL = "NPL_BALANCE";

    /** The credit items of data-standard.md, "Credit reports". */
    private static final Set<String> ITEMS = Set.of("DEPOSIT_BALANCE", LOAN, "INDUSTRIAL_LOAN_BALANCE",
            "MANUFACTURING_MLT_LOAN_BALANCE", "INCLUSIVE_SME_LOAN_BALANCE", BORROWERS, RATE_AMOUNT, RATE,
            "GREEN_LOAN_BALANCE", "ECO_PRODUCT_LOAN_BALANCE", "TECH_LOAN_ISSUED_YTD", "IP_PLEDGE_LOAN_ISSUED_YTD",
            "RELIEF_SPECIAL_CREDIT_LINE_YTD", "RELIEF_CREDIT_LOAN_YTD", "RELIEF_RENEWAL_LOAN_YTD",
            "RELIEF_FEE_CONCESSION_YTD", NPL);

    /** Balances that may not exceed LOAN_BALANCE in the same region of one report (PART_EXCEEDS_TOTAL). */
    private static final List<String> PARTS_OF_LOANS = List.of("INDUSTRIAL_LOAN_BALANCE", "MANUFACTURING_MLT_LOAN_BALANCE",
            "INCLUSIVE_SME_LOAN_BALANCE", "GREEN_LOAN_BALANCE", "ECO_PRODUCT_LOAN_BALANCE", NPL);

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private static DemoDataChecks demo;

    @BeforeAll
    static void readTheDemoData() throws IOException {
        demo = DemoDataChecks.read("/demo/credit-demo.json");
    }

    @Test
    void cityTotalsOfSeptember2022AreTheDocumentsFiguresToTheFen() {
        demo.assertCityTotal(SEP_2022, "DEPOSIT_BALANCE", "316587000000.00", "各项存款余额3165.87亿元");
        demo.assertCityTotal(SEP_2022, LOAN, "292607000000.00", "各项贷款余额为2926.07亿元");
        demo.assertCityTotal(SEP_2022, "INDUSTRIAL_LOAN_BALANCE", "27111000000.00", "工业贷款余额达到271.11亿元");
        demo.assertCityTotal(SEP_2022, "INCLUSIVE_SME_LOAN_BALANCE", "47782000000.00", "普惠型小微贷款余额477.82亿元");
        demo.assertCityTotal(SEP_2022, BORROWERS, "79955", "贷款户数79955户");
        demo.assertCityTotal(SEP_2022, "ECO_PRODUCT_LOAN_BALANCE", "44350000000.00", "生态产品类贷款余额达443.5亿元");
        demo.assertCityTotal(SEP_2022, NPL, "3845000000.00", "不良贷款余额达到38.45亿元");
        demo.assertCityTotal(SEP_2022, "RELIEF_SPECIAL_CREDIT_LINE_YTD", "4933000000.00", "专项信贷额度49.33亿元");
        demo.assertCityTotal(SEP_2022, "RELIEF_CREDIT_LOAN_YTD", "5147000000.00", "提供信用贷款51.47亿元");
        demo.assertCityTotal(SEP_2022, "RELIEF_RENEWAL_LOAN_YTD", "4123000000.00", "提供续贷41.23亿元");
        demo.assertCityTotal(SEP_2022, "RELIEF_FEE_CONCESSION_YTD", "18799800.00", "实施减费让利1879.98万元");
        demo.assertCityTotal(SEP_2022, "IP_PLEDGE_LOAN_ISSUED_YTD", "474000000.00", "知识产权质押贷款累计发放4.74亿元");
        demo.assertCityTotal(SEP_2022, "TECH_LOAN_ISSUED_YTD", "727000000.00", "“科贷通”当年累计发放7.27亿元");
    }

    @Test
    void cityTotalsOfDecember2021AreTheYearStartTheDocumentImplies() {
        demo.assertCityTotal(DEC_2021, "DEPOSIT_BALANCE", "280243000000.00", "3165.87 − 较年初增加363.44");
        demo.assertCityTotal(DEC_2021, LOAN, "258765000000.00", "2926.07 − 较年初增加338.42");
        demo.assertCityTotal(DEC_2021, "INDUSTRIAL_LOAN_BALANCE", "22018000000.00", "271.11 − 较年初新增50.93");
        demo.assertCityTotal(DEC_2021, "INCLUSIVE_SME_LOAN_BALANCE", "39555000000.00", "477.82 / 1.208");
        demo.assertCityTotal(DEC_2021, BORROWERS, "65298", "79955 − 较年初增加14657");
        demo.assertCityTotal(DEC_2021, NPL, "3493327500.00", "1.35% (1.32 + 较年初减少0.03) of 2587.65亿");
    }

    @Test
    void ecoProductLoansOfSeptember2021AreTheBaseOfThe38PercentYearOnYear() {
        demo.assertCityTotal(SEP_2021, "ECO_PRODUCT_LOAN_BALANCE", "32138000000.00", "443.5 / 1.38");
    }

    @Test
    void depositAndLoanGrowthSinceYearStartAre1297And1308WhereTheDocumentPrinted912And1413() {
        BigDecimal deposits = demo.cityTotal(SEP_2022, "DEPOSIT_BALANCE");
        BigDecimal loans = demo.cityTotal(SEP_2022, LOAN);

        assertThat(deposits.subtract(demo.cityTotal(DEC_2021, "DEPOSIT_BALANCE"))).as("较年初增加363.44亿元")
                .isEqualByComparingTo("36344000000.00");
        assertThat(loans.subtract(demo.cityTotal(DEC_2021, LOAN))).as("较年初增加338.42亿元")
                .isEqualByComparingTo("33842000000.00");
        assertThat(growthSinceYearStart("DEPOSIT_BALANCE")).as("printed: 9.12%").isEqualByComparingTo("12.97");
        assertThat(growthSinceYearStart(LOAN)).as("printed: 14.13%").isEqualByComparingTo("13.08");
        assertThat(deposits.add(loans)).as("本外币存贷款余额6091.94亿元").isEqualByComparingTo("609194000000.00");
        assertThat(demo.cityTotal(DEC_2021, "DEPOSIT_BALANCE").add(demo.cityTotal(DEC_2021, LOAN))).as("首次突破6000亿元大关")
                .isLessThan(new BigDecimal("600000000000"));
    }

    @Test
    void industrialAndInclusiveSmeGrowthAreTheDocuments2313And208() {
        String industrial = "INDUSTRIAL_LOAN_BALANCE";

        assertThat(demo.cityTotal(SEP_2022, industrial).subtract(demo.cityTotal(DEC_2021, industrial)))
                .as("较年初新增50.93亿元").isEqualByComparingTo("5093000000.00");
        assertThat(growthSinceYearStart(industrial)).as("增长23.13%").isEqualByComparingTo("23.13");
        assertThat(growthSinceYearStart("INCLUSIVE_SME_LOAN_BALANCE")).as("较年初增长20.8%")
                .isEqualByComparingTo("20.80");
        assertThat(demo.cityTotal(SEP_2022, BORROWERS).subtract(demo.cityTotal(DEC_2021, BORROWERS))).as("较年初增加14657户")
                .isEqualByComparingTo("14657");
    }

    @Test
    void nplRatioIs131WhereTheDocumentPrinted132And135AtTheYearStart() {
        assertThat(percent(demo.cityTotal(SEP_2022, NPL), demo.cityTotal(SEP_2022, LOAN))).as("printed: 不良贷款率为1.32%")
                .isEqualByComparingTo("1.31");
        assertThat(percent(demo.cityTotal(DEC_2021, NPL), demo.cityTotal(DEC_2021, LOAN))).as("1.32 + 较年初减少0.03")
                .isEqualByComparingTo("1.35");
    }

    @Test
    void ecoProductLoansGrew38PercentYearOnYear() {
        BigDecimal now = demo.cityTotal(SEP_2022, "ECO_PRODUCT_LOAN_BALANCE");
        BigDecimal yearBefore = demo.cityTotal(SEP_2021, "ECO_PRODUCT_LOAN_BALANCE");

        assertThat(percent(now.subtract(yearBefore), yearBefore)).as("同比增长38%").isEqualByComparingTo("38.00");
    }

    @Test
    void newInclusiveSmeLoansAverage532PercentDown029PointsSinceTheYearStart() {
        BigDecimal september = averageRate(SEP_2022);
        BigDecimal december = averageRate(DEC_2021);

        assertThat(september.setScale(2, RoundingMode.HALF_UP)).as("平均利率为5.32%").isEqualByComparingTo("5.32");
        assertThat(december.setScale(2, RoundingMode.HALF_UP)).as("5.32 + 0.29").isEqualByComparingTo("5.61");
        assertThat(september.subtract(december).setScale(2, RoundingMode.HALF_UP)).as("较年初下降0.29个百分点")
                .isEqualByComparingTo("-0.29");
    }

    @Test
    void everyLineCarriesAKnownItemAndACountyLevelRegionNeverTheCity() {
        List<String> faults = demo.faults((report, line) -> !ITEMS.contains(line.item())
                || !COUNTIES.contains(line.region()));

        assertThat(faults).isEmpty();
    }

    @Test
    void amountsAreNonNegativeWithAtMostTwoDecimalsAndCountsAreWhole() {
        List<String> faults = demo.faults((report, line) -> !line.item().equals(RATE) && (line.value().signum() < 0
                || decimals(line.value()) > (line.item().equals(BORROWERS) ? 0 : 2)));

        assertThat(faults).isEmpty();
    }

    @Test
    void ratesLieBetween0And100WithAtMostFourDecimals() {
        List<String> faults = demo.faults((report, line) -> line.item().equals(RATE) && (line.value().signum() < 0
                || line.value().compareTo(HUNDRED) > 0 || decimals(line.value()) > 4));

        assertThat(faults).isEmpty();
    }

    @Test
    void noReportHasTheSameItemAndRegionTwice() {
        assertThat(demo.repeatedItemsAndRegions()).isEmpty();
    }

    @Test
    void noPartOfLoansExceedsTheLoanBalanceOfItsBankAndRegion() {
        assertThat(demo.partsAboveTotal(LOAN, PARTS_OF_LOANS)).isEmpty();
    }

    @Test
    void everyRateHasItsNewLoanAmountInTheSameRegion() {
        List<String> faults = new ArrayList<>();
        for (Report report : demo.reports()) {
            byRegion(report).forEach((region, items) -> {
                if (items.containsKey(RATE) && !items.containsKey(RATE_AMOUNT)) {
                    faults.add(label(report) + " " + region);
                }
            });
        }

        assertThat(faults).isEmpty();
    }

    @Test
    void everyCountyHasAtLeastThreeContributingBanksForEveryItemSoNoCountyFigureIsWithheld() {
        assertThat(demo.countyFiguresFromFewerThan(3)).isEmpty();
    }

    @Test
    void everyCountysNplRatioStaysBelowTwoPercentAndRisesLessThan030PointsSinceTheYearStart() {
        List<String> faults = new ArrayList<>();
        for (String county : COUNTIES) {
            BigDecimal yearStart = nplRatio(DEC_2021, county);
            BigDecimal now = nplRatio(SEP_2022, county);
            if (yearStart.compareTo(new BigDecimal("2.00")) >= 0 || now.compareTo(new BigDecimal("2.00")) >= 0
                    || now.subtract(yearStart).compareTo(new BigDecimal("0.30")) >= 0) {
                faults.add(county + ": " + yearStart + "% → " + now + "%");
            }
        }

        assertThat(faults).isEmpty();
    }

    @Test
    void yearToDateFiguresOfABankNeverFallLaterInTheSameYear() {
        assertThat(demo.yearToDateFalls(item -> item.endsWith("_YTD"))).isEmpty();
    }

    @Test
    void everyBankReportsOnceInEveryPeriodWithTheSameItems() {
        assertThat(demo.periods()).containsExactly(SEP_2021, DEC_2021, SEP_2022);
        assertThat(demo.reportingGaps(SEP_2021, DEC_2021, SEP_2022)).isEmpty();
    }

    @Test
    void institutionsHaveUniqueDemoCodesKnownTypesAndCountyLevelHomes() {
        assertThat(demo.institutions()).hasSizeBetween(25, 40);
        assertThat(demo.institutions()).extracting(Institution::code).allMatch(code -> code.contains("DEMO"));
        assertThat(demo.institutionFaults(INSTITUTION_TYPES, LocalDate.of(2021, 1, 1))).isEmpty();
    }

    @Test
    void everyReportComesFromARegisteredInstitutionActiveInItsPeriod() {
        assertThat(demo.reportsNotFromAnActiveInstitution()).isEmpty();
    }

    @Test
    void targetsOf2023AreThePlansCreditFigures() {
        assertThat(demo.targets()).containsOnlyKeys("2023");
        assertThat(demo.targets().get("2023")).extracting(Target::indicator, Target::kind).containsExactlyInAnyOrder(
                tuple("LOAN_INCREASE_YTD", "FLOW"),
                tuple("INDUSTRIAL_LOAN_BALANCE", "BALANCE"),
                tuple("GREEN_LOAN_BALANCE", "BALANCE"),
                tuple("ECO_PRODUCT_LOAN_BALANCE", "BALANCE"));
        assertThat(demo.target("2023", "LOAN_INCREASE_YTD")).as("新增贷款350亿元")
                .isEqualByComparingTo("35000000000");
        assertThat(demo.target("2023", "INDUSTRIAL_LOAN_BALANCE")).as("工业贷款余额达到350亿元")
                .isEqualByComparingTo("35000000000");
        assertThat(demo.target("2023", "GREEN_LOAN_BALANCE")).as("绿色贷款余额达到240亿元")
                .isEqualByComparingTo("24000000000");
        assertThat(demo.target("2023", "ECO_PRODUCT_LOAN_BALANCE")).as("生态产品权益类贷款金额达到500亿元")
                .isEqualByComparingTo("50000000000");
    }

    @Test
    void greenLoansStayBelowThe2023TargetSoItMeansSomething() {
        assertThat(demo.cityTotal(SEP_2022, "GREEN_LOAN_BALANCE"))
                .isBetween(new BigDecimal("15000000000"), new BigDecimal("20000000000"));
    }

    @Test
    void numbersAreWrittenAsPlainDecimalsNeverInExponentNotation() {
        assertThat(demo.numbersInExponentNotation("value")).isEmpty();
    }

    /** growthSinceYearStartPct of data-standard.md, rounded half-up to 2 decimals as published. */
    private static BigDecimal growthSinceYearStart(String item) {
        BigDecimal yearStart = demo.cityTotal(DEC_2021, item);
        return percent(demo.cityTotal(SEP_2022, item).subtract(yearStart), yearStart);
    }

    private static BigDecimal nplRatio(String period, String county) {
        return demo.countyTotal(period, county, NPL).multiply(HUNDRED)
                .divide(demo.countyTotal(period, county, LOAN), MathContext.DECIMAL64);
    }

    /** INCLUSIVE_SME_NEW_LOAN_AVG_RATE: Σ(rate × amount) / Σ amount over the lines that carry both, unrounded. */
    private static BigDecimal averageRate(String period) {
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal amounts = BigDecimal.ZERO;
        for (Report report : demo.reportsOf(period)) {
            for (Map<String, BigDecimal> items : byRegion(report).values()) {
                if (items.containsKey(RATE) && items.containsKey(RATE_AMOUNT)) {
                    weighted = weighted.add(items.get(RATE).multiply(items.get(RATE_AMOUNT)));
                    amounts = amounts.add(items.get(RATE_AMOUNT));
                }
            }
        }
        return weighted.divide(amounts, MathContext.DECIMAL128);
    }
}
