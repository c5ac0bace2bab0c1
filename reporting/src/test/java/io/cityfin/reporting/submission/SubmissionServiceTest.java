package io.cityfin.reporting.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;

import io.cityfin.common.identity.Caller;
import io.cityfin.common.identity.CallerAuthentication;
import io.cityfin.common.identity.ForbiddenException;
import io.cityfin.common.identity.Role;
import io.cityfin.common.period.CityClock;
import io.cityfin.common.period.Period;
import io.cityfin.common.problem.FieldError;
import io.cityfin.common.problem.InvalidParameterException;
import io.cityfin.common.region.Region;
import io.cityfin.reporting.catalogue.Catalogue;
import io.cityfin.reporting.catalogue.CatalogueSection;
import io.cityfin.reporting.catalogue.Item;
import io.cityfin.reporting.catalogue.Kind;
import io.cityfin.reporting.catalogue.Unit;
import io.cityfin.reporting.institution.Institution;
import io.cityfin.reporting.institution.InstitutionChange;
import io.cityfin.reporting.institution.Institutions;
import io.cityfin.reporting.report.ReportStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class SubmissionServiceTest {

    private static final OffsetDateTime RECEIVED = OffsetDateTime.parse("2022-10-05T02:00:00Z");

    private final Clock clock = Clock.fixed(Instant.parse("2022-10-08T09:00:00Z"), CityClock.ZONE);
    private final InMemoryInstitutions institutions = new InMemoryInstitutions();
    private final InMemoryLatestVersions latestVersions = new InMemoryLatestVersions();
    private final SubmissionService service = new SubmissionService(institutions, latestVersions, clock,
            new Catalogue("credit-service", List.of(), java.util.Set.of("STATE_OWNED_BANK")));

    @Test
    void expectsOnlyInstitutionsOfATypeASectionIsFor() {
        Catalogue sections = new Catalogue("risk-service",
                List.of(new Item("GUARANTEE_NET_ASSETS", "净资产", "Net assets", Unit.CNY, Kind.STOCK, false, true)),
                java.util.Set.of("FINANCING_GUARANTEE", "SMALL_LOAN"),
                List.of(new CatalogueSection("FINANCING_GUARANTEE", java.util.Set.of("FINANCING_GUARANTEE"), List.of("GUARANTEE_NET_ASSETS"))));
        SubmissionService byType = new SubmissionService(institutions, latestVersions, clock, sections);
        institutions.register("GUAR1", "FINANCING_GUARANTEE", "2015-01-01", null);
        institutions.register("LOAN1", "SMALL_LOAN", "2015-01-01", null);
        latestVersions.add("2022-09", "GUAR1", 1, ReportStatus.ACCEPTED);

        StepVerifier.create(as(Role.ANALYST, null, byType.submissions("2022-09")))
                .assertNext(sheet -> {
                    assertThat(sheet.rows()).extracting(Submission::institutionCode).containsExactly("GUAR1");
                    assertThat(sheet.expected()).isEqualTo(1);
                    assertThat(sheet.submitted()).isEqualTo(1);
                })
                .verifyComplete();
    }

    @Test
    void listsEveryExpectedInstitutionByCodeAsSubmittedOrMissingWithCounts() {
        institutions.register("BANKC", "2015-01-01", null);
        institutions.register("BANKA", "2015-01-01", null);
        institutions.register("BANKB", "2015-01-01", null);
        latestVersions.add("2022-09", "BANKA", 2, ReportStatus.ACCEPTED);
        latestVersions.add("2022-09", "BANKC", 1, ReportStatus.ACCEPTED_WITH_WARNINGS);
        latestVersions.add("2022-08", "BANKB", 1, ReportStatus.ACCEPTED);

        StepVerifier.create(as(Role.ANALYST, null, service.submissions("2022-09")))
                .assertNext(sheet -> {
                    assertThat(sheet.period()).isEqualTo(Period.parse("2022-09"));
                    assertThat(sheet.rows()).extracting(Submission::institutionCode).containsExactly("BANKA", "BANKB", "BANKC");
                    assertThat(sheet.rows()).extracting(Submission::status)
                            .containsExactly(SubmissionStatus.SUBMITTED, SubmissionStatus.MISSING, SubmissionStatus.SUBMITTED);
                    assertThat(sheet.rows().get(0).institutionName()).isEqualTo("BANKA 抚州分行");
                    assertThat(sheet.rows().get(0).latest()).isEqualTo(new LatestVersion("BANKA", 2, ReportStatus.ACCEPTED, RECEIVED));
                    assertThat(sheet.rows().get(1).latest()).isNull();
                    assertThat(sheet.rows().get(2).latest().status()).isEqualTo(ReportStatus.ACCEPTED_WITH_WARNINGS);
                    assertThat(List.of(sheet.expected(), sheet.submitted(), sheet.missing())).containsExactly(3, 2, 1);
                })
                .verifyComplete();
    }

    @Test
    void countsAnInstitutionWhoseLatestVersionIsAWithdrawalAsMissingAndShowsTheWithdrawal() {
        institutions.register("BANKA", "2015-01-01", null);
        latestVersions.add("2022-09", "BANKA", 3, ReportStatus.WITHDRAWN);

        StepVerifier.create(as(Role.ADMIN, null, service.submissions("2022-09")))
                .assertNext(sheet -> {
                    Submission row = sheet.rows().get(0);
                    assertThat(row.status()).isEqualTo(SubmissionStatus.MISSING);
                    assertThat(row.latest()).isEqualTo(new LatestVersion("BANKA", 3, ReportStatus.WITHDRAWN, RECEIVED));
                    assertThat(List.of(sheet.expected(), sheet.submitted(), sheet.missing())).containsExactly(1, 0, 1);
                })
                .verifyComplete();
    }

    @Test
    void expectsOnlyInstitutionsWhoseLatestVersionIsActiveOnThePeriodsLastDay() {
        institutions.register("CLOSED", "2015-01-01", "2022-09-29");
        institutions.register("LASTDAY", "2015-01-01", "2022-09-30");
        institutions.register("OPENED", "2022-10-01", null);
        institutions.register("REOPENED", "2015-01-01", "2020-12-31");
        institutions.register("REOPENED", "2015-01-01", null);
        institutions.register("CLOSEDSINCE", "2015-01-01", null);
        institutions.register("CLOSEDSINCE", "2015-01-01", "2022-06-30");
        latestVersions.add("2022-09", "CLOSED", 1, ReportStatus.ACCEPTED);

        StepVerifier.create(as(Role.ANALYST, null, service.submissions("2022-09")))
                .assertNext(sheet -> {
                    assertThat(sheet.rows()).extracting(Submission::institutionCode).containsExactly("LASTDAY", "REOPENED");
                    assertThat(List.of(sheet.expected(), sheet.submitted(), sheet.missing())).containsExactly(2, 0, 2);
                })
                .verifyComplete();
    }

    @Test
    void readsAQuarterAsItsLastMonth() {
        institutions.register("BANKA", "2015-01-01", null);
        institutions.register("GONEINSEPTEMBER", "2015-01-01", "2022-09-15");
        latestVersions.add("2022-09", "BANKA", 1, ReportStatus.ACCEPTED);

        StepVerifier.create(as(Role.ANALYST, null, service.submissions("2022-Q3")))
                .assertNext(sheet -> {
                    assertThat(sheet.period()).isEqualTo(Period.parse("2022-Q3"));
                    assertThat(sheet.reportPeriod()).isEqualTo(Period.parse("2022-09"));
                    assertThat(sheet.rows()).extracting(Submission::institutionCode).containsExactly("BANKA");
                    assertThat(sheet.submitted()).isEqualTo(1);
                })
                .verifyComplete();
        assertThat(latestVersions.asked).containsExactly(Period.parse("2022-09"));
    }

    @Test
    void readsATenDayPeriodAtItsOwnLastDay() {
        institutions.register("BANKA", "2015-01-01", null);
        institutions.register("OPENEDLATE", "2022-09-21", null);
        latestVersions.add("2022-09-D2", "BANKA", 1, ReportStatus.ACCEPTED);
        latestVersions.add("2022-09", "OPENEDLATE", 1, ReportStatus.ACCEPTED);

        StepVerifier.create(as(Role.ANALYST, null, service.submissions("2022-09-D2")))
                .assertNext(sheet -> {
                    assertThat(sheet.reportPeriod()).isEqualTo(Period.parse("2022-09-D2"));
                    assertThat(sheet.rows()).extracting(Submission::institutionCode).containsExactly("BANKA");
                    assertThat(sheet.rows()).extracting(Submission::status).containsExactly(SubmissionStatus.SUBMITTED);
                })
                .verifyComplete();
    }

    @Test
    void showsASubmitterOnlyItsOwnRowAndCountsOverThatRow() {
        institutions.register("BANKA", "2015-01-01", null);
        institutions.register("BANKB", "2015-01-01", null);
        institutions.register("BANKC", "2015-01-01", null);
        latestVersions.add("2022-09", "BANKA", 1, ReportStatus.ACCEPTED);

        StepVerifier.create(as(Role.SUBMITTER, "BANKB", service.submissions("2022-09")))
                .assertNext(sheet -> {
                    assertThat(sheet.rows()).extracting(Submission::institutionCode).containsExactly("BANKB");
                    assertThat(List.of(sheet.expected(), sheet.submitted(), sheet.missing())).containsExactly(1, 0, 1);
                })
                .verifyComplete();
    }

    @Test
    void showsASubmitterWhoseInstitutionIsNotExpectedNoRowsAtAll() {
        institutions.register("BANKA", "2015-01-01", null);
        institutions.register("CLOSED", "2015-01-01", "2021-12-31");

        StepVerifier.create(as(Role.SUBMITTER, "CLOSED", service.submissions("2022-09")))
                .assertNext(sheet -> {
                    assertThat(sheet.rows()).isEmpty();
                    assertThat(List.of(sheet.expected(), sheet.submitted(), sheet.missing())).containsExactly(0, 0, 0);
                })
                .verifyComplete();
    }

    @Test
    void refusesThePortal() {
        institutions.register("BANKA", "2015-01-01", null);

        StepVerifier.create(as(Role.PORTAL, null, service.submissions("2022-09")))
                .expectError(ForbiddenException.class)
                .verify();
    }

    @Test
    void refusesAPeriodThatStartsAfterTodayNamingTheParameter() {
        assertParameterError("2022-11", "PERIOD_IN_FUTURE");
        assertParameterError("2022-10-D2", "PERIOD_IN_FUTURE");
        assertParameterError("2022-13", "INVALID_PERIOD");
        assertParameterError(null, "MISSING_PARAMETER");
    }

    @Test
    void acceptsTheCurrentPeriodThoughItHasNotEnded() {
        institutions.register("BANKA", "2015-01-01", null);

        StepVerifier.create(as(Role.ADMIN, null, service.submissions("2022-10")))
                .assertNext(sheet -> assertThat(sheet.missing()).isEqualTo(1))
                .verifyComplete();
    }

    private void assertParameterError(@Nullable String period, String code) {
        assertThatThrownBy(() -> service.submissions(period))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errors()).extracting(FieldError::parameter, FieldError::code).containsExactly(tuple("period", code));
                });
    }

    private static <T> Mono<T> as(Role role, @Nullable String institution, Mono<T> call) {
        Caller caller = new Caller("key-" + role, EnumSet.of(role), institution);
        return call.contextWrite(ReactiveSecurityContextHolder.withAuthentication(new CallerAuthentication(caller, "token")));
    }

    /** The registry's versions in memory, with the adapter's rule: the latest version of each code decides. */
    private static final class InMemoryInstitutions implements Institutions {

        private final List<Institution> versions = new ArrayList<>();

        void register(String code, String activeFrom, @Nullable String activeTo) {
            register(code, "STATE_OWNED_BANK", activeFrom, activeTo);
        }

        void register(String code, String type, String activeFrom, @Nullable String activeTo) {
            int version = (int) versions.stream().filter(i -> i.code().equals(code)).count() + 1;
            versions.add(new Institution(code, code + " 抚州分行", type, Region.LINCHUAN, LocalDate.parse(activeFrom),
                    activeTo == null ? null : LocalDate.parse(activeTo), version, RECEIVED, "admin"));
        }

        @Override
        public Mono<Institution> latest(String code) {
            return Mono.justOrEmpty(versions.stream().filter(i -> i.code().equals(code))
                    .max(Comparator.comparingInt(Institution::version)));
        }

        @Override
        public Flux<Institution> allLatest() {
            return Flux.fromStream(versions.stream().map(Institution::code).distinct().sorted()).flatMap(this::latest);
        }

        @Override
        public Flux<Institution> activeOn(LocalDate day) {
            return allLatest().filter(institution -> institution.isActiveOn(day));
        }

        @Override
        public Mono<Institution> append(String code, InstitutionChange change, OffsetDateTime at, String changedBy) {
            return Mono.error(new UnsupportedOperationException());
        }
    }

    /** Latest versions by report period in memory; remembers which periods were asked for. */
    private static final class InMemoryLatestVersions implements LatestVersions {

        private final List<Period> asked = new ArrayList<>();
        private final Map<Period, List<LatestVersion>> byPeriod = new HashMap<>();

        void add(String period, String institutionCode, int version, ReportStatus status) {
            byPeriod.computeIfAbsent(Period.parse(period), p -> new ArrayList<>())
                    .add(new LatestVersion(institutionCode, version, status, RECEIVED));
        }

        @Override
        public Flux<LatestVersion> of(Period reportPeriod) {
            asked.add(reportPeriod);
            return Flux.fromIterable(byPeriod.getOrDefault(reportPeriod, List.of()));
        }
    }
}
