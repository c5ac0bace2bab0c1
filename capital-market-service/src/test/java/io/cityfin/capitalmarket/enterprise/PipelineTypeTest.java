package io.cityfin.capitalmarket.enterprise;

import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.CLOCK;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.aBsePipeline;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.aNeeqEnterprise;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.aPlainEnterprise;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.terminatedOn;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.withReform;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.withStage;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.withStages;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.withTarget;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.withYears;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.cityfin.capitalmarket.enterprise.Pipeline.Stage;
import io.cityfin.common.problem.FieldError;
import io.cityfin.reporting.record.RecordContext;

class PipelineTypeTest {

    private final PipelineType type = new PipelineType(CLOCK);

    static Stream<Arguments> refusals() {
        Pipeline plan = aBsePipeline();
        Enterprise neeq = aNeeqEnterprise();
        Enterprise signed = withReform(aPlainEnterprise(), "SIGNED", "2022-03-01", null);
        return Stream.of(
                Arguments.of("MISSING_VALUE", withTarget(plan, null), neeq, "/targetBoard"),
                Arguments.of("UNKNOWN_BOARD", withTarget(plan, "NASDAQ"), neeq, "/targetBoard"),
                Arguments.of("NOT_A_LISTING_BOARD", withTarget(plan, "NEEQ"), neeq, "/targetBoard"),
                Arguments.of("NOT_A_LISTING_BOARD", withTarget(plan, "REGIONAL_EQUITY"), neeq, "/targetBoard"),
                Arguments.of("MISSING_VALUE", withYears(plan, null), neeq, "/keyCandidateYears"),
                Arguments.of("INVALID_YEAR", withYears(plan, List.of(1989)), neeq, "/keyCandidateYears/0"),
                Arguments.of("DUPLICATE_YEAR", withYears(plan, List.of(2022, 2022)), neeq, "/keyCandidateYears/1"),
                Arguments.of("MISSING_VALUE", new Pipeline("BSE", null, List.of(), null, null), neeq, "/stages"),
                Arguments.of("MISSING_VALUE", withStages(plan, new Stage(null, "2022-12-31", null)), neeq, "/stages/0/stage"),
                Arguments.of("UNKNOWN_STAGE", withStages(plan, new Stage("IPO", "2022-12-31", null)), neeq, "/stages/0/stage"),
                Arguments.of("DUPLICATE_STAGE", withStages(plan, new Stage("TUTORING_FILED", "2022-12-31", null),
                        new Stage("TUTORING_FILED", "2023-01-31", null)), neeq, "/stages/1/stage"),
                Arguments.of("INVALID_DATE", withStage(plan, "TUTORING_FILED", "2022-12-32", null), neeq, "/stages/0/plannedOn"),
                Arguments.of("DATE_IN_FUTURE", withStage(plan, "TUTORING_FILED", "2022-12-31", "2022-10-16"), neeq, "/stages/0/actualOn"),
                Arguments.of("ACTUAL_DATE_NOT_ALLOWED", withStage(plan, "LISTED", "2024-06-30", "2022-09-01"), neeq, "/stages/5/actualOn"),
                Arguments.of("ACTUAL_DATE_NOT_ALLOWED", plus(plan, new Stage("SHAREHOLDING_REFORM", null, "2022-05-18")), neeq,
                        "/stages/6/actualOn"),
                Arguments.of("ACTUAL_DATES_DECREASE", withStage(withStage(plan, "TUTORING_FILED", "2022-12-31", "2022-09-01"),
                        "TUTORING_ACCEPTED", "2023-06-30", "2022-08-31"), neeq, "/stages/1/actualOn"),
                Arguments.of("ACTUAL_DATES_DECREASE", withStage(plan, "TUTORING_FILED", "2022-12-31", "2022-05-17"), neeq,
                        "/stages/0/actualOn"),
                Arguments.of("STAGE_REACHED_OUT_OF_ORDER", withStage(plan, "TUTORING_ACCEPTED", "2023-06-30", "2022-09-01"), neeq,
                        "/stages/1/actualOn"),
                Arguments.of("STAGE_REACHED_OUT_OF_ORDER", withYears(withStage(plan, "TUTORING_FILED", "2022-12-31", "2022-09-01"), List.of()),
                        signed, "/stages/0/actualOn"),
                Arguments.of("PLANNED_DATES_DECREASE", withStage(plan, "TUTORING_ACCEPTED", "2022-12-30", null), neeq, "/stages/1/plannedOn"),
                Arguments.of("PLAN_DATE_MISSING", withStage(plan, "TUTORING_FILED", null, null), neeq, "/stages/0/plannedOn"),
                Arguments.of("PLAN_DATE_MISSING", withStages(plan, plan.stagesOrNone().subList(1, 6).toArray(Stage[]::new)), neeq, "/stages"),
                Arguments.of("PLAN_DATE_MISSING", plan, signed, "/stages"),
                Arguments.of("TERMINATED_BEFORE_LAST_ACTUAL", terminatedOn(withStage(plan, "TUTORING_FILED", "2022-12-31", "2022-09-01"),
                        "2022-08-31"), neeq, "/terminatedOn"),
                Arguments.of("TERMINATED_BEFORE_LAST_ACTUAL", terminatedOn(plan, "2022-05-17"), neeq, "/terminatedOn"),
                Arguments.of("DATE_IN_FUTURE", terminatedOn(plan, "2022-10-16"), neeq, "/terminatedOn"));
    }

    @ParameterizedTest(name = "{0} at {3}")
    @MethodSource("refusals")
    void refusesAPipelineThatBreaksARuleWithItsPointer(String code, Pipeline content, Enterprise enterprise, String pointer) {
        List<FieldError> faults = type.faults(content, enterprise);

        assertThat(faults).extracting(FieldError::code, FieldError::pointer).containsExactly(tuple(code, pointer));
    }

    @Test
    void acceptsTheStandardsExampleForAReformedEnterprise() {
        assertThat(type.faults(aBsePipeline(), aNeeqEnterprise())).isEmpty();
    }

    @Test
    void readsTheEnterpriseFromTheContextsParent() {
        Pipeline tutoredEarly = withStage(aBsePipeline(), "TUTORING_FILED", "2022-12-31", "2022-05-17");

        assertThat(type.faults(tutoredEarly, new RecordContext("K", aNeeqEnterprise(), null)).block())
                .extracting(FieldError::code).containsExactly("ACTUAL_DATES_DECREASE");
    }

    @Test
    void asksNoPlanDatesOfAPipelineThatIsNoKeyCandidateOrIsTerminated() {
        Pipeline undated = withStage(aBsePipeline(), "TUTORING_FILED", null, null);

        assertThat(type.faults(withYears(undated, List.of()), aNeeqEnterprise())).isEmpty();
        assertThat(type.faults(terminatedOn(undated, "2022-09-30"), aNeeqEnterprise())).isEmpty();
    }

    @Test
    void acceptsAStageReachedOnTheDayTheReformWasCompleted() {
        assertThat(type.faults(withStage(aBsePipeline(), "TUTORING_FILED", "2022-12-31", "2022-05-18"), aNeeqEnterprise())).isEmpty();
    }

    private static Pipeline plus(Pipeline pipeline, Stage stage) {
        List<Stage> stages = new ArrayList<>(pipeline.stagesOrNone());
        stages.add(stage);
        return withStages(pipeline, stages.toArray(Stage[]::new));
    }
}
