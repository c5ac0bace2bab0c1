package io.cityfin.reporting.test;

import static io.cityfin.reporting.test.DemoDataChecks.COUNTIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import io.cityfin.reporting.demo.DemoData;
import io.cityfin.reporting.demo.DemoData.Institution;
import io.cityfin.reporting.demo.DemoData.Line;
import io.cityfin.reporting.demo.DemoData.Report;
import io.cityfin.reporting.demo.DemoData.Target;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shared demo-data checks on a tiny data set that passes them all, and on copies of it with one value, line,
 * report or institution broken: each check must name what was broken, or a service's DemoDataTest could pass over
 * anything.
 */
class DemoDataChecksTest {

    private static final String A = "91361000DEMOA";
    private static final String B = "91361000DEMOB";
    private static final String C = "91361000DEMOC";
    private static final String AUG = "2022-08";
    private static final String SEP = "2022-09";
    private static final String LOAN = "LOAN_BALANCE";
    private static final String NPL = "NPL_BALANCE";
    private static final String NEW_LOANS = "NEW_LOANS_YTD";
    private static final Set<String> TYPES = Set.of("CITY_COMMERCIAL_BANK");
    private static final LocalDate DEMO_START = LocalDate.of(2021, 1, 1);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void findsNoFaultInADataSetThatKeepsEveryRule() {
        DemoDataChecks demo = checks(valid());

        assertThat(demo.faults((report, line) -> line.value().signum() < 0)).isEmpty();
        assertThat(demo.repeatedItemsAndRegions()).isEmpty();
        assertThat(demo.partsAboveTotal(LOAN, List.of(NPL))).isEmpty();
        assertThat(demo.countyFiguresFromFewerThan(3)).isEmpty();
        assertThat(demo.yearToDateFalls(item -> item.endsWith("_YTD"))).isEmpty();
        assertThat(demo.reportingGaps(AUG, SEP)).isEmpty();
        assertThat(demo.institutionFaults(TYPES, DEMO_START)).isEmpty();
        assertThat(demo.reportsNotFromAnActiveInstitution()).isEmpty();
        assertThat(demo.numbersInExponentNotation("value")).isEmpty();
    }

    @Test
    void sumsAnItemOverEveryReportOfThePeriodForTheCityOrOneCounty() {
        DemoDataChecks demo = checks(valid());

        assertThat(demo.cityTotal(SEP, LOAN)).isEqualByComparingTo("36000.00");
        assertThat(demo.countyTotal(SEP, "361003", NEW_LOANS)).isEqualByComparingTo("180.00");
        assertThat(demo.periods()).containsExactly(AUG, SEP);
        assertThat(demo.target("2023", LOAN)).isEqualByComparingTo("40000");
        demo.assertCityTotal(AUG, NEW_LOANS, "1800.00", "3 banks × 12 counties × 50");
        assertThatThrownBy(() -> demo.assertCityTotal(AUG, NEW_LOANS, "1800.01", "one fen more"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("2022-08 NEW_LOANS_YTD: one fen more");
    }

    @Test
    void namesEveryLineThatBreaksTheServicesRule() {
        DemoDataChecks demo = checks(withValue(valid(), B, SEP, NPL, "361021", "-1.00"));

        assertThat(demo.faults((report, line) -> line.value().signum() < 0))
                .containsExactly("91361000DEMOB 2022-09: Line[item=NPL_BALANCE, region=361021, value=-1.00]");
    }

    @Test
    void reportsAnItemAndRegionRepeatedInOneReport() {
        DemoDataChecks demo = checks(withReports(valid(), reports -> {
            Report first = reports.get(0);
            List<Line> lines = new ArrayList<>(first.lines());
            lines.add(new Line(LOAN, "361002", new BigDecimal("1.00")));
            reports.set(0, new Report(first.institution(), first.period(), lines));
            return reports;
        }));

        assertThat(demo.repeatedItemsAndRegions())
                .containsExactly("91361000DEMOA 2022-08 repeats Line[item=LOAN_BALANCE, region=361002, value=1.00]");
    }

    @Test
    void reportsAPartAboveItsTotalInTheSameRegion() {
        DemoDataChecks demo = checks(withValue(valid(), C, AUG, NPL, "361090", "1000.01"));

        assertThat(demo.partsAboveTotal(LOAN, List.of(NPL)))
                .containsExactly("91361000DEMOC 2022-08 361090: NPL_BALANCE above LOAN_BALANCE");
    }

    @Test
    void reportsACountyFigureWithFewerThanThreeContributors() {
        DemoDataChecks demo = checks(withValue(valid(), B, SEP, NEW_LOANS, "361028", "0.00"));

        assertThat(demo.countyFiguresFromFewerThan(3))
                .containsExactly("2022-09 361028 NEW_LOANS_YTD: 2 contributor(s)");
        assertThat(demo.countyFiguresFromFewerThan(4)).hasSize(2 * 3 * COUNTIES.size());
    }

    @Test
    void reportsAYearToDateFigureThatFallsLaterInTheYear() {
        DemoDataChecks demo = checks(withValue(valid(), A, SEP, NEW_LOANS, "361002", "-600.00"));

        assertThat(demo.yearToDateFalls(item -> item.endsWith("_YTD")))
                .containsExactly("91361000DEMOA 2022-09 NEW_LOANS_YTD below 2022-08");
        assertThat(demo.yearToDateFalls(item -> false)).isEmpty();
    }

    @Test
    void pairsTheReportsOfOneInstitutionByTheirMonths() {
        DemoDataChecks demo = checks(valid());

        assertThat(demo.pairsOfOneInstitution((month, next) -> next.equals(month.plusMonths(1))))
                .extracting(pair -> DemoDataChecks.label(pair.earlier()) + " → " + pair.later().period())
                .containsExactlyInAnyOrder("91361000DEMOA 2022-08 → 2022-09", "91361000DEMOB 2022-08 → 2022-09",
                        "91361000DEMOC 2022-08 → 2022-09");
    }

    @Test
    void reportsAnInstitutionThatReportsTwiceSkipsAPeriodOrChangesItsItems() {
        DemoDataChecks twice = checks(withReports(valid(), reports -> {
            reports.add(reports.get(0));
            return reports;
        }));
        DemoDataChecks skipped = checks(withReports(valid(), reports -> {
            reports.removeIf(report -> report.institution().equals(C) && report.period().equals(AUG));
            return reports;
        }));
        DemoDataChecks changed = checks(withReports(valid(), reports -> {
            reports.replaceAll(report -> report.institution().equals(B) && report.period().equals(SEP)
                    ? new Report(B, SEP, report.lines().subList(1, report.lines().size())) : report);
            return reports;
        }));

        assertThat(twice.reportingGaps(AUG, SEP)).containsExactly("91361000DEMOA 2022-08 twice");
        assertThat(skipped.reportingGaps(AUG, SEP))
                .containsExactly("91361000DEMOC reports in [2022-09], not in [2022-08, 2022-09]");
        assertThat(changed.reportingGaps(AUG, SEP))
                .containsExactly("91361000DEMOB does not report the same items in every period");
        assertThat(checks(valid()).reportingGaps(SEP)).hasSize(3);
    }

    @Test
    void reportsAnInstitutionTheRegistryWouldNotTakeOrThatDoesNotCoverTheDemo() {
        DemoDataChecks demo = checks(withInstitutions(valid(), List.of(
                new Institution(A, "演示银行A", "CITY_COMMERCIAL_BANK", "361002", LocalDate.of(2015, 1, 1), null),
                new Institution(A, "演示银行A", "CITY_COMMERCIAL_BANK", "361002", LocalDate.of(2015, 1, 1), null),
                new Institution("demo-b", " ", "BANK", "361000", DEMO_START, LocalDate.of(2022, 12, 31)))));

        assertThat(demo.institutionFaults(TYPES, DEMO_START)).containsExactly(
                "91361000DEMOA twice",
                "demo-b: not an institution code",
                "demo-b: type BANK",
                "demo-b: home 361000 is not a county",
                "demo-b: no name",
                "demo-b: active from 2021-01-01",
                "demo-b: active to 2022-12-31");
    }

    @Test
    void reportsAReportFromAnUnknownOrNotYetActiveInstitutionOrWithoutLines() {
        DemoDataChecks demo = checks(withReports(withInstitutions(valid(), List.of(
                institution(A),
                new Institution(B, "演示银行B", "CITY_COMMERCIAL_BANK", "361002", LocalDate.of(2022, 9, 2), null))),
                reports -> {
                    reports.add(new Report(A, "2022-10", List.of()));
                    return reports;
                }));

        assertThat(demo.reportsNotFromAnActiveInstitution()).containsExactlyInAnyOrder(
                "91361000DEMOB 2022-08: active only from 2022-09-02",
                "91361000DEMOB 2022-09: active only from 2022-09-02",
                "91361000DEMOC 2022-08: not registered",
                "91361000DEMOC 2022-09: not registered",
                "91361000DEMOA 2022-10: no lines");
    }

    @Test
    void reportsANumberWrittenInExponentNotation() {
        DemoDataChecks demo = checks(withValue(valid(), A, AUG, LOAN, "361002", "1.0E+3"));

        assertThat(demo.numbersInExponentNotation("value")).containsExactly("\"value\":1.0E");
        assertThat(demo.numbersInExponentNotation("amount")).isEmpty();
    }

    @Test
    void readsOnlyTheLoadersFieldsAndTheServicesOwnRecordsItNames() {
        String withInvestments = json(valid()).replaceFirst("\\{", """
                {"investments": [{"project": "演示项目", "amount": 131000000.00}],""");
        String withUnit = withInvestments.replaceFirst("\"item\"", "\"unit\": \"CNY\", \"item\"");
        String withCurrency = withInvestments.replace("\"amount\"", "\"currency\": \"CNY\", \"amount\"");

        assertThat(DemoDataChecks.of(withInvestments, "investments").records("investments", Investment.class))
                .containsExactly(new Investment("演示项目", new BigDecimal("131000000.00")));
        assertThatThrownBy(() -> DemoDataChecks.of(withInvestments)).hasMessageContaining("investments");
        assertThatThrownBy(() -> DemoDataChecks.of(withUnit, "investments")).hasMessageContaining("unit");
        DemoDataChecks withOwnRecords = DemoDataChecks.of(withCurrency, "investments");
        assertThatThrownBy(() -> withOwnRecords.records("investments", Investment.class))
                .hasMessageContaining("currency");
    }

    @Test
    void roundsPercentagesHalfUpToTwoDecimalsAndCountsOnlyTheDecimalsAValueNeeds() {
        assertThat(DemoDataChecks.percent(new BigDecimal("1"), new BigDecimal("8"))).isEqualByComparingTo("12.50");
        assertThat(DemoDataChecks.percent(new BigDecimal("2"), new BigDecimal("3"))).isEqualByComparingTo("66.67");
        assertThat(DemoDataChecks.decimals(new BigDecimal("1000.50"))).isEqualTo(1);
        assertThat(DemoDataChecks.decimals(new BigDecimal("1E+3"))).isZero();
    }

    record Investment(String project, BigDecimal amount) {
    }

    /**
     * Three banks reporting in August and September 2022, each with a loan balance of 1000, NPL of 10 and new loans
     * year to date of 50 (August) and 60 (September) in every county; and one 2023 target.
     */
    private static DemoData valid() {
        List<Report> reports = new ArrayList<>();
        for (String period : List.of(AUG, SEP)) {
            for (String bank : List.of(A, B, C)) {
                List<Line> lines = new ArrayList<>();
                for (String county : COUNTIES) {
                    lines.add(new Line(LOAN, county, new BigDecimal("1000.00")));
                    lines.add(new Line(NPL, county, new BigDecimal("10.00")));
                    lines.add(new Line(NEW_LOANS, county, new BigDecimal(period.equals(AUG) ? "50.00" : "60.00")));
                }
                reports.add(new Report(bank, period, lines));
            }
        }
        return new DemoData(List.of(institution(A), institution(B), institution(C)), reports,
                Map.of("2023", List.of(new Target(LOAN, "BALANCE", new BigDecimal("40000")))));
    }

    private static Institution institution(String code) {
        return new Institution(code, "演示银行" + code.charAt(code.length() - 1), "CITY_COMMERCIAL_BANK", "361002",
                LocalDate.of(2015, 1, 1), null);
    }

    /** A copy with one value broken: {@code item} in {@code region} of one bank's report. */
    private static DemoData withValue(DemoData data, String bank, String period, String item, String region,
                                      String value) {
        return withReports(data, reports -> {
            reports.replaceAll(report -> !report.institution().equals(bank) || !report.period().equals(period) ? report
                    : new Report(bank, period, report.lines().stream()
                            .map(line -> line.item().equals(item) && line.region().equals(region)
                                    ? new Line(item, region, new BigDecimal(value)) : line)
                            .toList()));
            return reports;
        });
    }

    private static DemoData withReports(DemoData data, UnaryOperator<List<Report>> change) {
        return new DemoData(data.institutions(), change.apply(new ArrayList<>(data.reports())), data.targets());
    }

    private static DemoData withInstitutions(DemoData data, List<Institution> institutions) {
        return new DemoData(institutions, data.reports(), data.targets());
    }

    private static DemoDataChecks checks(DemoData data) {
        return DemoDataChecks.of(json(data));
    }

    private static String json(DemoData data) {
        return JSON.writeValueAsString(data);
    }
}
