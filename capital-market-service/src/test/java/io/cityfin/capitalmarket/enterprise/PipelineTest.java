package io.cityfin.capitalmarket.enterprise;

import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.aBsePipeline;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.aNeeqEnterprise;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.aPlainEnterprise;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.day;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.listing;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.terminatedOn;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.withListings;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.withReform;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.withStage;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PipelineTest {

    @Test
    void reachesAStageOnItsActualDayItself() {
        Pipeline pipeline = withStage(aBsePipeline(), "TUTORING_FILED", "2022-12-31", "2022-09-30");

        assertThat(pipeline.isReachedAt(1, aNeeqEnterprise(), day("2022-09-29"))).isFalse();
        assertThat(pipeline.isReachedAt(1, aNeeqEnterprise(), day("2022-09-30"))).isTrue();
        assertThat(pipeline.lastReachedAt(aNeeqEnterprise(), day("2022-09-29"))).isEqualTo("SHAREHOLDING_REFORM");
        assertThat(pipeline.lastReachedAt(aNeeqEnterprise(), day("2022-09-30"))).isEqualTo("TUTORING_FILED");
    }

    @Test
    void takesTheFirstStageFromTheEnterprisesReformAndAnUndatedCompletedOneAsAlwaysReached() {
        Enterprise undated = withReform(aPlainEnterprise(), "COMPLETED", null, null);
        Enterprise signed = withReform(aPlainEnterprise(), "SIGNED", "2022-04-01", null);

        assertThat(aBsePipeline().isReachedAt(0, aNeeqEnterprise(), day("2022-05-17"))).isFalse();
        assertThat(aBsePipeline().isReachedAt(0, aNeeqEnterprise(), day("2022-05-18"))).isTrue();
        assertThat(aBsePipeline().isReachedAt(0, undated, day("2000-01-01"))).isTrue();
        assertThat(aBsePipeline().lastReachedAt(signed, day("2022-09-30"))).isEqualTo("NONE");
    }

    @Test
    void takesTheLastStageFromTheEnterprisesListingOnTheTargetBoardAndLeavesThePipelineThen() {
        Enterprise listed = withListings(aNeeqEnterprise(), listing("NEEQ", "873456", "2022-08-09", "2023-07-20"),
                listing("BSE", "873456", "2023-07-20", null));

        assertThat(aBsePipeline().isListedBy(listed, day("2023-07-19"))).isFalse();
        assertThat(aBsePipeline().isRunningAt(listed, day("2023-07-19"))).isTrue();
        assertThat(aBsePipeline().isListedBy(listed, day("2023-07-20"))).isTrue();
        assertThat(aBsePipeline().isRunningAt(listed, day("2023-07-20"))).isFalse();
        assertThat(aBsePipeline().lastReachedAt(listed, day("2023-07-20"))).isEqualTo("LISTED");
    }

    @Test
    void leavesAPipelineTerminatedBeforeDOutOfEveryCountAtD() {
        Pipeline terminated = terminatedOn(aBsePipeline(), "2022-06-30");

        assertThat(terminated.isTerminatedBy(day("2022-06-29"))).isFalse();
        assertThat(terminated.isKeyCandidateAt(day("2022-06-29"))).isTrue();
        assertThat(terminated.isTerminatedBy(day("2022-06-30"))).isTrue();
        assertThat(terminated.isKeyCandidateAt(day("2022-09-30"))).isFalse();
        assertThat(terminated.isRunningAt(aNeeqEnterprise(), day("2022-09-30"))).isFalse();
        assertThat(terminated.overdueAt(aNeeqEnterprise(), day("2023-03-31"))).isEmpty();
    }

    @Test
    void isAKeyCandidateInTheYearsItNames() {
        assertThat(aBsePipeline().isKeyCandidateAt(day("2022-09-30"))).isTrue();
        assertThat(aBsePipeline().isKeyCandidateAt(day("2023-03-31"))).isTrue();
        assertThat(aBsePipeline().isKeyCandidateAt(day("2024-03-31"))).isFalse();
    }

    @Test
    void makesAStageOverdueTheDayAfterItsPlanUntilItIsReached() {
        Pipeline pipeline = aBsePipeline();
        Pipeline filed = withStage(aBsePipeline(), "TUTORING_FILED", "2022-12-31", "2023-02-10");

        assertThat(pipeline.overdueAt(aNeeqEnterprise(), day("2022-12-31"))).isEmpty();
        assertThat(pipeline.overdueAt(aNeeqEnterprise(), day("2023-01-31"))).containsExactly("TUTORING_FILED");
        assertThat(pipeline.overdueAt(aNeeqEnterprise(), day("2023-07-31"))).containsExactly("TUTORING_FILED", "TUTORING_ACCEPTED");
        assertThat(filed.overdueAt(aNeeqEnterprise(), day("2023-01-31"))).containsExactly("TUTORING_FILED");
        assertThat(filed.overdueAt(aNeeqEnterprise(), day("2023-03-31"))).isEmpty();
    }

    @Test
    void makesNoStageOverdueOnceThePipelineIsListed() {
        Enterprise listed = withListings(aNeeqEnterprise(), listing("BSE", "873456", "2023-01-20", null));

        assertThat(aBsePipeline().overdueAt(listed, day("2023-03-31"))).isEmpty();
    }
}
