package io.cityfin.capitalmarket.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.cityfin.capitalmarket.financing.InMemoryInstitutions;
import io.cityfin.capitalmarket.financing.Issue;
import io.cityfin.capitalmarket.financing.IssueType;
import io.cityfin.capitalmarket.fund.Fund;
import io.cityfin.capitalmarket.fund.FundInvestment;
import io.cityfin.capitalmarket.fund.FundInvestmentType;
import io.cityfin.capitalmarket.fund.FundType;
import io.cityfin.common.uscc.Uscc;
import io.cityfin.reporting.record.RecordContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo file's securities institutions, issues and funds against data-standard-2.md, "Demo data", with the
 * standard's figures written out: every record passes its rules, and the sums come out exactly.
 */
class FinancingDemoDataTest {

    private static final LocalDate LAST_DEMO_DAY = LocalDate.of(2022, 9, 30);
    /** A day long after the demo, so that no date is refused as in the future. */
    private static final Clock LATER = Clock.fixed(Instant.parse("2023-07-01T00:00:00Z"), ZoneOffset.UTC);

    private static File demo;

    @BeforeAll
    static void read() throws IOException {
        JsonMapper mapper = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try (InputStream in = FinancingDemoDataTest.class.getResourceAsStream("/demo/capital-market-demo.json")) {
            demo = mapper.readValue(in, File.class);
        }
    }

    @Test
    void registersTenSecuritiesInstitutionsOfWhichTheGreatWallSalesDepartmentOpenedIn2022() {
        assertThat(demo.institutions()).hasSize(10);
        assertThat(demo.institutions()).allSatisfy(institution -> {
            assertThat(Uscc.isValid(institution.code())).as(institution.code()).isTrue();
            assertThat(institution.type()).isIn("SECURITIES_BRANCH", "SECURITIES_SALES_DEPT", "FUTURES_BRANCH", "OTHER");
            assertThat(institution.activeTo()).isNull();
        });
        assertThat(demo.institutions()).filteredOn(institution -> institution.activeFrom().getYear() == 2022)
                .singleElement().satisfies(institution -> assertThat(institution.name()).matches("长城证券.*营业部"));
        assertThat(demo.institutions()).filteredOn(institution -> institution.activeFrom().isBefore(LocalDate.of(2022, 1, 1))).hasSize(9);
    }

    @Test
    void holdsIssuesSummingToTheStandardsChannelsAndPlatformFigure() {
        Map<String, BigDecimal> byChannel = demo.issues().stream()
                .collect(Collectors.groupingBy(Issue::channel, Collectors.reducing(BigDecimal.ZERO, Issue::amount, BigDecimal::add)));

        assertThat(byChannel.get("EXCHANGE_MARKET")).isEqualByComparingTo("3305000000");
        assertThat(byChannel.get("OTHER")).isEqualByComparingTo("1631000000");
        assertThat(byChannel.get("INTERBANK_BOND")).isEqualByComparingTo("2200000000");
        assertThat(byChannel.get("ENTERPRISE_BOND")).isEqualByComparingTo("100000000");
        assertThat(byChannel.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("7236000000.00");
        assertThat(demo.issues()).filteredOn(Issue::byPlatform).extracting(Issue::channel).containsOnly("INTERBANK_BOND", "ENTERPRISE_BOND");
        assertThat(demo.issues().stream().filter(Issue::byPlatform).map(Issue::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("2300000000.00");
        assertThat(demo.issues()).allSatisfy(issue -> assertThat(issue.issuedDay()).hasYear(2022).isBeforeOrEqualTo(LAST_DEMO_DAY));
        assertThat(demo.issues()).extracting(Issue::securityCode).doesNotHaveDuplicates();
    }

    @Test
    void holdsOnlyIssuesTheRulesAccept() {
        InMemoryInstitutions registry = new InMemoryInstitutions();
        demo.institutions().forEach(i -> registry.with(i.code(), i.type(), i.region(), i.activeFrom().toString(), null));
        IssueType type = new IssueType(registry, LATER);

        assertThat(demo.issues()).allSatisfy(issue -> assertThat(type.faults(issue, RecordContext.NONE).block()).as(issue.securityCode()).isEmpty());
        assertThat(demo.issues()).filteredOn(issue -> issue.leadUnderwriter() != null).isNotEmpty();
    }

    @Test
    void holdsEightFiledFundsInvestingTheStandardsSumIn2022AllInTheCity() {
        FundType funds = new FundType(LATER);
        FundInvestmentType investments = new FundInvestmentType(LATER);

        assertThat(demo.funds()).hasSize(8).allSatisfy(fund -> {
            assertThat(funds.faults(fund.fund(), RecordContext.NONE).block()).as(fund.name()).isEmpty();
            assertThat(fund.fund().filedBy(LAST_DEMO_DAY)).isTrue();
            assertThat(fund.fund().liquidatedBy(LAST_DEMO_DAY)).isFalse();
            assertThat(fund.investments()).allSatisfy(investment -> {
                assertThat(investments.faults(investment, new RecordContext(null, fund.fund(), null)).block()).isEmpty();
                assertThat(investment.investedDay()).hasYear(2022).isBeforeOrEqualTo(LAST_DEMO_DAY);
                assertThat(investment.local()).isTrue();
            });
        });
        assertThat(demo.funds()).extracting(FundEntry::amacCode).doesNotHaveDuplicates();
        assertThat(demo.funds().stream().flatMap(fund -> fund.investments().stream()).map(FundInvestment::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("81588100.00");
    }

    record File(List<Institution> institutions, List<Issue> issues, List<FundEntry> funds) {
    }

    record Institution(String code, String name, String type, String region, LocalDate activeFrom, @Nullable LocalDate activeTo) {
    }

    record FundEntry(String name, String region, String establishedOn, @Nullable String liquidatedOn, Fund.Manager manager,
                     String amacCode, String amacFiledOn, List<FundInvestment> investments) {

        Fund fund() {
            return new Fund(name, region, establishedOn, liquidatedOn, manager, amacCode, amacFiledOn);
        }
    }
}
