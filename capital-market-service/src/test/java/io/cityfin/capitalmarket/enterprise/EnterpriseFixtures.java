package io.cityfin.capitalmarket.enterprise;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.cityfin.capitalmarket.enterprise.Enterprise.Listing;
import io.cityfin.capitalmarket.enterprise.Enterprise.ReservePool;
import io.cityfin.capitalmarket.enterprise.Enterprise.ShareholdingReform;
import io.cityfin.capitalmarket.enterprise.Pipeline.Stage;

/** Enterprises and pipelines as data-standard-2.md's examples show them, and variations stating their intent. */
final class EnterpriseFixtures {

    /** "Today" of the rule tests: 2022-10-15 in Asia/Shanghai. */
    static final LocalDate TODAY = LocalDate.of(2022, 10, 15);
    static final Clock CLOCK = Clock.fixed(TODAY.atTime(12, 0).toInstant(ZoneOffset.ofHours(8)), ZoneOffset.UTC);

    private EnterpriseFixtures() {
    }

    /** The standard's example: 专精特新 since 2021-07-01, in the pool since 2022-03-01, reformed 2022-05-18, on NEEQ since 2022-08-09. */
    static Enterprise aNeeqEnterprise() {
        return new Enterprise("抚州示例股份有限公司", "361090", "2021-07-01", new ReservePool("2022-03-01", null),
                new ShareholdingReform("COMPLETED", "2021-11-20", "2022-05-18"),
                List.of(new Listing("NEEQ", "873456", "2022-08-09", null)));
    }

    /** No reform, no listing, no pool. */
    static Enterprise aPlainEnterprise() {
        return new Enterprise("抚州普通有限公司", "361002", null, null, new ShareholdingReform("NONE", null, null), List.of());
    }

    static Enterprise withListings(Enterprise enterprise, Listing... listings) {
        return new Enterprise(enterprise.name(), enterprise.region(), enterprise.specialisedSmeSince(), enterprise.reservePool(),
                enterprise.shareholdingReform(), List.of(listings));
    }

    static Enterprise withReform(Enterprise enterprise, @Nullable String status, @Nullable String signedOn, @Nullable String completedOn) {
        return new Enterprise(enterprise.name(), enterprise.region(), enterprise.specialisedSmeSince(), enterprise.reservePool(),
                new ShareholdingReform(status, signedOn, completedOn), enterprise.listings());
    }

    static Enterprise withRegion(Enterprise enterprise, @Nullable String region) {
        return new Enterprise(enterprise.name(), region, enterprise.specialisedSmeSince(), enterprise.reservePool(),
                enterprise.shareholdingReform(), enterprise.listings());
    }

    static Enterprise withPool(Enterprise enterprise, @Nullable ReservePool pool) {
        return new Enterprise(enterprise.name(), enterprise.region(), enterprise.specialisedSmeSince(), pool,
                enterprise.shareholdingReform(), enterprise.listings());
    }

    static Listing listing(String board, String code, @Nullable String listedOn, @Nullable String delistedOn) {
        return new Listing(board, code, listedOn, delistedOn);
    }

    /** The standard's example plan for BSE: key candidate in 2022 and 2023, stages 2–7 planned from 2022-12-31, none reached. */
    static Pipeline aBsePipeline() {
        return new Pipeline("BSE", "示例证券股份有限公司", List.of(2022, 2023), null, List.of(
                new Stage("TUTORING_FILED", "2022-12-31", null), new Stage("TUTORING_ACCEPTED", "2023-06-30", null),
                new Stage("APPLICATION_FILED", "2023-09-30", null), new Stage("APPROVED", "2024-03-31", null),
                new Stage("REGISTERED", "2024-05-31", null), new Stage("LISTED", "2024-06-30", null)));
    }

    static Pipeline withStages(Pipeline pipeline, Stage... stages) {
        return new Pipeline(pipeline.targetBoard(), pipeline.sponsor(), pipeline.keyCandidateYears(), pipeline.terminatedOn(), List.of(stages));
    }

    /** The plan with {@code stage}'s entry replaced. */
    static Pipeline withStage(Pipeline pipeline, String stage, @Nullable String plannedOn, @Nullable String actualOn) {
        List<Stage> stages = new ArrayList<>(pipeline.stagesOrNone());
        stages.replaceAll(entry -> entry.stage().equals(stage) ? new Stage(stage, plannedOn, actualOn) : entry);
        return withStages(pipeline, stages.toArray(Stage[]::new));
    }

    static Pipeline terminatedOn(Pipeline pipeline, @Nullable String day) {
        return new Pipeline(pipeline.targetBoard(), pipeline.sponsor(), pipeline.keyCandidateYears(), day, pipeline.stages());
    }

    static Pipeline withTarget(Pipeline pipeline, @Nullable String board) {
        return new Pipeline(board, pipeline.sponsor(), pipeline.keyCandidateYears(), pipeline.terminatedOn(), pipeline.stages());
    }

    static Pipeline withYears(Pipeline pipeline, @Nullable List<Integer> years) {
        return new Pipeline(pipeline.targetBoard(), pipeline.sponsor(), years, pipeline.terminatedOn(), pipeline.stages());
    }

    static LocalDate day(String text) {
        return LocalDate.parse(text);
    }
}
