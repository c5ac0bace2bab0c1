package io.cityfin.risk.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.cityfin.common.region.Region;
import io.cityfin.reporting.institution.Institution;
import io.cityfin.risk.alert.Colour;
import io.cityfin.risk.alert.Finding;

/** MICROLOAN_REVOCATION_DUE on plain lists: C for years running, not ended cureMonths after the later ratedOn. */
class MicroloanRevocationDueTest {

    private static final LocalDate SEPTEMBER = LocalDate.of(2022, 9, 30);

    @Test
    void raisesOrangeForASmallLoanCompanyRatedCTwiceAndStillActiveSixMonthsAfter() {
        Institution company = smallLoan("A", null);
        List<OrganisationRating> ratings = List.of(rating("A", 2020, "C", "2021-03-15"), rating("A", 2021, "C", "2022-03-15"));

        List<Finding> found = MicroloanRevocationDue.findings(List.of(company), Map.of("A", ratings), SEPTEMBER, 2, 6);

        // 2022-03-15 + 6 months = 2022-09-15, before 2022-09-30
        assertThat(found).singleElement().satisfies(finding -> {
            assertThat(finding.subject()).isEqualTo("A");
            assertThat(finding.colour()).isEqualTo(Colour.ORANGE);
            assertThat(finding.region()).isEqualTo("361002");
            assertThat(finding.value()).isEqualByComparingTo("2");
            assertThat(finding.threshold()).isEqualByComparingTo("2");
        });
        // at 2022-09-15 the six months are not over yet
        assertThat(MicroloanRevocationDue.findings(List.of(company), Map.of("A", ratings), LocalDate.of(2022, 9, 15), 2, 6)).isEmpty();
        // the later ratedOn counts: 2021's rating given 2022-04-01 is due on 2022-10-01
        List<OrganisationRating> lateRating = List.of(rating("A", 2020, "C", "2021-03-15"), rating("A", 2021, "C", "2022-04-01"));
        assertThat(MicroloanRevocationDue.findings(List.of(company), Map.of("A", lateRating), SEPTEMBER, 2, 6)).isEmpty();
    }

    @Test
    void raisesNothingForAnEndedCompanyNonConsecutiveYearsAnotherTypeOrARatingNotYetGiven() {
        List<OrganisationRating> twoC = List.of(rating("A", 2020, "C", "2021-03-15"), rating("A", 2021, "C", "2022-03-15"));
        assertThat(MicroloanRevocationDue.findings(List.of(smallLoan("A", LocalDate.of(2022, 9, 20))), Map.of("A", twoC), SEPTEMBER, 2, 6)).isEmpty();

        List<OrganisationRating> gap = List.of(rating("A", 2019, "C", "2020-03-15"), rating("A", 2020, "B", "2021-03-15"),
                rating("A", 2021, "C", "2022-03-15"));
        assertThat(MicroloanRevocationDue.findings(List.of(smallLoan("A", null)), Map.of("A", gap), SEPTEMBER, 2, 6)).isEmpty();

        Institution pawn = new Institution("A", "典当行", "PAWN", Region.ofCode("361002").orElseThrow(), LocalDate.of(2011, 6, 1), null, 1,
                OffsetDateTime.parse("2022-01-01T00:00:00Z"), "admin");
        assertThat(MicroloanRevocationDue.findings(List.of(pawn), Map.of("A", twoC), SEPTEMBER, 2, 6)).isEmpty();

        // on 2022-03-14 the 2021 rating is not given yet
        assertThat(MicroloanRevocationDue.findings(List.of(smallLoan("A", null)), Map.of("A", twoC), LocalDate.of(2022, 3, 14), 2, 6)).isEmpty();
    }

    @Test
    void followsTheParameters() {
        List<OrganisationRating> twoC = List.of(rating("A", 2020, "C", "2021-03-15"), rating("A", 2021, "C", "2022-03-15"));
        assertThat(MicroloanRevocationDue.findings(List.of(smallLoan("A", null)), Map.of("A", twoC), SEPTEMBER, 3, 6)).isEmpty();
        // one C year is enough with years 1: due 2021-03-15 + 1 month
        assertThat(MicroloanRevocationDue.findings(List.of(smallLoan("A", null)), Map.of("A", twoC.subList(0, 1)), LocalDate.of(2021, 4, 16), 1, 1))
                .singleElement().satisfies(finding -> assertThat(finding.value()).isEqualByComparingTo(BigDecimal.ONE));
        // cureMonths 7: due 2022-10-15
        assertThat(MicroloanRevocationDue.findings(List.of(smallLoan("A", null)), Map.of("A", twoC), SEPTEMBER, 2, 7)).isEmpty();
    }

    @Test
    void defaultsToTwoYearsAndSixMonthsAndRunsAgainForItsCollections() {
        MicroloanRevocationDue rule = new MicroloanRevocationDue(null, null);
        assertThat(rule.defaults().param("years")).isEqualByComparingTo("2");
        assertThat(rule.defaults().param("cureMonths")).isEqualByComparingTo("6");
        assertThat(rule.defaults().enabled()).isTrue();
        assertThat(rule.affectedBy(new io.cityfin.reporting.record.RecordAccepted("organisation-ratings", java.util.UUID.randomUUID(), 1, null)))
                .isTrue();
        assertThat(rule.affectedBy(new io.cityfin.reporting.record.RecordAccepted("supervisory-actions", java.util.UUID.randomUUID(), 1, null)))
                .isTrue();
        assertThat(rule.affectedBy(new io.cityfin.reporting.record.RecordAccepted("leads", java.util.UUID.randomUUID(), 1, null))).isFalse();
    }

    private static Institution smallLoan(String code, @Nullable LocalDate endedOn) {
        return new Institution(code, "小额贷款公司" + code, "SMALL_LOAN", Region.ofCode("361002").orElseThrow(), LocalDate.of(2011, 6, 1), endedOn, 2,
                OffsetDateTime.parse("2022-01-01T00:00:00Z"), "admin", null, false, null, endedOn);
    }

    private static OrganisationRating rating(String code, int year, String grade, String ratedOn) {
        return new OrganisationRating(code, year, grade, ratedOn);
    }
}
