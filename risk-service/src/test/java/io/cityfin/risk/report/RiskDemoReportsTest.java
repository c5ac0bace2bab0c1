package io.cityfin.risk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import io.cityfin.reporting.demo.DemoData;
import io.cityfin.reporting.demo.DemoRecords;

/**
 * The demo reports of {@code demo/risk-demo.json} against data-standard-2.md, "Demo data": who reports, in its own
 * region, and the per-company conditions the city totals alone do not show (each guarantee company below 8 ×, the
 * listed 金溪县双创 at or below 1%). The city figures themselves are checked through the API by {@link RiskReportsDemoIT}.
 */
class RiskDemoReportsTest {

    private static final String JINXI_LISTED = "91361027MADB000027";

    private final DemoData demo = DemoRecords.read(new ClassPathResource("demo/risk-demo.json"), DemoData.class);
    private final Map<String, DemoData.Institution> registry = demo.institutions().stream()
            .collect(Collectors.toMap(DemoData.Institution::code, Function.identity()));

    @Test
    void hasTheSixStayingGuaranteeCompaniesTheThreeFundsAndTheSixLendersReportInTheirOwnRegions() {
        assertThat(reporters("2022-09", "FINANCING_GUARANTEE")).hasSize(6)
                .doesNotContain("91361002MADB00007F", "91361022MADB00008H");
        assertThat(reporters("2022-09", "BRIDGE_FUND")).hasSize(3);
        assertThat(reporters("2022-09", "PRIVATE_LENDING")).hasSize(6);
        assertThat(reporters("2021-12", "PRIVATE_LENDING")).hasSize(6);
        assertThat(demo.reports()).allSatisfy(report -> assertThat(report.lines())
                .allSatisfy(line -> assertThat(line.region()).isEqualTo(registry.get(report.institution()).region())));
    }

    @Test
    void keepsEachGuaranteeCompanyBelowEightTimesAndTheListedOneAtOrBelowOnePercent() {
        for (DemoData.Report report : reports("2022-09", "FINANCING_GUARANTEE")) {
            Map<String, BigDecimal> totals = totals(report);
            assertThat(totals.get("GUARANTEE_OUTSTANDING_BALANCE")).as(report.institution())
                    .isLessThan(totals.get("GUARANTEE_NET_ASSETS").multiply(BigDecimal.valueOf(8)));
        }
        Map<String, BigDecimal> listed = totals(reports("2022-09", "FINANCING_GUARANTEE").stream()
                .filter(report -> report.institution().equals(JINXI_LISTED)).findFirst().orElseThrow());
        assertThat(listed.get("GUARANTEE_FEE_INCOME_YTD")).isLessThanOrEqualTo(listed.get("GUARANTEE_NEW_AMOUNT_YTD").movePointLeft(2));
    }

    @Test
    void hasNoNewPrivateLendingBusinessAndLinchuansShareOfTheStock() {
        assertThat(demo.reports()).flatMap(DemoData.Report::lines)
                .filteredOn(line -> line.item().equals("PRIVATE_LENDING_NEW_BUSINESS_YTD"))
                .allSatisfy(line -> assertThat(line.value()).isZero());
        // 临川区民间融资中心: 2.488亿 at 2021-12, 1.4928亿 at 2022-09
        assertThat(totals(report("91361002MAMJ00001G", "2021-12")).get("PRIVATE_LENDING_OUTSTANDING")).isEqualByComparingTo("248800000.00");
        assertThat(totals(report("91361002MAMJ00001G", "2022-09")).get("PRIVATE_LENDING_OUTSTANDING")).isEqualByComparingTo("149280000.00");
    }

    private List<String> reporters(String period, String type) {
        return reports(period, type).stream().map(DemoData.Report::institution).toList();
    }

    private List<DemoData.Report> reports(String period, String type) {
        return demo.reports().stream()
                .filter(report -> report.period().equals(period) && registry.get(report.institution()).type().equals(type)).toList();
    }

    private DemoData.Report report(String institution, String period) {
        return demo.reports().stream().filter(r -> r.institution().equals(institution) && r.period().equals(period)).findFirst().orElseThrow();
    }

    private static Map<String, BigDecimal> totals(DemoData.Report report) {
        return report.lines().stream().collect(Collectors.toMap(DemoData.Line::item, DemoData.Line::value, BigDecimal::add));
    }
}
