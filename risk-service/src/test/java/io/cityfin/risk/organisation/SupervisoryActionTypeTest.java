package io.cityfin.risk.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cityfin.common.problem.FieldError;
import io.cityfin.common.region.Region;
import io.cityfin.reporting.institution.Institution;
import io.cityfin.reporting.record.RecordContext;
import io.cityfin.reporting.record.RecordWarning;

/** The action and rating rules on plain facts, today being 2022-10-10 in the city. */
class SupervisoryActionTypeTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2022-10-10T02:00:00Z"), ZoneOffset.UTC);
    private static final Institution SMALL_LOAN = institution("SMALL_LOAN");
    private static final Institution GUARANTEE = institution("FINANCING_GUARANTEE");

    @Test
    void refusesEachFaultAtItsPointer() {
        Supervised none = new Supervised(SMALL_LOAN, List.of(), List.of());
        assertThat(codes(none, action("EXIT", "2022-05-10"))).containsExactly("/type UNKNOWN_ACTION_TYPE");
        assertThat(codes(none, action(null, null))).containsExactly("/type MISSING_VALUE", "/on MISSING_VALUE");
        assertThat(codes(none, action("EXIT_NOTICE", "2022-10-11"))).containsExactly("/on DATE_IN_FUTURE");
        assertThat(codes(none, action("EXIT_NOTICE", "20221010"))).containsExactly("/on INVALID_DATE");
        assertThat(codes(none, action("EXIT_NOTICE", "2010-12-31"))).containsExactly("/on ACTION_BEFORE_ACTIVE_FROM");
        assertThat(codes(new Supervised(GUARANTEE, List.of(), List.of()), action("PILOT_REVOKED", "2022-09-20")))
                .containsExactly("/type PILOT_REVOKED_NOT_SMALL_LOAN");
        assertThat(codes(none, action("EXIT_NOTICE", "2022-10-10"))).isEmpty();
    }

    @Test
    void keepsOneEndingActionAndNothingAfterIt() {
        Supervised ended = new Supervised(SMALL_LOAN, List.of(), List.of(action("PILOT_REVOKED", "2022-09-20")));
        assertThat(codes(ended, action("OTHER_EXIT", "2022-09-20"))).containsExactly("/type SECOND_ENDING_ACTION");
        assertThat(codes(ended, action("ANNUAL_REVIEW", "2022-09-21"))).containsExactly("/on AFTER_ENDING_ACTION");
        assertThat(codes(ended, action("ANNUAL_REVIEW", "2022-09-20"))).isEmpty();
        assertThat(OrganisationRatingType.judging(CLOCK, ended).faults(new OrganisationRating("A", 2022, "C", "2022-09-21")))
                .extracting(FieldError::code).containsExactly("AFTER_ENDING_ACTION");

        Supervised later = new Supervised(SMALL_LOAN, List.of(new OrganisationRating("A", 2021, "C", "2022-03-15")),
                List.of(action("EXIT_NOTICE", "2022-05-10")));
        assertThat(codes(later, action("PILOT_REVOKED", "2022-05-09"))).containsExactly("/on ENDING_BEFORE_LATER_RECORD");
        assertThat(codes(later, action("PILOT_REVOKED", "2022-05-10"))).isEmpty();
        assertThat(SupervisoryActionType.judging(CLOCK, later).claims(action("PILOT_REVOKED", "2022-05-10")))
                .singleElement().satisfies(claim -> assertThat(claim.code()).isEqualTo("SECOND_ENDING_ACTION"));
        assertThat(SupervisoryActionType.judging(CLOCK, later).claims(action("EXIT_NOTICE", "2022-05-10"))).isEmpty();
    }

    @Test
    void warnsOfARevocationWithoutTwoConsecutiveCYearsByItsDate() {
        List<OrganisationRating> twoC = List.of(new OrganisationRating("A", 2020, "C", "2021-03-15"), new OrganisationRating("A", 2021, "C", "2022-03-15"));
        assertThat(warnings(new Supervised(SMALL_LOAN, twoC, List.of()), action("PILOT_REVOKED", "2022-09-20"))).isEmpty();
        assertThat(warnings(new Supervised(SMALL_LOAN, twoC, List.of()), action("PILOT_REVOKED", "2022-03-14")))
                .extracting(RecordWarning::code).containsExactly("PILOT_REVOKED_WITHOUT_TWO_C_YEARS");
        List<OrganisationRating> apart = List.of(new OrganisationRating("A", 2019, "C", "2020-03-15"), new OrganisationRating("A", 2021, "C", "2022-03-15"));
        assertThat(warnings(new Supervised(SMALL_LOAN, apart, List.of()), action("PILOT_REVOKED", "2022-09-20")))
                .extracting(RecordWarning::pointer).containsExactly("/type");
        assertThat(warnings(new Supervised(SMALL_LOAN, List.of(), List.of()), action("EXIT_NOTICE", "2022-09-20"))).isEmpty();
    }

    @Test
    void refusesARatingOutsideItsYearAndAnUnknownGrade() {
        OrganisationRatingType type = OrganisationRatingType.judging(CLOCK, new Supervised(SMALL_LOAN, List.of(), List.of()));
        assertThat(type.faults(new OrganisationRating("A", 2020, "C", "2022-01-01"))).extracting(FieldError::code).containsExactly("RATED_OUTSIDE_YEAR");
        assertThat(type.faults(new OrganisationRating("A", 2021, "C", "2022-10-10"))).isEmpty();
        assertThat(type.faults(new OrganisationRating("A", 2021, "E", "2022-03-01"))).extracting(FieldError::code).containsExactly("UNKNOWN_GRADE");
        assertThat(type.faults(new OrganisationRating("A", 2022, "A", "2022-10-11"))).extracting(FieldError::code).containsExactly("DATE_IN_FUTURE");
        assertThat(type.day(new OrganisationRating("A", 2021, "C", "2022-03-01"))).isEqualTo(LocalDate.of(2022, 3, 1));
    }

    private static List<String> codes(Supervised facts, SupervisoryAction action) {
        return SupervisoryActionType.judging(CLOCK, facts).faults(action).stream().map(f -> f.pointer() + " " + f.code()).toList();
    }

    private static List<RecordWarning> warnings(Supervised facts, SupervisoryAction action) {
        return SupervisoryActionType.judging(CLOCK, facts).warnings(action, RecordContext.NONE);
    }

    private static SupervisoryAction action(String type, String on) {
        return new SupervisoryAction("A", type, on, null, null);
    }

    private static Institution institution(String type) {
        return new Institution("A", "机构", type, Region.ofCode("361002").orElseThrow(), LocalDate.of(2011, 6, 1), null, 1,
                OffsetDateTime.parse("2022-01-01T00:00:00Z"), "admin");
    }
}
