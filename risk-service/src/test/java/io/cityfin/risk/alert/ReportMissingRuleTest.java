package io.cityfin.risk.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.cityfin.common.http.IfMatch;
import io.cityfin.common.period.Period;
import io.cityfin.common.region.Region;
import io.cityfin.reporting.catalogue.Catalogue;
import io.cityfin.reporting.catalogue.CatalogueSection;
import io.cityfin.reporting.catalogue.Item;
import io.cityfin.reporting.catalogue.Kind;
import io.cityfin.reporting.catalogue.Unit;
import io.cityfin.reporting.institution.Institution;
import io.cityfin.reporting.institution.InstitutionChange;
import io.cityfin.reporting.institution.Institutions;
import io.cityfin.reporting.record.RecordAccepted;
import io.cityfin.reporting.report.ReportAccepted;
import io.cityfin.reporting.report.ReportVersion;
import io.cityfin.reporting.report.Reports;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * REPORT_MISSING on in-memory ports: calendar days from the month's last day (2022-09-30) to today, for the reporting
 * types active on that day without a report.
 */
class ReportMissingRuleTest {

    /** Risk's three report catalogues, in short: a SMALL_LOAN or PAWN company reports nothing. */
    private static final Catalogue CATALOGUE = new Catalogue("risk-service", List.of(item("GUARANTEE_OUTSTANDING_BALANCE"),
            item("BRIDGE_FUND_SIZE"), item("PRIVATE_LENDING_OUTSTANDING")), Set.of("SMALL_LOAN", "FINANCING_GUARANTEE",
            "PAWN", "BRIDGE_FUND", "PRIVATE_LENDING"), List.of(
            new CatalogueSection("FINANCING_GUARANTEE", Set.of("FINANCING_GUARANTEE"), List.of("GUARANTEE_OUTSTANDING_BALANCE")),
            new CatalogueSection("BRIDGE_FUND", Set.of("BRIDGE_FUND"), List.of("BRIDGE_FUND_SIZE")),
            new CatalogueSection("PRIVATE_LENDING", Set.of("PRIVATE_LENDING"), List.of("PRIVATE_LENDING_OUTSTANDING"))));

    private static final Period SEPTEMBER = Period.month(2022, 9);
    private static final OffsetDateTime AT = OffsetDateTime.of(2022, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final List<Institution> registry = List.of(
            institution("91361027MA0000001X", "FINANCING_GUARANTEE", "361027", "2016-08-01", null),
            institution("91361002MA0000002X", "BRIDGE_FUND", "361002", "2016-01-01", null),
            institution("91361021MA0000003X", "PRIVATE_LENDING", "361021", "2018-01-01", null),
            institution("91361022MA0000004X", "PRIVATE_LENDING", "361022", "2018-01-01", null),
            institution("91361023MA0000005X", "SMALL_LOAN", "361023", "2015-01-01", null),
            institution("91361024MA0000006X", "FINANCING_GUARANTEE", "361024", "2016-01-01", "2022-09-29"),
            institution("91361025MA0000007X", "FINANCING_GUARANTEE", "361025", "2022-10-01", null));

    @Test
    void findsEachExpectedReporterWithoutAReportByCalendarDaysSinceTheMonthsEnd() {
        // 2022-10-20 in the city: 20 days after 2022-09-30 → ORANGE (20 ≤ 20 < 30)
        List<Finding> findings = rule("2022-10-20", Set.of("91361021MA0000003X")).evaluate(SEPTEMBER, defaults()).block();

        assertThat(findings).extracting(Finding::subject).containsExactlyInAnyOrder("91361027MA0000001X", "91361002MA0000002X",
                "91361022MA0000004X");
        assertThat(findings).allSatisfy(finding -> {
            assertThat(finding.colour()).isEqualTo(Colour.ORANGE);
            assertThat(finding.value()).isEqualByComparingTo("20");
            assertThat(finding.threshold()).isEqualByComparingTo("20");
        });
        assertThat(findings).filteredOn(finding -> finding.subject().equals("91361027MA0000001X")).singleElement()
                .satisfies(finding -> assertThat(finding.region()).isEqualTo("361027"));
    }

    @Test
    void colouredByTheDaysThresholds() {
        assertThat(rule("2022-10-09", Set.of()).evaluate(SEPTEMBER, defaults()).block()).as("9 days").isEmpty();
        assertThat(rule("2022-10-10", Set.of()).evaluate(SEPTEMBER, defaults()).block()).extracting(Finding::colour).containsOnly(Colour.YELLOW);
        assertThat(rule("2022-10-30", Set.of()).evaluate(SEPTEMBER, defaults()).block()).extracting(Finding::colour).containsOnly(Colour.RED);
        assertThat(rule("2022-09-15", Set.of()).evaluate(SEPTEMBER, defaults()).block()).as("the month not over").isEmpty();
    }

    @Test
    void runsAgainAfterEveryReportAndEverySupervisoryAction() {
        ReportMissingRule rule = rule("2022-10-20", Set.of());
        assertThat(rule.affectedBy(new ReportAccepted("91361027MA0000001X", SEPTEMBER, 2))).isTrue();
        assertThat(rule.affectedBy(new RecordAccepted("supervisory-actions", UUID.randomUUID(), 1, LocalDate.of(2022, 9, 20)))).isTrue();
        assertThat(rule.affectedBy(new RecordAccepted("leads", UUID.randomUUID(), 1, LocalDate.of(2022, 9, 20)))).isFalse();
    }

    private static Item item(String code) {
        return new Item(code, code, code, Unit.CNY, Kind.STOCK, false, true);
    }

    private static RuleSettings defaults() {
        return new ReportMissingRule(null, CATALOGUE, null, Clock.systemUTC()).defaults();
    }

    private ReportMissingRule rule(String today, Set<String> reported) {
        // 12:00 in the city on that day
        Clock clock = Clock.fixed(Instant.parse(today + "T04:00:00Z"), ZoneOffset.UTC);
        return new ReportMissingRule(new FakeInstitutions(registry), CATALOGUE, new FakeReports(reported), clock);
    }

    private static Institution institution(String code, String type, String region, String from, @Nullable String to) {
        return new Institution(code, "机构" + code.substring(14), type, Region.ofCode(region).orElseThrow(), LocalDate.parse(from),
                to == null ? null : LocalDate.parse(to), 1, AT, "admin");
    }

    private record FakeInstitutions(List<Institution> all) implements Institutions {

        @Override
        public Mono<Institution> latest(String code) {
            return Flux.fromIterable(all).filter(i -> i.code().equals(code)).next();
        }

        @Override
        public Flux<Institution> allLatest() {
            return Flux.fromIterable(all);
        }

        @Override
        public Flux<Institution> activeOn(LocalDate day) {
            return Flux.fromIterable(all).filter(i -> i.isActiveOn(day));
        }

        @Override
        public Mono<Institution> append(String code, InstitutionChange change, OffsetDateTime at, String changedBy) {
            return Mono.error(new UnsupportedOperationException());
        }
    }

    private record FakeReports(Set<String> reported) implements Reports {

        @Override
        public Mono<ReportVersion> latest(String institutionCode, Period period) {
            return Mono.empty();
        }

        @Override
        public Flux<ReportVersion> versions(String institutionCode, Period period) {
            return Flux.empty();
        }

        @Override
        public Mono<ReportVersion> version(String institutionCode, Period period, int version) {
            return Mono.empty();
        }

        @Override
        public Mono<Appended> append(ReportVersion candidate, @Nullable IfMatch ifMatch) {
            return Mono.error(new UnsupportedOperationException());
        }

        @Override
        public Flux<String> reportedInstitutions(Period period) {
            return period.equals(SEPTEMBER) ? Flux.fromIterable(reported) : Flux.empty();
        }
    }
}
