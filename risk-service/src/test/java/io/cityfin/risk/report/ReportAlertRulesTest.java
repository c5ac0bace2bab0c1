package io.cityfin.risk.report;

import static io.cityfin.risk.report.InMemoryReports.institution;
import static io.cityfin.risk.report.InMemoryReports.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.cityfin.common.period.Period;
import io.cityfin.reporting.report.ReportAccepted;
import io.cityfin.reporting.report.ReportStatus;
import io.cityfin.risk.alert.Colour;
import io.cityfin.risk.alert.Finding;

/** GUARANTEE_LEVERAGE_HIGH and PRIVATE_LENDING_NEW_BUSINESS on fakes of the machinery's ports: each colour, and none below. */
class ReportAlertRulesTest {

    private static final Period SEPTEMBER = Period.parse("2022-09");

    private final InMemoryReports reports = new InMemoryReports();
    private final TypeReports typeReports = new TypeReports(reports, reports.institutions);
    private final GuaranteeLeverageHigh leverage = new GuaranteeLeverageHigh(typeReports);
    private final PrivateLendingNewBusiness newBusiness = new PrivateLendingNewBusiness(typeReports);

    @Test
    void coloursEachGuaranteeCompanyByItsOutstandingOverNetAssets() {
        guarantor("G1", "361002", "799.49", "100");   // 7.9949 → 7.99: below 8, nothing
        guarantor("G2", "361021", "799.5", "100");    // 7.995 → 8.00 as published: YELLOW
        guarantor("G3", "361003", "1000", "100");     // 10: ORANGE
        guarantor("G4", "361024", "1499.99", "100");  // 15.00 (14.9999 rounded): RED
        guarantor("G5", "361030", "3000", "100");     // 30: RED
        guarantor("G6", "361030", "3000", "0");       // no net assets: not measured
        // a private-lending institution is not a guarantee company, whatever it reports
        reports.file(institution("P1", "PRIVATE_LENDING", "361002", null, false), "2022-09", ReportStatus.ACCEPTED,
                line("GUARANTEE_OUTSTANDING_BALANCE", "361002", "5000"), line("GUARANTEE_NET_ASSETS", "361002", "1"));

        assertThat(leverage.evaluate(SEPTEMBER, leverage.defaults()).block())
                .extracting(Finding::subject, Finding::region, Finding::value, Finding::colour, Finding::threshold)
                .containsExactly(
                        tuple("G2", "361021", new BigDecimal("8.00"), Colour.YELLOW, BigDecimal.valueOf(8)),
                        tuple("G3", "361003", new BigDecimal("10.00"), Colour.ORANGE, BigDecimal.TEN),
                        tuple("G4", "361024", new BigDecimal("15.00"), Colour.RED, BigDecimal.valueOf(15)),
                        tuple("G5", "361030", new BigDecimal("30.00"), Colour.RED, BigDecimal.valueOf(15)));
    }

    @Test
    void readsOnlyTheReportsOfThePeriodThatAreNotWithdrawn() {
        reports.file(institution("G1", "FINANCING_GUARANTEE", "361002", null, false), "2022-08", ReportStatus.ACCEPTED,
                line("GUARANTEE_OUTSTANDING_BALANCE", "361002", "2000"), line("GUARANTEE_NET_ASSETS", "361002", "100"));
        reports.file(institution("G2", "FINANCING_GUARANTEE", "361002", null, false), "2022-09", ReportStatus.WITHDRAWN);

        assertThat(leverage.evaluate(SEPTEMBER, leverage.defaults()).block()).isEmpty();
        assertThat(leverage.affectedBy(new ReportAccepted("G1", SEPTEMBER, 2))).isTrue();
    }

    @Test
    void raisesOrangeForAnyNewPrivateLendingBusinessAndNothingWithout() {
        lender("P1", "361002", "0.01");
        lender("P2", "361003", "0");
        lender("P3", "361021", "250000");
        reports.file(institution("P4", "PRIVATE_LENDING", "361023", null, false), "2022-09", ReportStatus.ACCEPTED,
                line("PRIVATE_LENDING_OUTSTANDING", "361023", "100"));

        assertThat(newBusiness.evaluate(SEPTEMBER, newBusiness.defaults()).block())
                .extracting(Finding::subject, Finding::region, Finding::value, Finding::colour, Finding::threshold)
                .containsExactly(
                        tuple("P1", "361002", new BigDecimal("0.01"), Colour.ORANGE, BigDecimal.ZERO),
                        tuple("P3", "361021", new BigDecimal("250000"), Colour.ORANGE, BigDecimal.ZERO));
        assertThat(newBusiness.defaults().thresholds()).containsOnlyKeys(Colour.ORANGE);
        assertThat(newBusiness.affectedBy(new ReportAccepted("P1", SEPTEMBER, 1))).isTrue();
    }

    private void guarantor(String code, String region, String outstanding, String netAssets) {
        reports.file(institution(code, "FINANCING_GUARANTEE", region, null, false), "2022-09", ReportStatus.ACCEPTED,
                line("GUARANTEE_OUTSTANDING_BALANCE", region, outstanding), line("GUARANTEE_NET_ASSETS", region, netAssets));
    }

    private void lender(String code, String region, String newBusinessYtd) {
        reports.file(institution(code, "PRIVATE_LENDING", region, null, false), "2022-09", ReportStatus.ACCEPTED,
                line("PRIVATE_LENDING_OUTSTANDING", region, "1000"), line("PRIVATE_LENDING_NEW_BUSINESS_YTD", region, newBusinessYtd));
    }
}
