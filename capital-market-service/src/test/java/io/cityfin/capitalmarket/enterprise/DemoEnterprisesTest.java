package io.cityfin.capitalmarket.enterprise;

import static io.cityfin.capitalmarket.enterprise.EnterpriseFixtures.day;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import io.cityfin.capitalmarket.enterprise.DemoEnterprises.Entry;
import io.cityfin.common.period.CityClock;
import io.cityfin.common.uscc.Uscc;
import io.cityfin.reporting.indicator.RecordRows;
import io.cityfin.reporting.record.UniqueClaim;

/** The demo file against data-standard-2.md's "Demo data": every record passes today's rules and gives the stated figures. */
class DemoEnterprisesTest {

    private static final LocalDate SEPTEMBER_2022 = day("2022-09-30");
    private final List<Entry> demo = DemoEnterprises.read(new ClassPathResource(DemoEnterprises.FILE));

    @Test
    void namesEveryEnterpriseOnceByAValidUscc() {
        assertThat(demo).allSatisfy(entry -> assertThat(Uscc.isValid(entry.uscc())).as(entry.uscc()).isTrue());
        assertThat(demo.stream().map(Entry::uscc).distinct()).hasSize(demo.size());
    }

    @Test
    void passesEveryRuleAndClaimsNoListingTwice() {
        EnterpriseType enterprises = new EnterpriseType(CityClock.system());
        PipelineType pipelines = new PipelineType(CityClock.system());

        assertThat(demo).allSatisfy(entry -> {
            assertThat(enterprises.faults(entry.enterprise())).as(entry.uscc()).isEmpty();
            if (entry.pipeline() != null) {
                assertThat(pipelines.faults(entry.pipeline(), entry.enterprise())).as(entry.uscc() + "'s pipeline").isEmpty();
            }
        });
        List<UniqueClaim> claims = demo.stream().flatMap(entry -> enterprises.claims(entry.enterprise()).stream()).toList();
        assertThat(claims.stream().map(UniqueClaim::value).distinct()).hasSize(claims.size());
    }

    @Test
    void datesEveryActualDateOnOrBeforeTheEndOfSeptember2022() {
        assertThat(demo).allSatisfy(entry -> {
            Enterprise e = entry.enterprise();
            assertThat(e.listingsOrNone()).allSatisfy(l -> assertThat(l.listedDay()).isBeforeOrEqualTo(SEPTEMBER_2022));
            assertThat(e.reformCompletedOn() == null || !e.reformCompletedOn().isAfter(SEPTEMBER_2022)).isTrue();
            if (entry.pipeline() != null) {
                assertThat(entry.pipeline().stagesOrNone()).allSatisfy(s -> assertThat(s.actualOn() == null
                        || !LocalDate.parse(s.actualOn()).isAfter(SEPTEMBER_2022)).isTrue());
            }
        });
    }

    @Test
    void givesTheEnterpriseFiguresOfTheStandardAtSeptember2022() {
        assertThat(count(Enterprise::isListedCompanyAt)).as("LISTED_COMPANY_COUNT").isEqualTo(3);
        assertThat(count((e, d) -> e.isListedAt(Board.NEEQ, d))).as("NEEQ_LISTED_COUNT").isEqualTo(6);
        assertThat(count((e, d) -> e.isListedAt(Board.REGIONAL_EQUITY, d))).as("REGIONAL_EQUITY_LISTED_COUNT").isEqualTo(574);
        assertThat(countInYear(Enterprise::firstListedOn)).as("NEW_LISTINGS_YTD: all three listed before 2022").isZero();
        assertThat(countInYear(Enterprise::reformCompletedOn)).as("SHAREHOLDING_REFORM_NEW_YTD").isEqualTo(4);
        assertThat(count(Enterprise::isReformSignedAt)).as("SHAREHOLDING_REFORM_SIGNED_COUNT").isEqualTo(20);
        assertThat(demo.stream().filter(entry -> entry.enterprise().isReformSignedAt(SEPTEMBER_2022))
                .map(entry -> entry.enterprise().shareholdingReform().signedOn()).allMatch(on -> on.startsWith("2022"))).isTrue();
    }

    @Test
    void namesTheCHINEXTCompaniesAndTheNeeqOnesWithBsePipelines() {
        Map<String, Entry> byName = demo.stream().collect(Collectors.toMap(entry -> entry.enterprise().name(), Function.identity()));

        assertThat(demo.stream().filter(entry -> entry.enterprise().isListedAt(Board.CHINEXT, SEPTEMBER_2022))
                .flatMap(entry -> entry.enterprise().listingsOrNone().stream()).map(Enterprise.Listing::stockCode))
                .containsExactlyInAnyOrder("300294", "300986", "300472");
        assertThat(List.of("江西广德环保科技股份有限公司", "江西金晖锂电材料股份有限公司")).allSatisfy(name -> {
            assertThat(byName.get(name).enterprise().isListedAt(Board.NEEQ, SEPTEMBER_2022)).isTrue();
            assertThat(byName.get(name).pipeline().targetBoard()).isEqualTo("BSE");
        });
    }

    @Test
    void givesThePipelineFiguresOfTheStandard() {
        List<Entry> plans = demo.stream().filter(entry -> entry.pipeline() != null).toList();

        assertThat(plans.stream().filter(entry -> entry.pipeline().isKeyCandidateAt(SEPTEMBER_2022))).as("KEY_IPO_CANDIDATE_COUNT").hasSize(20);
        assertThat(plans.stream().filter(entry -> entry.pipeline().isKeyCandidateAt(day("2023-03-31"))).map(entry -> entry.enterprise().name()))
                .containsExactlyInAnyOrder("江西施美药业股份有限公司", "江西广德环保科技股份有限公司", "江西金晖锂电材料股份有限公司",
                        "江西珍视明药业股份有限公司", "江西铜博科技股份有限公司", "江西迪比科股份有限公司");
        assertThat(overdue(plans, SEPTEMBER_2022)).as("OVERDUE_MILESTONES at 2022-09").isZero();
        assertThat(overdue(plans, day("2023-03-31"))).as("OVERDUE_MILESTONES at 2023-03: 施美药业's filing").isEqualTo(1);
        assertThat(overdue(plans, day("2023-06-30"))).as("until 2023-06").isEqualTo(1);
        assertThat(plans.stream().filter(entry -> entry.pipeline().isRunningAt(entry.enterprise(), SEPTEMBER_2022))).hasSize(20);
    }

    private long count(BiPredicate<Enterprise, LocalDate> inState) {
        return demo.stream().filter(entry -> inState.test(entry.enterprise(), SEPTEMBER_2022)).count();
    }

    private long countInYear(Function<Enterprise, LocalDate> dated) {
        return demo.stream().map(entry -> dated.apply(entry.enterprise())).filter(Objects::nonNull)
                .filter(date -> RecordRows.inYear(date, SEPTEMBER_2022)).count();
    }

    private static int overdue(List<Entry> plans, LocalDate day) {
        return plans.stream().mapToInt(entry -> entry.pipeline().overdueAt(entry.enterprise(), day).size()).sum();
    }
}
