package io.cityfin.capitalmarket.enterprise;

import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.aBsePipeline;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.aNeeqEnterprise;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.day;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.listing;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.terminatedOn;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.withListings;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.withRegion;
import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.withStage;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.cityfin.reporting.catalogue.Kind;
import io.cityfin.reporting.catalogue.Unit;
import io.cityfin.reporting.indicator.IndicatorDefinition;
import io.cityfin.reporting.indicator.RecordIndicators;
import io.cityfin.reporting.indicator.RecordMeasure;
import io.cityfin.reporting.indicator.RecordRows;
import io.cityfin.reporting.record.RecordView;
import io.cityfin.reporting.test.TestRecords;
import reactor.core.publisher.Flux;

/** The declared measures on rows in memory: what each counts at D, and where. */
class EnterpriseIndicatorsTest {

    private final RecordIndicators indicators = EnterpriseConfiguration.indicators(RecordRows.of(Flux::empty), RecordRows.of(Flux::empty));

    @Test
    void declaresTheEighteenEnterpriseAndPipelineCodesOfTheStandardWithTheirKindsAndUnits() {
        assertThat(indicators.definitions()).extracting(IndicatorDefinition::code).containsExactly("LISTED_COMPANY_COUNT", "NEEQ_LISTED_COUNT",
                "REGIONAL_EQUITY_LISTED_COUNT", "NEW_LISTINGS_YTD", "SHAREHOLDING_REFORM_NEW_YTD", "SHAREHOLDING_REFORM_SIGNED_COUNT",
                "RESERVE_POOL_COUNT", "SPECIALISED_SME_COUNT", "KEY_IPO_CANDIDATE_COUNT", "IPO_PIPELINE_COUNT", "IPO_PIPELINE_AT_NONE_COUNT",
                "IPO_PIPELINE_AT_SHAREHOLDING_REFORM_COUNT", "IPO_PIPELINE_AT_TUTORING_FILED_COUNT", "IPO_PIPELINE_AT_TUTORING_ACCEPTED_COUNT",
                "IPO_PIPELINE_AT_APPLICATION_FILED_COUNT", "IPO_PIPELINE_AT_APPROVED_COUNT", "IPO_PIPELINE_AT_REGISTERED_COUNT",
                "OVERDUE_MILESTONES");
        assertThat(indicators.definitions()).allSatisfy(d -> {
            assertThat(d.unit()).isEqualTo(Unit.COUNT);
            assertThat(d.kind()).isEqualTo(d.code().endsWith("_YTD") ? Kind.FLOW : Kind.STOCK);
        });
    }

    @Test
    void countsAListingOpenedAndClosedAroundD() {
        Enterprise closed = withListings(aNeeqEnterprise(), listing("NEEQ", "873456", "2022-03-01", "2022-06-30"));

        assertThat(figure("NEEQ_LISTED_COUNT", List.of(closed), day("2022-02-28"))).isZero();
        assertThat(figure("NEEQ_LISTED_COUNT", List.of(closed), day("2022-03-31"))).isEqualTo(1);
        assertThat(figure("NEEQ_LISTED_COUNT", List.of(closed), day("2022-06-30"))).isZero();
    }

    @Test
    void countsANeeqCompanyMovingToBseAsANewListingAndAMoveBetweenExchangesNot() {
        Enterprise toBse = withListings(aNeeqEnterprise(), listing("NEEQ", "873456", "2019-01-10", "2022-08-01"),
                listing("BSE", "873456", "2022-08-01", null));
        Enterprise toShanghai = withListings(aNeeqEnterprise(), listing("STAR", "688123", "2020-07-01", "2022-05-01"),
                listing("MAIN_BOARD_SH", "601234", "2022-05-01", null));

        assertThat(figure("NEW_LISTINGS_YTD", List.of(toBse, toShanghai), day("2022-09-30"))).isEqualTo(1);
        assertThat(figure("NEW_LISTINGS_YTD", List.of(toBse, toShanghai), day("2022-07-31"))).isZero();
        assertThat(figure("NEW_LISTINGS_YTD", List.of(toBse, toShanghai), day("2023-01-31"))).isZero();
        assertThat(figure("LISTED_COMPANY_COUNT", List.of(toBse, toShanghai), day("2022-09-30"))).isEqualTo(2);
    }

    @Test
    void countsAnEnterpriseInItsOwnRegion() {
        Enterprise linchuan = withRegion(aNeeqEnterprise(), "361002");

        assertThat(measure("NEEQ_LISTED_COUNT").total(List.of(linchuan), day("2022-09-30"), "361002")).isEqualByComparingTo("1");
        assertThat(measure("NEEQ_LISTED_COUNT").total(List.of(linchuan), day("2022-09-30"), "361090")).isEqualByComparingTo("0");
    }

    @Test
    void placesAPipelineAtItsLastReachedStageAndInItsEnterprisesRegion() {
        RecordView<Pipeline> filed = view(withStage(aBsePipeline(), "TUTORING_FILED", "2022-12-31", "2022-09-30"), aNeeqEnterprise());
        RecordView<Pipeline> planned = view(aBsePipeline(), aNeeqEnterprise());

        assertThat(pipelineFigure("IPO_PIPELINE_COUNT", List.of(filed, planned), day("2022-09-30"), null)).isEqualTo(2);
        assertThat(pipelineFigure("IPO_PIPELINE_AT_TUTORING_FILED_COUNT", List.of(filed, planned), day("2022-09-30"), null)).isEqualTo(1);
        assertThat(pipelineFigure("IPO_PIPELINE_AT_SHAREHOLDING_REFORM_COUNT", List.of(filed, planned), day("2022-09-30"), null)).isEqualTo(1);
        assertThat(pipelineFigure("IPO_PIPELINE_AT_SHAREHOLDING_REFORM_COUNT", List.of(filed, planned), day("2022-09-29"), null)).isEqualTo(2);
        assertThat(pipelineFigure("IPO_PIPELINE_COUNT", List.of(filed, planned), day("2022-09-30"), "361090")).isEqualTo(2);
        assertThat(pipelineFigure("IPO_PIPELINE_COUNT", List.of(filed, planned), day("2022-09-30"), "361002")).isZero();
    }

    @Test
    void countsNothingOfAPipelineTerminatedBeforeD() {
        RecordView<Pipeline> terminated = view(terminatedOn(aBsePipeline(), "2022-06-30"), aNeeqEnterprise());

        assertThat(pipelineFigure("KEY_IPO_CANDIDATE_COUNT", List.of(terminated), day("2022-06-29"), null)).isEqualTo(1);
        assertThat(pipelineFigure("KEY_IPO_CANDIDATE_COUNT", List.of(terminated), day("2022-09-30"), null)).isZero();
        assertThat(pipelineFigure("IPO_PIPELINE_COUNT", List.of(terminated), day("2022-09-30"), null)).isZero();
        assertThat(pipelineFigure("OVERDUE_MILESTONES", List.of(terminated), day("2023-03-31"), null)).isZero();
    }

    @Test
    void countsEveryOverdueStage() {
        RecordView<Pipeline> planned = view(aBsePipeline(), aNeeqEnterprise());

        assertThat(pipelineFigure("OVERDUE_MILESTONES", List.of(planned), day("2022-12-31"), null)).isZero();
        assertThat(pipelineFigure("OVERDUE_MILESTONES", List.of(planned), day("2023-07-31"), null)).isEqualTo(2);
    }

    private int figure(String code, List<Enterprise> rows, LocalDate day) {
        return measure(code).total(rows, day, null).intValueExact();
    }

    @SuppressWarnings("unchecked")
    private int pipelineFigure(String code, List<RecordView<Pipeline>> rows, LocalDate day, @Nullable String region) {
        BigDecimal total = ((RecordMeasure<RecordView<Pipeline>>) (RecordMeasure<?>) measureOf(code)).total(rows, day, region);
        return total.intValueExact();
    }

    @SuppressWarnings("unchecked")
    private RecordMeasure<Enterprise> measure(String code) {
        return (RecordMeasure<Enterprise>) measureOf(code);
    }

    private RecordMeasure<?> measureOf(String code) {
        return indicators.measures().stream().filter(m -> m.definition().code().equals(code)).findFirst().orElseThrow();
    }

    private static RecordView<Pipeline> view(Pipeline pipeline, Enterprise enterprise) {
        return TestRecords.view("pipelines", "K", pipeline, enterprise);
    }
}
