package io.cityfin.insurance.demo;

import static io.cityfin.reporting.test.DemoDataChecks.COUNTIES;
import static io.cityfin.reporting.test.DemoDataChecks.decimals;
import static io.cityfin.reporting.test.DemoDataChecks.label;
import static io.cityfin.reporting.test.DemoDataChecks.percent;
import static io.cityfin.reporting.test.DemoDataChecks.totalsByItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.cityfin.reporting.demo.DemoData.Institution;
import io.cityfin.reporting.demo.DemoData.Line;
import io.cityfin.reporting.demo.DemoData.Report;
import io.cityfin.reporting.demo.DemoData.Target;
import io.cityfin.reporting.test.DemoDataChecks;
import io.cityfin.reporting.test.DemoDataChecks.ReportPair;

/**
 * The insurance demo data set ({@code demo/insurance-demo.json}) against the source document and data-standard.md:
 * the document's figures are written out here as printed (or as the data standard derives them), never read back
 * from the data.
 */
class InsuranceDemoDataTest {

    private static final String AUG_2021 = "2021-08";
    private static final String SEP_2021 = "2021-09";
    private static final String DEC_2021 = "2021-12";
    private static final String AUG_2022 = "2022-08";
    private static final String SEP_2022 = "2022-09";

    private static final Set<String> INSTITUTION_TYPES = Set.of("PROPERTY_CASUALTY", "LIFE", "HEALTH", "AGRICULTURAL",
            "REINSURANCE", "OTHER");

    /** Credit's demo codes are 91361000DEMO + a bank tag; insurance's carry INS after DEMO, so none can clash. */
    private static final String DEMO_CODE_PREFIX = "91361000DEMOINS";

    /** 新华人寿, the one insurer that has not reported 2022-09 (the document stops insurance's premiums at 8月末). */
    private static final String NOT_IN_SEPTEMBER_2022 = DEMO_CODE_PREFIX + "LI04";

    private static final String PREMIUM_PC = "PREMIUM_PC_YTD";
    private static final String PREMIUM_LIFE = "PREMIUM_LIFE_YTD";
    private static final String AGRI_SUM_INSURED = "AGRI_SUM_INSURED_YTD";
    private static final String AGRI_CLAIMS = "AGRI_CLAIMS_YTD";

    /** The insurance items of data-standard.md, "Insurance reports", with their kinds. */
    private static final Map<String, String> KIND_OF_ITEM = Map.ofEntries(
            Map.entry(PREMIUM_PC, "FLOW"),
            Map.entry(PREMIUM_LIFE, "FLOW"),
            Map.entry("CLAIMS_PAID_YTD", "FLOW"),
            Map.entry(AGRI_SUM_INSURED, "FLOW"),
            Map.entry(AGRI_CLAIMS, "FLOW"),
            Map.entry("AGRI_HOUSEHOLDS_YTD", "FLOW"),
            Map.entry("CRITICAL_ILLNESS_CLAIM_COUNT_YTD", "FLOW"),
            Map.entry("CRITICAL_ILLNESS_CLAIM_AMOUNT_YTD", "FLOW"),
            Map.entry("MILLION_MEDICAL_INSURED", "STOCK"),
            Map.entry("MILLION_MEDICAL_SUM_INSURED", "STOCK"),
            Map.entry("MILLION_MEDICAL_CLAIM_COUNT_YTD", "FLOW"),
            Map.entry("MILLION_MEDICAL_CLAIM_AMOUNT_YTD", "FLOW"),
            Map.entry("LIABILITY_PREMIUM_YTD", "FLOW"),
            Map.entry("LIABILITY_SUM_INSURED", "STOCK"),
            Map.entry("LIABILITY_CLAIMS_YTD", "FLOW"),
            Map.entry("SME_SURETY_ENTERPRISES_YTD", "FLOW"),
            Map.entry("SME_SURETY_CREDIT_AMOUNT_YTD", "FLOW"),
            Map.entry("RELIEF_COVERAGE_YTD", "FLOW"),
            Map.entry("RELIEF_FEE_WAIVER_YTD", "FLOW"));

    /** Items counted in households or persons: whole numbers. */
    private static final Set<String> COUNTS = Set.of("AGRI_HOUSEHOLDS_YTD", "CRITICAL_ILLNESS_CLAIM_COUNT_YTD",
            "MILLION_MEDICAL_INSURED", "MILLION_MEDICAL_CLAIM_COUNT_YTD", "SME_SURETY_ENTERPRISES_YTD");

    /** Lines of business only a property and casualty insurer writes. */
    private static final Set<String> PROPERTY_CASUALTY_ITEMS = Set.of(PREMIUM_PC, AGRI_SUM_INSURED, AGRI_CLAIMS,
            "AGRI_HOUSEHOLDS_YTD", "LIABILITY_PREMIUM_YTD", "LIABILITY_SUM_INSURED", "LIABILITY_CLAIMS_YTD",
            "SME_SURETY_ENTERPRISES_YTD", "SME_SURETY_CREDIT_AMOUNT_YTD");

    /** Lines of business only a life or health insurer writes here. */
    private static final Set<String> PERSONAL_ITEMS = Set.of(PREMIUM_LIFE, "CRITICAL_ILLNESS_CLAIM_COUNT_YTD",
            "CRITICAL_ILLNESS_CLAIM_AMOUNT_YTD", "MILLION_MEDICAL_INSURED", "MILLION_MEDICAL_SUM_INSURED",
            "MILLION_MEDICAL_CLAIM_COUNT_YTD", "MILLION_MEDICAL_CLAIM_AMOUNT_YTD");

    private static final Set<String> CHANNELS = Set.of("DEBT_PLAN", "EQUITY", "FUND", "OTHER");

    private static final BigDecimal WARNING_MOVE = new BigDecimal("0.30");

    private static DemoDataChecks demo;
    private static List<Investment> investments;

    @BeforeAll
    static void readTheDemoData() throws IOException {
        demo = DemoDataChecks.read("/demo/insurance-demo.json", "investments");
        investments = demo.records("investments", Investment.class);
    }

    @Test
    void premiumsOfAugust2022AreTheDocumentsFiguresToTheFen() {
        // 8月末，全市累计实现保费收入47.51亿元……其中，财险实现保费收入20.75亿元……人身险实现保费收入26.77亿元
        demo.assertCityTotal(AUG_2022, PREMIUM_PC, "2075000000.00", "财险实现保费收入20.75亿元");
        demo.assertCityTotal(AUG_2022, PREMIUM_LIFE, "2677000000.00", "人身险实现保费收入26.77亿元");
    }

    @Test
    void premiumTotalOfAugust2022Is4752MillionWhereTheDocumentPrinted4751() {
        BigDecimal total = premiumTotal(AUG_2022);

        assertThat(total).as("PREMIUM_TOTAL_YTD = 20.75 + 26.77亿; printed: 累计实现保费收入47.51亿元 (C7)")
                .isEqualByComparingTo("4752000000.00");
    }

    @Test
    void propertyAndLifePremiumsGrew2266And216PercentYearOnYear() {
        assertThat(yoy(PREMIUM_PC)).as("财险……同比增长22.66%").isEqualByComparingTo("22.66");
        assertThat(yoy(PREMIUM_LIFE)).as("人身险……同比增长2.16%").isEqualByComparingTo("2.16");
    }

    @Test
    void premiumTotalGrew1020PercentYearOnYearWhichTheDocumentPrintedAs102() {
        BigDecimal now = premiumTotal(AUG_2022);
        BigDecimal yearBefore = premiumTotal(AUG_2021);

        assertThat(percent(now.subtract(yearBefore), yearBefore)).as("保费收入……同比增长10.2% (C8)")
                .isEqualByComparingTo("10.20");
    }

    @Test
    void healthSupplementCoverOfAugust2022IsTheDocumentsFiguresToTheFen() {
        // 截至8月末，重特大疾病补充保险向47314人次赔付1.82亿元；“百万医疗”为11.54万人提供商业性医疗补充保险风险保障3505.11亿元，
        // 赔付2237人次金额1437.35万元。
        demo.assertCityTotal(AUG_2022, "CRITICAL_ILLNESS_CLAIM_COUNT_YTD", "47314", "重特大疾病补充保险向47314人次");
        demo.assertCityTotal(AUG_2022, "CRITICAL_ILLNESS_CLAIM_AMOUNT_YTD", "182000000.00", "赔付1.82亿元");
        demo.assertCityTotal(AUG_2022, "MILLION_MEDICAL_INSURED", "115400", "“百万医疗”为11.54万人");
        demo.assertCityTotal(AUG_2022, "MILLION_MEDICAL_SUM_INSURED", "350511000000.00", "风险保障3505.11亿元");
        demo.assertCityTotal(AUG_2022, "MILLION_MEDICAL_CLAIM_COUNT_YTD", "2237", "赔付2237人次");
        demo.assertCityTotal(AUG_2022, "MILLION_MEDICAL_CLAIM_AMOUNT_YTD", "14373500.00", "金额1437.35万元");
    }

    @Test
    void liabilityAndSuretyOfAugust2022AreTheDocumentsFiguresToTheFen() {
        // 截至8月末，全市重点领域责任保险保费收入0.31亿元，保险金额120.91亿元，赔付金额168.73万元，
        // 小微企业保证保险业务为623户小微企业增信9810.4万元。
        demo.assertCityTotal(AUG_2022, "LIABILITY_PREMIUM_YTD", "31000000.00", "重点领域责任保险保费收入0.31亿元");
        demo.assertCityTotal(AUG_2022, "LIABILITY_SUM_INSURED", "12091000000.00", "保险金额120.91亿元");
        demo.assertCityTotal(AUG_2022, "LIABILITY_CLAIMS_YTD", "1687300.00", "赔付金额168.73万元");
        demo.assertCityTotal(AUG_2022, "SME_SURETY_ENTERPRISES_YTD", "623", "为623户小微企业");
        demo.assertCityTotal(AUG_2022, "SME_SURETY_CREDIT_AMOUNT_YTD", "98104000.00", "增信9810.4万元");
    }

    @Test
    void agricultureOfSeptember2022IsTheDocumentsFirstNineMonthsToTheFen() {
        // 1-9月累计为全市农户提供保险保障208.76亿元，赔付1.23亿元，惠及农户28.67万户。
        demo.assertCityTotal(SEP_2022, AGRI_SUM_INSURED, "20876000000.00", "提供保险保障208.76亿元");
        demo.assertCityTotal(SEP_2022, AGRI_CLAIMS, "123000000.00", "赔付1.23亿元");
        demo.assertCityTotal(SEP_2022, "AGRI_HOUSEHOLDS_YTD", "286700", "惠及农户28.67万户");
    }

    @Test
    void reliefOfSeptember2022IsTheDocumentsFiguresToTheEndOfSeptember() {
        // 截至9月末……保险业为遇困行业企业提供各类风险保障金额11.55亿元，减免费用13.25万元。
        demo.assertCityTotal(SEP_2022, "RELIEF_COVERAGE_YTD", "1155000000.00", "提供各类风险保障金额11.55亿元");
        demo.assertCityTotal(SEP_2022, "RELIEF_FEE_WAIVER_YTD", "132500.00", "减免费用13.25万元");
    }

    @Test
    void premiumsOfSeptember2022AreIllustrativeAndAboveAugust() {
        assertThat(demo.cityTotal(SEP_2022, PREMIUM_PC)).isGreaterThan(demo.cityTotal(AUG_2022, PREMIUM_PC));
        assertThat(demo.cityTotal(SEP_2022, PREMIUM_LIFE)).isGreaterThan(demo.cityTotal(AUG_2022, PREMIUM_LIFE));
        assertThat(premiumTotal(SEP_2022)).as("stays below the 2023 plan's 60亿元 for a whole year")
                .isLessThan(new BigDecimal("6000000000"));
    }

    @Test
    void everyLineCarriesAKnownItemAndACountyLevelRegionNeverTheCity() {
        List<String> faults = demo.faults((report, line) -> !KIND_OF_ITEM.containsKey(line.item())
                || !COUNTIES.contains(line.region()));

        assertThat(faults).isEmpty();
    }

    @Test
    void amountsAreNonNegativeWithAtMostTwoDecimalsAndCountsAreWhole() {
        List<String> faults = demo.faults((report, line) -> line.value().signum() < 0
                || decimals(line.value()) > (COUNTS.contains(line.item()) ? 0 : 2));

        assertThat(faults).isEmpty();
    }

    @Test
    void noReportHasTheSameItemAndRegionTwice() {
        assertThat(demo.repeatedItemsAndRegions()).isEmpty();
    }

    @Test
    void agriculturalClaimsNeverExceedTheSumInsuredOfTheirInsurerAndRegion() {
        assertThat(demo.partsAboveTotal(AGRI_SUM_INSURED, List.of(AGRI_CLAIMS))).isEmpty();
    }

    @Test
    void everyCountyHasAtLeastThreeContributingInsurersForEveryItemSoNoCountyFigureIsWithheld() {
        assertThat(demo.countyFiguresFromFewerThan(3)).isEmpty();
    }

    @Test
    void yearToDateFiguresOfAnInsurerNeverFallLaterInTheSameYear() {
        assertThat(demo.yearToDateFalls(item -> "FLOW".equals(KIND_OF_ITEM.get(item)))).isEmpty();
    }

    @Test
    void noInsurersItemTotalMovesMoreThan30PercentFromOneMonthToTheNext() {
        List<ReportPair> pairs = demo.pairsOfOneInstitution((month, next) -> next.equals(month.plusMonths(1)));
        List<String> faults = new ArrayList<>();
        for (ReportPair pair : pairs) {
            Map<String, BigDecimal> nextTotals = totalsByItem(pair.later());
            totalsByItem(pair.earlier()).forEach((item, was) -> {
                BigDecimal now = nextTotals.get(item);
                if (now != null && was.signum() != 0
                        && now.subtract(was).abs().compareTo(was.abs().multiply(WARNING_MOVE)) > 0) {
                    faults.add(label(pair.later()) + " " + item + ": " + was + " → " + now);
                }
            });
        }

        assertThat(pairs).as("consecutive months compared (2021-08 → 09 for all, 2022-08 → 09 for all but 新华)")
                .hasSize(2 * demo.institutions().size() - 1);
        assertThat(faults).isEmpty();
    }

    @Test
    void everyInsurerReportsOnceInEveryPeriodWithTheSameItemsButXinhuaHasNotReportedSeptember2022() {
        assertThat(demo.periods()).containsExactly(AUG_2021, SEP_2021, DEC_2021, AUG_2022, SEP_2022);
        assertThat(demo.reportingGaps(AUG_2021, SEP_2021, DEC_2021, AUG_2022, SEP_2022)).containsExactly(
                NOT_IN_SEPTEMBER_2022 + " reports in [2021-08, 2021-09, 2021-12, 2022-08], not in [2021-08, 2021-09, 2021-12, 2022-08, 2022-09]");
    }

    @Test
    void september2022IsIncompleteByOneLifeInsurerAsTheDocumentStopsInsurancePremiumsAtAugustWhileAugustIsComplete() {
        // 8月末，全市累计实现保费收入47.51亿元 (1-8月) beside credit's 9月末: 2022-09 lacks one insurer, 2022-08 none
        Set<String> registered = demo.registry().keySet();
        Set<String> inAugust = Set.copyOf(demo.reportsOf(AUG_2022).stream().map(Report::institution).toList());
        Set<String> inSeptember = Set.copyOf(demo.reportsOf(SEP_2022).stream().map(Report::institution).toList());

        assertThat(inAugust).isEqualTo(registered);
        assertThat(registered).hasSize(17);
        assertThat(inSeptember).hasSize(16).doesNotContain(NOT_IN_SEPTEMBER_2022);
        assertThat(demo.registry().get(NOT_IN_SEPTEMBER_2022).name()).isEqualTo("新华人寿保险股份有限公司抚州中心支公司");
        assertThat(demo.registry().get(NOT_IN_SEPTEMBER_2022).type()).as("a life insurer: none of the document's 2022-09 figures is its")
                .isEqualTo("LIFE");
        assertThat(demo.reports()).filteredOn(report -> report.institution().equals(NOT_IN_SEPTEMBER_2022))
                .flatExtracting(Report::lines).extracting(Line::item).containsOnly(PREMIUM_LIFE, "CLAIMS_PAID_YTD");
    }

    @Test
    void reportsAreLoadedInTheOrderOfTheirPeriodsSoWarningsCompareWithTheMonthBefore() {
        List<String> inFileOrder = demo.reports().stream().map(Report::period).toList();

        assertThat(inFileOrder).isSorted();
    }

    @Test
    void eachInsurerWritesOnlyItsOwnKindOfBusiness() {
        Map<String, Institution> registry = demo.registry();

        List<String> faults = demo.faults((report, line) -> {
            String type = registry.get(report.institution()).type();
            return PROPERTY_CASUALTY_ITEMS.contains(line.item()) && !type.equals("PROPERTY_CASUALTY")
                    || PERSONAL_ITEMS.contains(line.item()) && !(type.equals("LIFE") || type.equals("HEALTH"));
        });

        assertThat(faults).isEmpty();
        assertThat(demo.reports()).allSatisfy(report -> assertThat(report.lines())
                .as(label(report) + " carries its premium and its claims")
                .extracting(Line::item)
                .contains("CLAIMS_PAID_YTD")
                .containsAnyOf(PREMIUM_PC, PREMIUM_LIFE));
    }

    @Test
    void institutionsHaveUniqueDemoCodesKnownTypesAndCountyLevelHomes() {
        assertThat(demo.institutions()).hasSizeBetween(15, 20);
        assertThat(demo.institutions()).extracting(Institution::code)
                .allMatch(code -> code.startsWith(DEMO_CODE_PREFIX));
        assertThat(demo.institutions()).extracting(Institution::type).contains("PROPERTY_CASUALTY", "LIFE");
        assertThat(demo.institutionFaults(INSTITUTION_TYPES, LocalDate.of(2021, 1, 1))).isEmpty();
    }

    @Test
    void everyReportComesFromARegisteredInstitutionActiveInItsPeriod() {
        assertThat(demo.reportsNotFromAnActiveInstitution()).isEmpty();
    }

    @Test
    void targetsOf2023AreThePlansInsuranceFigures() {
        assertThat(demo.targets()).containsOnlyKeys("2023");
        assertThat(demo.targets().get("2023")).extracting(Target::indicator, Target::kind).containsExactlyInAnyOrder(
                tuple("PREMIUM_TOTAL_YTD", "FLOW"),
                tuple("INSURANCE_FUNDS_INVESTED_YTD", "FLOW"));
        assertThat(demo.target("2023", "PREMIUM_TOTAL_YTD")).as("完成60亿元保费收入")
                .isEqualByComparingTo("6000000000");
        assertThat(demo.target("2023", "INSURANCE_FUNDS_INVESTED_YTD")).as("险资入抚5亿元")
                .isEqualByComparingTo("500000000");
    }

    @Test
    void investmentsOf2022SumTo131MillionFromAZeroBaseline() {
        BigDecimal in2022 = investments.stream()
                .filter(investment -> investment.date().getYear() == 2022)
                .map(Investment::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);

        assertThat(in2022).as("新增险资入抚资金1.31亿元").isEqualByComparingTo("131000000.00");
        assertThat(investments).as("险资入抚实现0的突破: nothing before 2022")
                .allMatch(investment -> investment.date().getYear() >= 2022);
        assertThat(investments).hasSizeBetween(2, 4);
    }

    @Test
    void everyInvestmentWouldBeAcceptedByTheRecordsRules() {
        Map<String, Institution> registry = demo.registry();
        LocalDate documentDate = LocalDate.of(2022, 9, 30);

        assertThat(investments).allSatisfy(investment -> {
            assertThat(investment.amount()).as(investment.project()).isPositive();
            assertThat(decimals(investment.amount())).as(investment.project()).isLessThanOrEqualTo(2);
            assertThat(investment.channel()).as(investment.project()).isIn(CHANNELS);
            assertThat(investment.region()).as(investment.project()).isIn(COUNTIES);
            assertThat(investment.project()).isNotBlank();
            assertThat(investment.date()).as(investment.project())
                    .isBetween(LocalDate.of(2022, 1, 1), documentDate);
            Institution insurer = registry.get(investment.institutionCode());
            assertThat(insurer).as(investment.project() + ": a registered insurer").isNotNull();
            assertThat(insurer.type()).isIn(INSTITUTION_TYPES);
            assertThat(insurer.activeFrom()).isBeforeOrEqualTo(investment.date());
            assertThat(insurer.activeTo() == null || !insurer.activeTo().isBefore(investment.date())).isTrue();
        });
    }

    @Test
    void numbersAreWrittenAsPlainDecimalsNeverInExponentNotation() {
        assertThat(demo.numbersInExponentNotation("value", "amount")).isEmpty();
    }

    /** PREMIUM_TOTAL_YTD of data-standard.md: PREMIUM_PC_YTD + PREMIUM_LIFE_YTD. */
    private static BigDecimal premiumTotal(String period) {
        return demo.cityTotal(period, PREMIUM_PC).add(demo.cityTotal(period, PREMIUM_LIFE));
    }

    /** yoyPct of data-standard.md for August 2022 against August 2021, rounded half-up to 2 decimals as published. */
    private static BigDecimal yoy(String item) {
        BigDecimal yearBefore = demo.cityTotal(AUG_2021, item);
        return percent(demo.cityTotal(AUG_2022, item).subtract(yearBefore), yearBefore);
    }

    record Investment(String institutionCode, String project, String region, BigDecimal amount, LocalDate date,
                      String channel) {
    }
}
