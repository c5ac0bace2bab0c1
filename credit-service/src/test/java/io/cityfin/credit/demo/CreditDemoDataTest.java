package io.cityfin.credit.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The credit demo data set ({@code demo/credit-demo.json}) against the source document and data-standard.md:
 * the document's figures are written out here as printed (or as the data standard derives them), never
 * read back from the data.
 */
class CreditDemoDataTest {

    private static final String RESOURCE = "/demo/credit-demo.json";

    private static final String SEP_2021 = "2021-09";
    private static final String DEC_2021 = "2021-12";
    private static final String SEP_2022 = "2022-09";

    /** The county-level regions of data-standard.md "Regions"; 361000 (the city) never appears on a line. */
    private static final List<String> COUNTIES = List.of("361002", "361003", "361021", "361022", "361023", "361024",
            "361025", "361026", "361027", "361028", "361030", "361090");

    private static final Set<String> INSTITUTION_TYPES = Set.of("POLICY_BANK", "STATE_OWNED_BANK", "JOINT_STOCK_BANK",
            "CITY_COMMERCIAL_BANK", "RURAL_COMMERCIAL_BANK", "VILLAGE_BANK", "POSTAL_SAVINGS_BANK", "FOREIGN_BANK", "OTHER");

    private static final Pattern INSTITUTION_CODE = Pattern.compile("^[0-9A-Z]{4,32}$");

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

    private static CreditDemo demo;

    @BeforeAll
    static void readTheDemoData() throws IOException {
        JsonMapper json = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        try (InputStream in = CreditDemoDataTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE + " on the classpath").isNotNull();
            demo = json.readValue(in, CreditDemo.class);
        }
    }

    @Test
    void cityTotalsOfSeptember2022AreTheDocumentsFiguresToTheFen() {
        assertCityTotal(SEP_2022, "DEPOSIT_BALANCE", "316587000000.00", "各项存款余额3165.87亿元");
        assertCityTotal(SEP_2022, LOAN, "292607000000.00", "各项贷款余额为2926.07亿元");
        assertCityTotal(SEP_2022, "INDUSTRIAL_LOAN_BALANCE", "27111000000.00", "工业贷款余额达到271.11亿元");
        assertCityTotal(SEP_2022, "INCLUSIVE_SME_LOAN_BALANCE", "47782000000.00", "普惠型小微贷款余额477.82亿元");
        assertCityTotal(SEP_2022, BORROWERS, "79955", "贷款户数79955户");
        assertCityTotal(SEP_2022, "ECO_PRODUCT_LOAN_BALANCE", "44350000000.00", "生态产品类贷款余额达443.5亿元");
        assertCityTotal(SEP_2022, NPL, "3845000000.00", "不良贷款余额达到38.45亿元");
        assertCityTotal(SEP_2022, "RELIEF_SPECIAL_CREDIT_LINE_YTD", "4933000000.00", "专项信贷额度49.33亿元");
        assertCityTotal(SEP_2022, "RELIEF_CREDIT_LOAN_YTD", "5147000000.00", "提供信用贷款51.47亿元");
        assertCityTotal(SEP_2022, "RELIEF_RENEWAL_LOAN_YTD", "4123000000.00", "提供续贷41.23亿元");
        assertCityTotal(SEP_2022, "RELIEF_FEE_CONCESSION_YTD", "18799800.00", "实施减费让利1879.98万元");
        assertCityTotal(SEP_2022, "IP_PLEDGE_LOAN_ISSUED_YTD", "474000000.00", "知识产权质押贷款累计发放4.74亿元");
        assertCityTotal(SEP_2022, "TECH_LOAN_ISSUED_YTD", "727000000.00", "“科贷通”当年累计发放7.27亿元");
    }

    @Test
    void cityTotalsOfDecember2021AreTheYearStartTheDocumentImplies() {
        assertCityTotal(DEC_2021, "DEPOSIT_BALANCE", "280243000000.00", "3165.87 − 较年初增加363.44");
        assertCityTotal(DEC_2021, LOAN, "258765000000.00", "2926.07 − 较年初增加338.42");
        assertCityTotal(DEC_2021, "INDUSTRIAL_LOAN_BALANCE", "22018000000.00", "271.11 − 较年初新增50.93");
        assertCityTotal(DEC_2021, "INCLUSIVE_SME_LOAN_BALANCE", "39555000000.00", "477.82 / 1.208");
        assertCityTotal(DEC_2021, BORROWERS, "65298", "79955 − 较年初增加14657");
        assertCityTotal(DEC_2021, NPL, "3493327500.00", "1.35% (1.32 + 较年初减少0.03) of 2587.65亿");
    }

    @Test
    void ecoProductLoansOfSeptember2021AreTheBaseOfThe38PercentYearOnYear() {
        assertCityTotal(SEP_2021, "ECO_PRODUCT_LOAN_BALANCE", "32138000000.00", "443.5 / 1.38");
    }

    @Test
    void depositAndLoanGrowthSinceYearStartAre1297And1308WhereTheDocumentPrinted912And1413() {
        BigDecimal deposits = cityTotal(SEP_2022, "DEPOSIT_BALANCE");
        BigDecimal loans = cityTotal(SEP_2022, LOAN);

        assertThat(deposits.subtract(cityTotal(DEC_2021, "DEPOSIT_BALANCE"))).as("较年初增加363.44亿元")
                .isEqualByComparingTo("36344000000.00");
        assertThat(loans.subtract(cityTotal(DEC_2021, LOAN))).as("较年初增加338.42亿元")
                .isEqualByComparingTo("33842000000.00");
        assertThat(growthSinceYearStart("DEPOSIT_BALANCE")).as("printed: 9.12%").isEqualByComparingTo("12.97");
        assertThat(growthSinceYearStart(LOAN)).as("printed: 14.13%").isEqualByComparingTo("13.08");
        assertThat(deposits.add(loans)).as("本外币存贷款余额6091.94亿元").isEqualByComparingTo("609194000000.00");
        assertThat(cityTotal(DEC_2021, "DEPOSIT_BALANCE").add(cityTotal(DEC_2021, LOAN))).as("首次突破6000亿元大关")
                .isLessThan(new BigDecimal("600000000000"));
    }

    @Test
    void industrialAndInclusiveSmeGrowthAreTheDocuments2313And208() {
        String industrial = "INDUSTRIAL_LOAN_BALANCE";

        assertThat(cityTotal(SEP_2022, industrial).subtract(cityTotal(DEC_2021, industrial)))
                .as("较年初新增50.93亿元").isEqualByComparingTo("5093000000.00");
        assertThat(growthSinceYearStart(industrial)).as("增长23.13%").isEqualByComparingTo("23.13");
        assertThat(growthSinceYearStart("INCLUSIVE_SME_LOAN_BALANCE")).as("较年初增长20.8%")
                .isEqualByComparingTo("20.80");
        assertThat(cityTotal(SEP_2022, BORROWERS).subtract(cityTotal(DEC_2021, BORROWERS))).as("较年初增加14657户")
                .isEqualByComparingTo("14657");
    }

    @Test
    void nplRatioIs131WhereTheDocumentPrinted132And135AtTheYearStart() {
        assertThat(percent(cityTotal(SEP_2022, NPL), cityTotal(SEP_2022, LOAN))).as("printed: 不良贷款率为1.32%")
                .isEqualByComparingTo("1.31");
        assertThat(percent(cityTotal(DEC_2021, NPL), cityTotal(DEC_2021, LOAN))).as("1.32 + 较年初减少0.03")
                .isEqualByComparingTo("1.35");
    }

    @Test
    void ecoProductLoansGrew38PercentYearOnYear() {
        BigDecimal now = cityTotal(SEP_2022, "ECO_PRODUCT_LOAN_BALANCE");
        BigDecimal yearBefore = cityTotal(SEP_2021, "ECO_PRODUCT_LOAN_BALANCE");

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
        List<String> faults = faults((report, line) -> !ITEMS.contains(line.item()) || !COUNTIES.contains(line.region()));

        assertThat(faults).isEmpty();
    }

    @Test
    void amountsAreNonNegativeWithAtMostTwoDecimalsAndCountsAreWhole() {
        List<String> faults = faults((report, line) -> !line.item().equals(RATE) && (line.value().signum() < 0
                || decimals(line.value()) > (line.item().equals(BORROWERS) ? 0 : 2)));

        assertThat(faults).isEmpty();
    }

    @Test
    void ratesLieBetween0And100WithAtMostFourDecimals() {
        List<String> faults = faults((report, line) -> line.item().equals(RATE) && (line.value().signum() < 0
                || line.value().compareTo(HUNDRED) > 0 || decimals(line.value()) > 4));

        assertThat(faults).isEmpty();
    }

    @Test
    void noReportHasTheSameItemAndRegionTwice() {
        List<String> faults = new ArrayList<>();
        for (Report report : demo.reports()) {
            Set<String> seen = new HashSet<>();
            report.lines().stream()
                    .filter(line -> !seen.add(line.item() + "@" + line.region()))
                    .forEach(line -> faults.add(report + " repeats " + line));
        }

        assertThat(faults).isEmpty();
    }

    @Test
    void noPartOfLoansExceedsTheLoanBalanceOfItsBankAndRegion() {
        List<String> faults = new ArrayList<>();
        for (Report report : demo.reports()) {
            Map<String, Map<String, BigDecimal>> byRegion = byRegion(report);
            byRegion.forEach((region, items) -> PARTS_OF_LOANS.stream()
                    .filter(items::containsKey)
                    .filter(part -> items.getOrDefault(LOAN, BigDecimal.ZERO).compareTo(items.get(part)) < 0)
                    .forEach(part -> faults.add(report + " " + region + ": " + part + " above " + LOAN)));
        }

        assertThat(faults).isEmpty();
    }

    @Test
    void everyRateHasItsNewLoanAmountInTheSameRegion() {
        List<String> faults = new ArrayList<>();
        for (Report report : demo.reports()) {
            byRegion(report).forEach((region, items) -> {
                if (items.containsKey(RATE) && !items.containsKey(RATE_AMOUNT)) {
                    faults.add(report + " " + region);
                }
            });
        }

        assertThat(faults).isEmpty();
    }

    @Test
    void everyCountyHasAtLeastThreeContributingBanksForEveryItemSoNoCountyFigureIsWithheld() {
        List<String> faults = new ArrayList<>();
        for (String period : periods()) {
            Set<String> itemsOfPeriod = reportsOf(period).stream()
                    .flatMap(report -> report.lines().stream())
                    .map(Line::item)
                    .collect(Collectors.toSet());
            for (String item : itemsOfPeriod) {
                for (String county : COUNTIES) {
                    long banks = reportsOf(period).stream()
                            .filter(report -> report.lines().stream().anyMatch(line -> line.item().equals(item)
                                    && line.region().equals(county) && line.value().signum() > 0))
                            .count();
                    if (banks < 3) {
                        faults.add(period + " " + county + " " + item + ": " + banks + " bank(s)");
                    }
                }
            }
        }

        assertThat(faults).isEmpty();
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
        List<String> faults = new ArrayList<>();
        for (Report report : demo.reports()) {
            for (Report later : demo.reports()) {
                if (later.institution().equals(report.institution()) && later.month().getYear() == report.month().getYear()
                        && later.month().isAfter(report.month())) {
                    totalsByItem(report).forEach((item, value) -> {
                        BigDecimal laterValue = totalsByItem(later).getOrDefault(item, BigDecimal.ZERO);
                        if (item.endsWith("_YTD") && laterValue.compareTo(value) < 0) {
                            faults.add(later + " " + item + " below " + report.period());
                        }
                    });
                }
            }
        }

        assertThat(faults).isEmpty();
    }

    @Test
    void everyBankReportsOnceInEveryPeriodWithTheSameItems() {
        Map<String, Map<String, Set<String>>> itemsByBankAndPeriod = new TreeMap<>();
        for (Report report : demo.reports()) {
            Set<String> items = report.lines().stream()
                    .map(line -> line.item() + "@" + line.region())
                    .collect(Collectors.toSet());
            Map<String, Set<String>> byPeriod =
                    itemsByBankAndPeriod.computeIfAbsent(report.institution(), code -> new TreeMap<>());
            assertThat(byPeriod.put(report.period(), items)).as(report + " twice").isNull();
        }

        assertThat(periods()).containsExactly(SEP_2021, DEC_2021, SEP_2022);
        assertThat(itemsByBankAndPeriod).hasSameSizeAs(demo.institutions());
        itemsByBankAndPeriod.forEach((code, byPeriod) -> {
            assertThat(byPeriod.keySet()).as(code).containsExactly(SEP_2021, DEC_2021, SEP_2022);
            assertThat(Set.copyOf(byPeriod.values())).as(code + " reports the same items in every period").hasSize(1);
        });
    }

    @Test
    void institutionsHaveUniqueDemoCodesKnownTypesAndCountyLevelHomes() {
        assertThat(demo.institutions()).hasSizeBetween(25, 40);
        assertThat(demo.institutions()).extracting(Institution::code).doesNotHaveDuplicates()
                .allMatch(code -> INSTITUTION_CODE.matcher(code).matches())
                .allMatch(code -> code.contains("DEMO"));
        assertThat(demo.institutions()).extracting(Institution::type).allMatch(INSTITUTION_TYPES::contains);
        assertThat(demo.institutions()).extracting(Institution::region).allMatch(COUNTIES::contains);
        assertThat(demo.institutions()).allSatisfy(institution -> {
            assertThat(institution.name()).isNotBlank();
            assertThat(institution.activeFrom()).isBefore(LocalDate.of(2021, 1, 1));
            assertThat(institution.activeTo()).isNull();
        });
    }

    @Test
    void everyReportComesFromARegisteredInstitutionActiveInItsPeriod() {
        Map<String, Institution> registry = demo.institutions().stream()
                .collect(Collectors.toMap(Institution::code, institution -> institution));

        assertThat(demo.reports()).allSatisfy(report -> {
            assertThat(registry).as(report.toString()).containsKey(report.institution());
            assertThat(registry.get(report.institution()).activeFrom()).isBeforeOrEqualTo(report.month().atDay(1));
            assertThat(report.lines()).as(report + " has lines").isNotEmpty();
        });
    }

    @Test
    void targetsOf2023AreThePlansCreditFigures() {
        assertThat(demo.targets()).containsOnlyKeys("2023");
        assertThat(demo.targets().get("2023")).extracting(Target::indicator, Target::kind).containsExactlyInAnyOrder(
                tuple("LOAN_INCREASE_YTD", "FLOW"),
                tuple("INDUSTRIAL_LOAN_BALANCE", "BALANCE"),
                tuple("GREEN_LOAN_BALANCE", "BALANCE"),
                tuple("ECO_PRODUCT_LOAN_BALANCE", "BALANCE"));
        assertThat(target("LOAN_INCREASE_YTD")).as("新增贷款350亿元").isEqualByComparingTo("35000000000");
        assertThat(target("INDUSTRIAL_LOAN_BALANCE")).as("工业贷款余额达到350亿元").isEqualByComparingTo("35000000000");
        assertThat(target("GREEN_LOAN_BALANCE")).as("绿色贷款余额达到240亿元").isEqualByComparingTo("24000000000");
        assertThat(target("ECO_PRODUCT_LOAN_BALANCE")).as("生态产品权益类贷款金额达到500亿元")
                .isEqualByComparingTo("50000000000");
    }

    @Test
    void greenLoansStayBelowThe2023TargetSoItMeansSomething() {
        assertThat(cityTotal(SEP_2022, "GREEN_LOAN_BALANCE"))
                .isBetween(new BigDecimal("15000000000"), new BigDecimal("20000000000"));
    }

    @Test
    void numbersAreWrittenAsPlainDecimalsNeverInExponentNotation() throws IOException {
        String text;
        try (InputStream in = CreditDemoDataTest.class.getResourceAsStream(RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(Pattern.compile("\"value\":\\s*-?[0-9.]+[eE]").matcher(text).find()).isFalse();
    }

    private static void assertCityTotal(String period, String item, String expected, String document) {
        assertThat(cityTotal(period, item)).as(period + " " + item + ": " + document).isEqualByComparingTo(expected);
    }

    private static BigDecimal cityTotal(String period, String item) {
        return reportsOf(period).stream()
                .flatMap(report -> report.lines().stream())
                .filter(line -> line.item().equals(item))
                .map(Line::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal countyTotal(String period, String county, String item) {
        return reportsOf(period).stream()
                .flatMap(report -> report.lines().stream())
                .filter(line -> line.item().equals(item) && line.region().equals(county))
                .map(Line::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** growthSinceYearStartPct of data-standard.md, rounded half-up to 2 decimals as published. */
    private static BigDecimal growthSinceYearStart(String item) {
        BigDecimal yearStart = cityTotal(DEC_2021, item);
        return percent(cityTotal(SEP_2022, item).subtract(yearStart), yearStart);
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal nplRatio(String period, String county) {
        return countyTotal(period, county, NPL).multiply(HUNDRED)
                .divide(countyTotal(period, county, LOAN), MathContext.DECIMAL64);
    }

    /** INCLUSIVE_SME_NEW_LOAN_AVG_RATE: Σ(rate × amount) / Σ amount over the lines that carry both, unrounded. */
    private static BigDecimal averageRate(String period) {
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal amounts = BigDecimal.ZERO;
        for (Report report : reportsOf(period)) {
            for (Map<String, BigDecimal> items : byRegion(report).values()) {
                if (items.containsKey(RATE) && items.containsKey(RATE_AMOUNT)) {
                    weighted = weighted.add(items.get(RATE).multiply(items.get(RATE_AMOUNT)));
                    amounts = amounts.add(items.get(RATE_AMOUNT));
                }
            }
        }
        return weighted.divide(amounts, MathContext.DECIMAL128);
    }

    private static BigDecimal target(String indicator) {
        return demo.targets().get("2023").stream()
                .filter(target -> target.indicator().equals(indicator))
                .map(Target::value)
                .findFirst()
                .orElseThrow();
    }

    private static List<Report> reportsOf(String period) {
        return demo.reports().stream().filter(report -> report.period().equals(period)).toList();
    }

    private static List<String> periods() {
        return demo.reports().stream().map(Report::period).distinct().sorted().toList();
    }

    private static Map<String, Map<String, BigDecimal>> byRegion(Report report) {
        Map<String, Map<String, BigDecimal>> byRegion = new HashMap<>();
        report.lines().forEach(line -> byRegion.computeIfAbsent(line.region(), region -> new HashMap<>())
                .put(line.item(), line.value()));
        return byRegion;
    }

    private static Map<String, BigDecimal> totalsByItem(Report report) {
        return report.lines().stream().collect(Collectors.toMap(Line::item, Line::value, BigDecimal::add));
    }

    private static int decimals(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
    }

    private static List<String> faults(BiPredicate<Report, Line> broken) {
        List<String> faults = new ArrayList<>();
        for (Report report : demo.reports()) {
            report.lines().stream()
                    .filter(line -> broken.test(report, line))
                    .forEach(line -> faults.add(report + ": " + line));
        }
        return faults;
    }

    record CreditDemo(List<Institution> institutions, List<Report> reports, Map<String, List<Target>> targets) {
    }

    record Institution(String code, String name, String type, String region, LocalDate activeFrom, LocalDate activeTo) {
    }

    record Report(String institution, String period, List<Line> lines) {

        YearMonth month() {
            return YearMonth.parse(period);
        }

        @Override
        public String toString() {
            return institution + " " + period;
        }
    }

    record Line(String item, String region, BigDecimal value) {
    }

    record Target(String indicator, String kind, BigDecimal value) {
    }
}
