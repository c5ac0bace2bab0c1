package io.cityfin.risk.report;

import static io.cityfin.risk.report.InMemoryReports.institution;
import static io.cityfin.risk.report.InMemoryReports.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cityfin.common.period.Period;
import io.cityfin.reporting.institution.GuaranteeListing;
import io.cityfin.reporting.institution.Institution;
import io.cityfin.reporting.report.InstitutionWarningRule;
import io.cityfin.reporting.report.ReportLine;
import io.cityfin.reporting.report.ReportWarning;

/** The warnings that see the registry entry: the leverage cap (10, or 15 for small firms and farming) and the listed company's 1% fee cap. */
class RiskWarningRulesTest {

    private static final Period SEPTEMBER = Period.parse("2022-09");
    private static final GuaranteeListing BATCH_3 = new GuaranteeListing(3, LocalDate.parse("2022-07-15"));

    private final InstitutionWarningRule leverage = RiskWarningRules.leverageAboveCap();
    private final InstitutionWarningRule listedFee = RiskWarningRules.listedGuarantorFeeAboveOnePct();

    @Test
    void capsLeverageAtTenTimesNetAssetsAndAtFifteenForCompaniesServingMainlySmallFirmsAndFarming() {
        List<ReportLine> twelveTimes = List.of(line("GUARANTEE_NET_ASSETS", "361002", "100"), line("GUARANTEE_OUTSTANDING_BALANCE", "361002", "1200"));
        List<ReportLine> fifteenTimes = List.of(line("GUARANTEE_NET_ASSETS", "361002", "100"), line("GUARANTEE_OUTSTANDING_BALANCE", "361002", "1500"));
        List<ReportLine> aboveFifteen = List.of(line("GUARANTEE_NET_ASSETS", "361002", "100"), line("GUARANTEE_OUTSTANDING_BALANCE", "361002", "1500.01"));
        Institution plain = institution("G1", "FINANCING_GUARANTEE", "361002", null, false);
        Institution smallAndAgricultural = institution("G2", "FINANCING_GUARANTEE", "361002", null, true);

        assertThat(leverage.check(plain, SEPTEMBER, twelveTimes, null))
                .extracting(ReportWarning::code, ReportWarning::pointer).containsExactly(tuple("GUARANTEE_LEVERAGE_ABOVE_CAP", "/lines/1"));
        assertThat(leverage.check(smallAndAgricultural, SEPTEMBER, twelveTimes, null)).isEmpty();
        assertThat(leverage.check(smallAndAgricultural, SEPTEMBER, fifteenTimes, null)).isEmpty();
        assertThat(leverage.check(smallAndAgricultural, SEPTEMBER, aboveFifteen, null))
                .extracting(ReportWarning::code).containsExactly("GUARANTEE_LEVERAGE_ABOVE_CAP");
        assertThat(leverage.check(plain, SEPTEMBER, List.of(line("GUARANTEE_OUTSTANDING_BALANCE", "361002", "1500")), null)).isEmpty();
    }

    @Test
    void warnsWhenACompanyOnTheGovernmentListChargesAboveOnePercentFromTheDayItIsListed() {
        // 1,010 on 100,000 is 1.01%; 1,000 is exactly 1%
        List<ReportLine> above = List.of(line("GUARANTEE_NEW_AMOUNT_YTD", "361027", "100000"), line("GUARANTEE_FEE_INCOME_YTD", "361027", "1010"));
        List<ReportLine> atOne = List.of(line("GUARANTEE_NEW_AMOUNT_YTD", "361027", "100000"), line("GUARANTEE_FEE_INCOME_YTD", "361027", "1000"));
        Institution listed = institution("G1", "FINANCING_GUARANTEE", "361027", BATCH_3, true);
        Institution notListed = institution("G2", "FINANCING_GUARANTEE", "361027", null, true);

        assertThat(listedFee.check(listed, SEPTEMBER, above, null))
                .extracting(ReportWarning::code, ReportWarning::pointer).containsExactly(tuple("LISTED_GUARANTOR_FEE_ABOVE_1_PCT", "/lines/1"));
        assertThat(listedFee.check(listed, SEPTEMBER, atOne, null)).isEmpty();
        assertThat(listedFee.check(notListed, SEPTEMBER, above, null)).isEmpty();
        // listed on 2022-07-15: its June report is not under the cap yet, July's is
        assertThat(listedFee.check(listed, Period.parse("2022-06"), above, null)).isEmpty();
        assertThat(listedFee.check(listed, Period.parse("2022-07"), above, null)).hasSize(1);
    }
}
